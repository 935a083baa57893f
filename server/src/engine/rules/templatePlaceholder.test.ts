import { strict as assert } from 'node:assert';
import { check, policy, workspaceOf } from '../testing/fixtures';

const code = 'template-placeholder';

describe(code, () => {
  it('reports placeholders in the body, each where it is', () => {
    const found = check({ 'p.md': policy({}, '# Policy\n\n[Company] staff follow this policy.\n\nOwner: <owner>. Retention: TBD.\n\n{{ organisation }} reviews it. TODO: add the exceptions.\n') }, { code });
    const first = found[0]?.range.start.line ?? 0;
    assert.deepEqual(found.map((d) => `+${d.range.start.line - first}:${d.range.start.character} ${d.message.split('"')[1]}`), [
      '+0:0 [Company]',
      '+2:7 <owner>',
      '+2:27 TBD',
      '+4:0 {{ organisation }}',
      '+4:31 TODO',
    ]);
    assert.equal(found[0].severity, 'warning');
  });

  it('reports a frontmatter value that is a placeholder, on the value', () => {
    const found = check({ 'p.md': policy({ owner: 'TBD', approved_by: '[Name]' }) }, { code });
    assert.equal(found.length, 2);
    assert.match(found.map((d) => d.message).join('\n'), /`owner` in the frontmatter still holds a placeholder/);
  });

  it('reports a placeholder in a bold metadata line once, and no rule judges it as a value', () => {
    const text = '# Access Policy\n\n**Document ID:** POL-001  \n**Effective Date:** [DATE]  \n**Owner:** [Information Security Manager]\n\n## Purpose\n\nText.\n';
    const workspace = workspaceOf({}, { metadataSources: ['bold-fields'], typeGlobs: { 'policies/*': 'policy' } });
    workspace.setMarkdown('policies/access.md', text);
    const all = check(workspace);
    assert.deepEqual(all.filter((d) => d.range.start.line === 3).map((d) => `${d.code} ${d.message}`), ['template-placeholder Placeholder "[DATE]" left in the text; write what it stands for.']);
    assert.deepEqual(all.filter((d) => d.range.start.line === 4).map((d) => `${d.code} ${d.message}`), ['template-placeholder `owner` in the bold "Field: value" lines still holds a placeholder.']);
    assert.deepEqual(all.filter((d) => d.code === 'frontmatter-invalid-value' || d.code === 'frontmatter-missing-field' && /owner|approved_on/.test(d.message)), []);
  });

  it('reports a field whose whole value is a {{ … }} placeholder (set aside from the values), once', () => {
    const found = check({ 'p.md': policy({ owner: '{{ owner }}' }) }, { code });
    assert.deepEqual(found.map((d) => d.message), ['`owner` in the frontmatter still holds a placeholder.']);
  });

  it('is silent in a template file (policy.md.tmpl), which is made of placeholders', () => {
    const workspace = workspaceOf({}, { markdownExtensions: ['.md', '.md.tmpl'] });
    workspace.setMarkdown('p.md.tmpl', policy({ owner: '{{ owner }}' }, '# Policy\n\n{{ organisation }} reviews it.\n'));
    assert.equal(workspace.ismsDocuments().length, 1);
    assert.deepEqual(check(workspace, { code }), []);
  });

  it('is silent on code, links, task boxes, HTML and ordinary words', () => {
    const body = '# Policy\n\nSee the [owner](owners.md) and [Date][d].\n\n[d]: dates.md\n\n- [x] done\n- [ ] open\n\nA todo list is tbd. <details><summary>More</summary></details>\n\n`{{ template }}` and `TODO`\n\n```\nTBD {{ x }} [Company]\n```\n';
    assert.deepEqual(check({ 'p.md': policy({}, body) }, { code }), []);
  });

  it('recognises the markers of the extension\'s own templates where a value goes', () => {
    const body = '# Review\n\n**Attendees:** to be recorded\n\nTo be recorded.\n\n- To be appointed\n\n| Audit | Auditor | Finding |\n|---|---|---|\n| AUD-1 | To be appointed | Describe the finding: clause and evidence |\n';
    const found = check({ 'p.md': policy({}, body) }, { code });
    assert.deepEqual(found.map((d) => d.message.split('"')[1]), ['to be recorded', 'To be recorded', 'To be appointed', 'To be appointed', 'Describe the finding: clause and evidence']);
  });

  it('but not the same words inside a sentence, or a step that begins with "Describe"', () => {
    const body = '# Procedure\n\nIncidents are to be recorded in the log within a day.\n\n1. Describe the change, reason and rollback plan in the ticket.\n\n| Step | What |\n|---|---|\n| 1 | Changes are to be approved by the CAB |\n';
    assert.deepEqual(check({ 'p.md': policy({}, body) }, { code }), []);
  });

  it('reports a placeholder repeated more than ten times in a document once, counting them', () => {
    const body = `# Policy\n\n${Array.from({ length: 12 }, (_, i) => `## Part ${i}\n\n- Owner: [Owner]\n`).join('\n')}\nAsk [Company].\n`;
    const found = check({ 'p.md': policy({}, body) }, { code });
    assert.deepEqual(found.map((d) => d.message.replace(/lines [\d, ]+/, 'lines ')), [
      'Placeholder "[Owner]" left in the text 12 times (here, and on lines …); write what each stands for.',
      'Placeholder "[Company]" left in the text; write what it stands for.',
    ]);
  });

  it('only in ISMS documents', () => {
    assert.deepEqual(check({ 'notes.md': '# Notes\n\nTODO: everything.\n' }, { code }), []);
  });
});
