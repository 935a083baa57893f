import { strict as assert } from 'node:assert';
import { parseDocument } from '../parse/document';
import { isPlaceholder } from './placeholders';
import { resolveLink } from '../rules/helpers';

describe('adoption: template placeholders', () => {
  it('knows Mustache, Jinja and Liquid placeholders, and nothing else', () => {
    for (const p of ['{{ owner }}', '{{owner}}', 'POL-{{ n }}', '{% if x %}y{% endif %}', '{# note #}']) assert.ok(isPlaceholder(p), p);
    for (const v of ['Head of IT', '2026-01-01', '{ a: 1 }', '{owner}', 42, null]) assert.ok(!isPlaceholder(v), String(v));
  });

  it('knows a whole value that a copied template leaves: [DATE], [Owner title], <owner>, TBD, a date mask', () => {
    for (const p of ['[DATE]', ' [Information Security Manager] ', '<owner>', 'TBD', 'YYYY-MM-DD', 'dd/mm/yyyy']) assert.ok(isPlaceholder(p), p);
    for (const v of ['[Policy](policy.md)', 'See [DATE] below', 'TBD by Friday', '2026-03-31', '[ ]', '[1]']) assert.ok(!isPlaceholder(v), v);
  });

  it('sets placeholder values aside: the field is present, its value not judged; placeholder list entries drop out', () => {
    const doc = parseDocument('p.md.tmpl', '---\ntype: policy\nowner: "{{ owner }}"\nnext_review: "{{ due }}"\ncontrols: [A.5.15, "{{ extra }}"]\n---\n', { riskIdPattern: 'R-\\d+' });
    const fm = doc.frontmatter!;
    assert.deepEqual([...fm.placeholders!].sort(), ['next_review', 'owner']);
    assert.equal(fm.data.owner, undefined);
    assert.deepEqual(fm.data.controls, ['A.5.15']);
    assert.deepEqual(doc.references.map((r) => r.id), ['A.5.15']);
  });

  it('does not resolve a placeholder link target, and still resolves the rest', () => {
    assert.equal(resolveLink('a.md', '{{ scope_url }}'), undefined);
    assert.equal(resolveLink('a.md', '{{ base }}/x.md'), undefined);
    assert.equal(resolveLink('a.md', 'b.md')?.path, 'b.md');
  });
});
