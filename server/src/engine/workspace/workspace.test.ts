import { strict as assert } from 'node:assert';
import { defaultConfig } from '../config/schema';
import { IsmsWorkspace, sameValue } from './workspace';
import { check, policy, workspaceOf } from '../testing/fixtures';
import { fullSoaRows, soaDoc, type SoaRowSpec } from '../rules/auditFixtures';

describe('workspace: telling whether a text is the one indexed', () => {
  it('parses with the configured columns and ID patterns, so a configured SoA or action register is not "changed on disk"', () => {
    const soa = '---\ntype: soa\nid: SOA-001\ntitle: SoA\n---\n| Kennung | Gilt | Warum |\n|---|---|---|\n| A.5.1 | J | needed |\n';
    const actions = '---\ntype: corrective-action\nid: CA-LOG\ntitle: Actions\n---\n| Ref | Action | Owner |\n|---|---|---|\n| FIX/7 | Rotate keys | CISO |\n';
    const config = { ...defaultConfig(), soaColumns: { control: ['Kennung'], applicable: ['Gilt'], justification: ['Warum'] }, actionIdPattern: 'FIX/\\d+' };
    const workspace = new IsmsWorkspace(config);
    workspace.setMarkdown('soa.md', soa);
    workspace.setMarkdown('actions.md', actions);
    assert.equal(workspace.describesText('soa.md', soa), true);
    assert.equal(workspace.describesText('actions.md', actions), true);
    assert.equal(workspace.describesText('soa.md', soa.replace('| J |', '| N |')), false);
  });
});

describe('workspace: read again after a configuration change', () => {
  const policy = '---\ntype: policy\nid: POL-001\ntitle: Access\nowner: CISO\n---\n# Access\n\nSee A.5.15.\n';
  const loaded = (config = defaultConfig(), previous?: IsmsWorkspace, text = policy) => {
    const workspace = new IsmsWorkspace(config);
    workspace.reuseParsesOf(previous);
    workspace.setMarkdown('policy.md', text);
    workspace.reuseParsesOf(undefined);
    return workspace;
  };

  it('keeps the models of unchanged files when the settings a parse depends on are the same', () => {
    const before = loaded();
    const after = loaded({ ...defaultConfig(), rules: { 'review-due-soon': 'off' } }, before);
    assert.equal(after.getDocument('policy.md'), before.getDocument('policy.md'));
    assert.equal(after.parseCount, 0);
  });

  it('parses again a changed file, and every file when a parse setting changed', () => {
    const before = loaded();
    const changed = loaded(defaultConfig(), before, policy.replace('A.5.15', 'A.5.16'));
    assert.notEqual(changed.getDocument('policy.md'), before.getDocument('policy.md'));
    assert.deepEqual(changed.getDocument('policy.md')?.references.map((r) => r.id), ['A.5.16']);
    const retyped = loaded({ ...defaultConfig(), typeAliases: { policy: 'procedure' } }, before);
    assert.notEqual(retyped.getDocument('policy.md'), before.getDocument('policy.md'));
    assert.equal(retyped.parseCount, 1);
  });
});

