// Differential test: the fast scanner must find the same headings, links, tables and ID references as remark
// on the bundled example and on generated documents mixing every construct an ISMS uses.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { remarkFingerprint, scannerFingerprint } from './remarkOracle';

function markdownFiles(dir: string, found: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) markdownFiles(full, found);
    else if (name.endsWith('.md')) found.push(full);
  }
  return found;
}

const INLINE = [
  'policy', 'the', 'A.8.28', 'A 8.4', 'Annex A 5.15', 'Annex A.8.1', 'R-001', 'R-12', 'POL-002', '`A.9.1`', '``R-7 `x` ``',
  '[link](other.md)', '[A.5.1](x.md#a)', '[R-003](<a b.md>)', '![img A.8.2](a.png)', '<https://x.io/A.8.1>', 'https://y.io/A.5.2',
  '**A.8.8**', '*em*', '_under_', 'snake_case_A.8.3', 'v8.28.1', '10.8.28.1', '<span>', '</span>', '<!-- A.7.5 -->', '\\[A.5.2\\]',
  '&amp;', 'A.12.6.1', '42001:A.6.2.4', '[ref][1]', '(R-004)', 'x|y', '#', '>',
];
const word = fc.constantFrom(...INLINE);
const inline = fc.array(word, { minLength: 1, maxLength: 8 }).map((w) => w.join(' '));
const cellText = fc.array(word.filter((w) => !w.includes('|')), { minLength: 0, maxLength: 3 }).map((w) => w.join(' '));

const block = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 6 }), inline).map(([d, t]) => `${'#'.repeat(d)} ${t}`),
  fc.tuple(inline, fc.constantFrom('===', '---')).map(([t, u]) => `${t}\n${u}`),
  fc.array(inline, { minLength: 1, maxLength: 3 }).map((l) => l.join('\n')),
  fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 4 }), fc.boolean()).chain(([cols, rows, pipes]) =>
    fc.array(fc.array(cellText, { minLength: cols, maxLength: cols }), { minLength: rows + 1, maxLength: rows + 1 }).map((cells) => {
      const line = (c: string[]) => (pipes ? `| ${c.join(' | ')} |` : c.join(' | ') + (cols === 1 ? ' |' : ''));
      const header = cells[0].map((c, i) => c || `Column ${i + 1}`); // real tables name their columns
      return [line(header), line(Array(cols).fill('---')), ...cells.slice(1).map(line)].join('\n');
    }),
  ),
  fc.array(fc.tuple(fc.constantFrom('- ', '* ', '1. ', '  - ', '    - '), inline), { minLength: 1, maxLength: 4 }).map((items) => items.map(([m, t]) => m + t).join('\n')),
  fc.array(inline, { minLength: 1, maxLength: 3 }).map((l) => l.map((x) => `> ${x}`).join('\n')),
  fc.tuple(fc.constantFrom('```', '~~~', '````'), inline).map(([f, t]) => `${f}\n${t}\n${f}`),
  inline.map((t) => `    ${t}`),
  inline.map((t) => `<!--\n${t}\n-->`),
  inline.map((t) => `<div>\n${t}\n</div>`),
  fc.constant('[1]: https://example.com/A.8.9'),
  fc.constantFrom('- [Date]: some words', '[1]: other.md "Title A.5.1"', "[1]: <a b.md> 'Title'", '[1]: other.md (Title)', '[1]: other.md "Title" trailing', '[1]: <a.md>b'),
  fc.constant('***'),
);

const documentArb = fc
  .tuple(fc.boolean(), fc.array(fc.tuple(block, fc.constantFrom('\n\n', '\n\n', '\n\n\n')), { minLength: 1, maxLength: 8 }))
  .map(([front, blocks]) => (front ? '---\ntype: policy\ncontrols: [A.5.1]\n---\n' : '') + blocks.map(([b, sep]) => b + sep).join(''));

describe('scanner (differential against remark)', function () {
  this.timeout(60_000); // remark, the reference, is slow
  it('agrees with remark on every document of the bundled example', () => {
    const files = markdownFiles('examples/acme-ai-isms');
    assert.ok(files.length > 30);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      assert.deepEqual(scannerFingerprint(text), remarkFingerprint(text), file);
    }
  });

  it('agrees with remark on generated documents', () => {
    fc.assert(
      fc.property(documentArb, (text) => {
        assert.deepEqual(scannerFingerprint(text), remarkFingerprint(text));
      }),
      { numRuns: Number(process.env.SCANNER_RUNS ?? 300), seed: process.env.SCANNER_SEED ? Number(process.env.SCANNER_SEED) : undefined },
    );
  });

  it('agrees on CRLF line endings', () => {
    const text = '---\r\ntype: scope\r\n---\r\n# Scope A.5.1\r\n\r\n| ID | Risk |\r\n|---|---|\r\n| R-001 | x |\r\n\r\n```\r\nA.9.9\r\n```\r\n';
    assert.deepEqual(scannerFingerprint(text), remarkFingerprint(text));
  });
});
