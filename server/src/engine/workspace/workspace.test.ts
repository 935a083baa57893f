import { strict as assert } from 'node:assert';
import { defaultConfig } from '../config/schema';
import { IsmsWorkspace } from './workspace';

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
