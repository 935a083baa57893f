// Which VS Code this suite runs in: scripts/vscode-tests.mjs runs it in the current code-server and in the oldest
// VS Code that package.json's engines.vscode allows, and this test proves each run was in a version it allows.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { EXT_ID } from './helpers';

describe('the VS Code this suite runs in', () => {
  it('satisfies the extension\'s engines.vscode', () => {
    const engines = String(vscode.extensions.getExtension(EXT_ID)?.packageJSON.engines.vscode);
    const [major, minor] = vscode.version.split('.').map(Number);
    const m = /^\^(\d+)\.(\d+)\.\d+$/.exec(engines);
    assert.ok(m, `engines.vscode ${engines} is not ^X.Y.Z`);
    assert.ok(major === Number(m[1]) && minor >= Number(m[2]), `VS Code ${vscode.version} does not satisfy ${engines}`);
    console.log(`VS Code ${vscode.version} (engines.vscode ${engines})`);
  });
});
