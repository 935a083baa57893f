// The ISMS language server for the browser (vscode.dev, github.dev): runs in a Web Worker the client starts,
// speaks LSP over postMessage, and reads every file through the client (isms/fs/* requests). The logic is
// serverMain.ts, shared with the Node server. Left out here, as they need Node: the on-disk result cache
// (every start indexes afresh), git and the operating system for the reviewer's name (the `isms.reviewerName`
// setting or "unknown"), ISMS_* environment variables (`initializationOptions.today` pins today), and checking
// files outside the workspace folders.
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { startServer } from './serverMain';
import { ClientFileSystem } from './fileSystem/clientFileSystem';

// The worker's global scope is its message port (typed as a Worker: this project's TypeScript lib is the DOM's).
const port = self as unknown as Worker;
const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(port), new BrowserMessageWriter(port));

startServer({
  connection,
  fs: new ClientFileSystem((method, params) => connection.sendRequest(method, params), (m) => connection.console.log(m)),
});
