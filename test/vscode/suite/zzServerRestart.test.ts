// The language server dies (a crash, an OOM kill): the client restarts it with a notice, and diagnostics
// come back. Runs last among the suites (file order): the restart resets the server's state.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import { api, uriOf, waitFor } from './helpers';

describe('zz server restart', function () {
  this.timeout(90_000);

  it('restarts a crashed language server and publishes diagnostics again', async () => {
    const client = (await api()).client();
    assert.ok(client, 'no language client');
    await waitFor('the client to run', 30_000, () => client.state === State.Running);
    // The node client keeps the server's child process; a crash is a kill from outside.
    const child = (client as unknown as { _serverProcess?: { pid?: number } })._serverProcess;
    assert.ok(child?.pid, 'the server process is not visible to the test');
    const states: State[] = [];
    const listener = client.onDidChangeState((e) => states.push(e.newState));
    process.kill(child.pid, 'SIGKILL');
    await waitFor('the client to restart the server', 60_000, () => states.includes(State.Starting) && client.state === State.Running);
    listener.dispose();
    const fresh = (client as unknown as { _serverProcess?: { pid?: number } })._serverProcess;
    assert.notEqual(fresh?.pid, child.pid);
    const uri = uriOf('procedures/secure-sdlc.md');
    await waitFor('diagnostics after the restart', 60_000, () => vscode.languages.getDiagnostics(uri).some((d) => d.source === 'isms'));
  });
});
