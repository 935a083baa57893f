import { strict as assert } from 'node:assert';
import { check, workspaceOf } from '../testing/fixtures';
import { START_RANGE } from '../model';

const code = 'file-unreadable';

describe(code, () => {
  it('reports files the loader could not read, and nothing otherwise', () => {
    const workspace = workspaceOf({ 'ok.md': '# fine\n' });
    assert.deepEqual(check(workspace, { code }), []);
    workspace.setFileProblem('bin.md', { path: 'bin.md', range: START_RANGE, severity: 'warning', code, message: 'File holds binary data' });
    assert.deepEqual(check(workspace, { code }).map((d) => d.path), ['bin.md']);
  });
});
