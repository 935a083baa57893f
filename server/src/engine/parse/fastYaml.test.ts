// Differential test: the frontmatter fast path must give exactly what the `yaml` library gives (values, field and
// item ranges, diagnostics) whenever it accepts the input, and decline everything else.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseFrontmatter } from './frontmatter';
import { fastFrontmatter } from './fastYaml';
import { findFrontmatter } from './document';
import { LineIndex } from '../util/lineIndex';

const KEYS = ['type', 'id', 'title', 'controls', 'risks', 'related', 'evidence', 'next_review', 'a', 'b_c', 'x-y', '__proto__', '1a', 'Key', 'a b', '"q"'];
const SEPARATORS = [':', ': ', ':  ', ': ', ':\t', ' :'];
const VALUES = [
  '', 'policy', 'POL-001', 'A.5.1', '2026-01-01', '1', '-1', '+2', '08', '-0', '1.0', '1.', '.5', '-.5', '1e3', '0x1F', '0o7', '.inf', '-.inf',
  '.nan', '~', 'null', 'Null', 'NULL', 'true', 'False', 'TRUE', 'yes', 'a b', 'a: b', 'a:b', 'a #c', 'a#b', '#c', "'q'", '"q"', "'it''s'",
  '"a\\"b"', "''", '""', '[a, b]', '[]', '[ ]', '[a,]', '[a, [b]]', "['4.3', 8.2]", '[1, 2.50]', '[ x , y ]', '[a:b]', '[a, "b, c"]', '[~, true]',
  '{a: 1}', '&x a', '*x', '!tag a', '|', '>', '-', '- a', '-a', '-5', ':x', '?x', '@x', '`x', '%x', 'http://x.y/z', 'Head of (IT)', 'x,y',
  'é ü', '"unclosed', 'a ', 'a  ', "'a' b", 'x]', '1_000', '.', 'A.8.28, A.5.1',
];

const COMMON = ['policy', 'POL-001', 'A.5.1', '2026-01-01', '1', '2.1', '"2.1"', "'x y'", '[A.5.1, A.8.28]', "['6.1.3']", '[]', 'Head of IT', 'true', ''];
const value = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...COMMON) }, { weight: 1, arbitrary: fc.constantFrom(...VALUES) });
const line = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...KEYS.slice(0, 11)) }, { weight: 1, arbitrary: fc.constantFrom(...KEYS) }), fc.oneof({ weight: 6, arbitrary: fc.constant(': ') }, { weight: 1, arbitrary: fc.constantFrom(...SEPARATORS) }), value).map(([k, s, v]) => `${k}${s}${v}`) },
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom('- ', '  - ', '    - ', '-', '  -', '-  '), value).map(([m, v]) => `${m}${v}`) },
  { weight: 1, arbitrary: fc.constantFrom('', '   ', '  more text', '# comment', '  # c', '...', 'key: [a,', '  b]', '\r') },
);
const content = fc.tuple(fc.array(line, { minLength: 1, maxLength: 8 }), fc.constantFrom('\n', '\n', '\r\n')).map(([lines, eol]) => lines.join(eol));

function both(yaml: string) {
  const text = `---\n${yaml}\n---\n# Body\n`;
  const block = findFrontmatter(text);
  assert.ok(block, 'frontmatter found');
  const lines = new LineIndex(text);
  return { fast: parseFrontmatter('x.md', block, lines), slow: parseFrontmatter('x.md', block, lines, { fast: false }), accepted: fastFrontmatter(block.content) !== undefined };
}

describe('frontmatter fast path (differential against yaml)', () => {
  it('gives what yaml gives on generated frontmatter', () => {
    let accepted = 0;
    let runs = 0;
    fc.assert(
      fc.property(content, (yaml) => {
        if (yaml.split(/\r?\n/).some((l) => l.startsWith('---'))) return; // would close the block
        const { fast, slow, accepted: took } = both(yaml);
        runs++;
        if (took) accepted++;
        assert.deepStrictEqual(fast, slow);
      }),
      { numRuns: Number(process.env.FRONTMATTER_RUNS ?? 3000) },
    );
    assert.ok(accepted > runs / 20, `the fast path took only ${accepted} of ${runs}`);
  });

  it('takes typical ISMS frontmatter and agrees on it', () => {
    const typical = [
      'type: policy', 'id: POL-004', 'title: Secure Development Policy', 'owner: Head of Engineering', 'version: "2.1"', 'status: approved',
      'approved_by: CEO', 'approved_on: 2026-02-10', 'review_cycle: annual', 'controls: [A.8.25, A.8.28, A.8.4]', 'risks: [R-007]',
      "clauses: ['6.1.3', '8.3']", 'likelihood_scale: 5', 'version2: 2.10', 'evidence:', '  - evidence/a.pdf', '  - "evidence/b c.pdf"', 'related:',
      '- POL-001', '- PRO-006', 'done: true', 'nothing:', 'last: x',
    ].join('\n');
    const { fast, slow, accepted } = both(typical);
    assert.ok(accepted);
    assert.deepStrictEqual(fast, slow);
    assert.deepStrictEqual(fast.frontmatter.items.get('version2'), [{ value: '2.10', range: fast.frontmatter.fields.get('version2')!.valueRange }]);
  });

  it('declines what it does not handle', () => {
    for (const yaml of ['a: b # c', 'a: |\n  x', 'a: &x 1\nb: *x', 'a:\n  b: c', 'a: "x\\ty"', 'a: 1\na: 2', 'title: one\n  two', 'a:', 'a: 0x10']) {
      const block = findFrontmatter(`---\n${yaml}\n---\n`)!;
      assert.equal(fastFrontmatter(block.content), undefined, yaml);
    }
  });
});