describe('workspace: a large text parsed ahead of the index update', () => {
  const front = '---\ntype: risk-register\nid: RR-001\ntitle: Register\n---\n| ID | Risk | Likelihood | Impact | Controls |\n|---|---|---|---|---|\n';
  const register = (ids: number[], control = 'A.5.1') => front + ids.map((n) => `| R-${n} | Risk ${n} | 2 | 3 | ${control} |`).join('\n') + '\n';
  const fresh = (text: string) => {
    const workspace = new IsmsWorkspace(defaultConfig());
    workspace.setMarkdown('register.md', text);
    return workspace;
  };
  const riskIds = (workspace: IsmsWorkspace) => [...workspace.risks().keys()];

  it('takes the model made ahead for exactly that text, its risks read ahead too, and it equals a fresh parse', () => {
    const workspace = fresh(register([1, 2]));
    workspace.risks();
    const text = register([1, 2, 3, 4]);
    let steps = 0;
    while (workspace.parseAhead('register.md', text)) steps++;
    assert.ok(steps >= 4, `${steps} steps`); // the parse's, then the risks it defines
    const doc = workspace.setMarkdown('register.md', text);
    assert.ok(sameValue(doc, fresh(text).getDocument('register.md')));
    assert.equal(workspace.parseCount, 2);
    assert.deepEqual(riskIds(workspace), ['R-1', 'R-2', 'R-3', 'R-4']);
    // A parse left half done is finished by the update, for the same text.
    const next = register([1, 5]);
    workspace.parseAhead('register.md', next);
    assert.ok(sameValue(workspace.setMarkdown('register.md', next), fresh(next).getDocument('register.md')));
    assert.deepEqual(riskIds(workspace), ['R-1', 'R-5']);
  });

  it('never stands for a text edited since: the index parses the text it is given', () => {
    const workspace = fresh(register([1, 2]));
    workspace.risks();
    while (workspace.parseAhead('register.md', register([1, 2, 3])));
    const edited = register([1, 2, 7], 'A.5.99');
    const doc = workspace.setMarkdown('register.md', edited);
    assert.ok(sameValue(doc, fresh(edited).getDocument('register.md')));
    assert.deepEqual(riskIds(workspace), ['R-1', 'R-2', 'R-7']);
    // A model parsed ahead is dropped once the document is set, removed, or parsed ahead for another text.
    while (workspace.parseAhead('register.md', register([9])));
    workspace.removeFile('register.md');
    assert.equal(workspace.getDocument('register.md'), undefined);
    assert.deepEqual(riskIds(workspace), []);
    workspace.setMarkdown('register.md', register([1]));
    while (workspace.parseAhead('register.md', register([2])));
    workspace.parseAhead('register.md', register([3])); // a step of another text's parse
    workspace.setMarkdown('register.md', register([2]));
    assert.deepEqual(riskIds(workspace), ['R-2']);
  });
});

// The soak found a language server whose soa-inconsistent message named other policies than a fresh `isms check`
// after a policy was renamed on disk: the index kept documents in the order they were added, and the renamed one
// went last, past the three the message names.
describe('workspace: documents in path order, however they came in', () => {
  const policies = ['pol-a', 'pol-b', 'pol-c', 'pol-d'].map((id, i) => [`policies/${id}.md`, policy({ id: `POL-00${i + 1}`, controls: ['A.7.5'] })] as const);
  const soa = soaDoc(fullSoaRows((r: SoaRowSpec) => (r.control === 'A.7.5' ? { ...r, applicable: 'no', justification: 'No premises', status: 'excluded' } : r)));
  const message = (workspace: IsmsWorkspace) => check(workspace, { code: 'soa-inconsistent' }).map((d) => d.message);

  it('lists ISMS documents by path after a rename, as a fresh index does', () => {
    const edited = workspaceOf({ 'soa.md': soa, ...Object.fromEntries(policies) });
    edited.removeFile('policies/pol-a.md');
    edited.setMarkdown('policies/pol-a-moved.md', policies[0][1]);
    const fresh = workspaceOf({ 'soa.md': soa, 'policies/pol-a-moved.md': policies[0][1], ...Object.fromEntries(policies.slice(1)) });
    assert.deepEqual(edited.ismsDocuments().map((d) => d.path), ['policies/pol-a-moved.md', 'policies/pol-b.md', 'policies/pol-c.md', 'policies/pol-d.md', 'soa.md']);
    assert.deepEqual(fresh.ismsDocuments().map((d) => d.path), edited.ismsDocuments().map((d) => d.path));
    assert.match(message(edited)[0], /POL-001 \(controls:\) \(policies\/pol-a-moved\.md:\d+\)/);
    assert.deepEqual(message(edited), message(fresh));
  });

  it('keeps path order when a file becomes an ISMS document and stops being one', () => {
    const workspace = workspaceOf({ 'b.md': policy({ id: 'POL-B' }), 'c.md': '# Notes\n' });
    workspace.setMarkdown('c.md', policy({ id: 'POL-C' }));
    workspace.setMarkdown('a.md', policy({ id: 'POL-A' }));
    assert.deepEqual(workspace.ismsDocuments().map((d) => d.id), ['POL-A', 'POL-B', 'POL-C']);
    workspace.setMarkdown('b.md', '# No longer a policy\n');
    workspace.setMarkdown('a.md', policy({ id: 'POL-A', version: '2.0' }));
    assert.deepEqual(workspace.ismsDocuments().map((d) => d.id), ['POL-A', 'POL-C']);
  });
});
