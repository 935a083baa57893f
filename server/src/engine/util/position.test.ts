import { strict as assert } from 'node:assert';
import { position, sharedRange } from './position';
import { workspaceOf } from '../testing/fixtures';

describe('shared positions', () => {
  it('gives one frozen object per line and character, and fresh ones far out', () => {
    assert.equal(position(3, 14), position(3, 14));
    assert.notEqual(position(3, 14), position(14, 3));
    assert.ok(Object.isFrozen(position(3, 14)));
    // Strict code throws; the browser bundle's sloppy code ignores the write. Either way nothing changes.
    try {
      (position(3, 14) as { line: number }).line = 4;
    } catch (e) {
      assert.ok(e instanceof TypeError);
    }
    assert.equal(position(3, 14).line, 3);
    assert.deepEqual(position(5_000_000, 9), { line: 5_000_000, character: 9 });
    // Past a document's first 512 lines (a long register), fresh ones.
    assert.equal(position(511, 9), position(511, 9));
    assert.notEqual(position(512, 9), position(512, 9));
    assert.notEqual(position(2, 10_000), position(2, 10_000));
  });

  it('is what parsed documents hold: two documents with the same layout share their positions', () => {
    const text = '---\ntype: policy\nid: POL-001\n---\n# Access\n\nSee R-001 and [a](b.md).\n';
    const ws = workspaceOf({ 'a.md': text, 'b.md': text });
    const [a, b] = [ws.getDocument('a.md')!, ws.getDocument('b.md')!];
    assert.ok(a.references.length > 0 && a.links.length > 0);
    assert.equal(a.references[0].range.start, b.references[0].range.start);
    assert.equal(a.links[0].range.end, b.links[0].range.end);
    assert.equal(a.headings[0].range.start, b.headings[0].range.start);
  });

  it('gives one frozen range per single-line span of shared positions, and fresh ones otherwise', () => {
    const r = sharedRange(position(7, 2), position(7, 9));
    assert.equal(sharedRange(position(7, 2), position(7, 9)), r);
    assert.ok(Object.isFrozen(r));
    try {
      (r as { end: unknown }).end = position(8, 0);
    } catch (e) {
      assert.ok(e instanceof TypeError);
    }
    assert.equal(r.end, position(7, 9));
    assert.notEqual(sharedRange(position(7, 2), position(7, 10)), r);
    // Across lines, or with a position that is not shared (it could change), a fresh one.
    assert.notEqual(sharedRange(position(7, 2), position(8, 0)), sharedRange(position(7, 2), position(8, 0)));
    assert.deepEqual(sharedRange(position(7, 2), position(8, 0)), { start: position(7, 2), end: position(8, 0) });
    const loose = { line: 7, character: 9 };
    assert.notEqual(sharedRange(position(7, 2), loose), r);
    assert.equal(sharedRange(position(7, 2), loose).end, loose);
  });

  it('is what parsed documents hold: the same span on the same line is one range', () => {
    const text = '---\ntype: policy\nid: POL-001\n---\n# Access\n\nSee R-001 and [a](b.md).\n';
    const ws = workspaceOf({ 'a.md': text, 'b.md': text });
    const [a, b] = [ws.getDocument('a.md')!, ws.getDocument('b.md')!];
    assert.equal(a.references[0].range, b.references[0].range);
    assert.equal(a.links[0].range, b.links[0].range);
    assert.equal(a.headings[0].range, b.headings[0].range);
  });
});
