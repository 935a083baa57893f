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
