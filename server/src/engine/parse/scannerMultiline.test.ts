// Differential test (against remark, like test/engine/scanner.test.ts) for inline constructs that run from one
// line of a paragraph onto the next: link text wrapped by the editor, comments, autolinks. Their destinations
// must stay out of the prose, so an ID in a destination is never taken for a reference.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { remarkFingerprint, scannerFingerprint } from '../../../../test/engine/remarkOracle';

const WORDS = ['policy', 'A.8.28', 'R-001', 'POL-002', 'the', '`A.9.1`', 'x', '**bold**', '_em_', '&amp;', 'R-12'];
const word = fc.constantFrom(...WORDS);
const text = fc.array(word, { minLength: 0, maxLength: 3 }).map((w) => w.join(' '));
const SPLITTING = [
  (a: string, b: string) => `[${a}\n${b}](R-009.md#A.5.1)`,
  (a: string, b: string) => `![${a}\n${b}](img/R-010.png "t A.5.2")`,
  (a: string, b: string) => `[${a}\n${b}](<docs/R-011 A.5.3.md>)`,
  (a: string) => `[${a}](\nR-012.md)`,
  (a: string, b: string) => `see <!-- ${a}\nA.5.4 ${b} -->`, // mid-paragraph: a comment opening a line is an HTML block
  (a: string, b: string) => `[${a}\n${b}][ref]`,
  (a: string, b: string) => `[${a}\n\n${b}](R-013.md)`,
  (a: string, b: string) => `\`${a}\n${b}\``,
];
const piece = fc.tuple(fc.integer({ min: 0, max: SPLITTING.length - 1 }), text, text).map(([i, a, b]) => SPLITTING[i](a || 'x', b || 'y'));
const paragraph = fc.array(fc.oneof(piece, text), { minLength: 1, maxLength: 5 }).map((parts) => parts.join(' '));
const doc = fc
  .tuple(fc.array(paragraph, { minLength: 1, maxLength: 3 }), fc.constantFrom('', '# Heading R-001\n\n', '- item '), fc.boolean())
  .map(([paras, lead, def]) => lead + paras.join('\n\n') + (def ? '\n\n[ref]: https://example.com/R-014' : '') + '\n');

describe('scanner on constructs spanning lines (differential against remark)', function () {
  this.timeout(60_000);
  it('agrees with remark', () => {
    fc.assert(
      fc.property(doc, (t) => {
        assert.deepEqual(scannerFingerprint(t), remarkFingerprint(t));
      }),
      { numRuns: Number(process.env.SCANNER_RUNS ?? 300) },
    );
  });

  it('keeps a wrapped link destination out of the prose', () => {
    const t = 'See the [risk\nregister](R-009.md) and A.5.1.\n';
    assert.deepEqual(scannerFingerprint(t).refs, ['control A.5.1']);
  });
});
