import { strict as assert } from 'node:assert';
import { check, md, policy } from '../testing/fixtures';

const code = 'frontmatter-missing-field';

describe(code, () => {
  it('reports each missing required field with the field name', () => {
    const found = check({ 'p.md': policy({ owner: undefined, title: undefined }, 'No heading here.\n') }, { code });
    assert.deepEqual(found.map((d) => d.data?.field).sort(), ['owner', 'title']);
    assert.match(found[0].message, /policy document has no `(owner|title)`/);
  });

  it('asks for an id only where the ISMS uses document IDs at all (otherwise titles identify documents)', () => {
    const noIds = { 'p.md': policy({ id: undefined }), 'q.md': policy({ id: undefined, title: 'Other' }) };
    assert.deepEqual(check(noIds, { code }), []);
    const found = check({ ...noIds, 'r.md': policy({ id: 'POL-9', title: 'Third' }) }, { code });
    assert.deepEqual(found.map((d) => `${d.path} ${d.data?.field}`).sort(), ['p.md id', 'q.md id']);
  });

  it('takes the first H1 as the title when no title field is given', () => {
    assert.deepEqual(check({ 'p.md': policy({ title: undefined }, '# Access Control Policy\n') }, { code }), []);
  });

  it('requires a review date on scope, policy and SoA documents', () => {
    const found = check({ 'p.md': policy({ last_reviewed: undefined, next_review: undefined, review_cycle: undefined }) }, { code });
    assert.equal(found.length, 1);
    assert.match(found[0].message, /`last_reviewed` or `next_review`/);
  });

  it('requires a date on audits and management reviews, and opened on exceptions', () => {
    const base = { id: 'X-1', title: 't', owner: 'o' };
    assert.equal(check({ 'a.md': md({ type: 'audit', ...base }) }, { code }).length, 1);
    assert.equal(check({ 'm.md': md({ type: 'management-review', ...base, id: 'MR-1' }) }, { code }).length, 1);
    assert.equal(check({ 'e.md': md({ type: 'exception', ...base, id: 'E-1' }) }, { code })[0].data?.field, 'opened');
  });

  it('is silent on complete documents and ignores Markdown without a type', () => {
    assert.deepEqual(check({ 'p.md': policy(), 'r.md': md({ type: 'record', id: 'REC-1', title: 'r', owner: 'o' }), 'x.md': md({ title: 'no type' }) }, { code }), []);
  });
});
