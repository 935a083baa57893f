// Whether this workspace holds an ISMS, decided at start-up by a cheap probe instead of by running the checker:
// a configuration file or a document declaring an ISMS `type` makes the extension active (server, status item,
// editor buttons); Markdown that reads like an ISMS written another way leaves it "not set up" (a status item
// and a one-time offer of Initialise Workspace, no server); anything else keeps it quiet. It wakes when a
// configuration file or a typed document appears, or when a command needs the server. The state is the
// `isms.state` context key that package.json's `when` clauses read.
import * as vscode from 'vscode';
import { CONFIG_FILE_NAMES, declaresIsmsType, ismsSignal, judgePresence } from '../../server/src/engine/workspace/presence';

export type IsmsState = 'probing' | 'quiet' | 'notSetUp' | 'active';

/** Files the probe reads at most (ISMS-named ones first); it stops at the first typed document. */
const READ_AT_MOST = 200;
/** Markdown files it counts at most (for the "N Markdown files" of the status item). */
const COUNT_AT_MOST = 5000;
const EXCLUDE = '{**/node_modules/**,**/.git/**}';
const OFFERED_KEY = 'isms.offeredInitialiseWorkspace';

export interface ProbeResult {
  kind: 'isms' | 'candidate' | 'none';
  markdownFiles: number;
}

/** The probe: configuration files, then the frontmatter and text of up to READ_AT_MOST Markdown files. */
export async function probeWorkspace(): Promise<ProbeResult> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const configs = await vscode.workspace.findFiles(`**/{${CONFIG_FILE_NAMES.join(',')}}`, EXCLUDE, 1);
  const markdown = folders.length ? await vscode.workspace.findFiles('**/*.{md,markdown}', EXCLUDE, COUNT_AT_MOST) : [];
  if (configs.length) return { kind: 'isms', markdownFiles: markdown.length };
  const path = (u: vscode.Uri) => vscode.workspace.asRelativePath(u, false);
  const named = (u: vscode.Uri) => (ismsSignal(path(u), '') === 'name' ? 0 : 1);
  const toRead = [...markdown].sort((a, b) => named(a) - named(b)).slice(0, READ_AT_MOST);
  const signals: { typed: boolean; signal: 'name' | 'text' | undefined }[] = [];
  const decoder = new TextDecoder();
  for (const uri of toRead) {
    let text: string;
    try {
      text = decoder.decode((await vscode.workspace.fs.readFile(uri)).subarray(0, 64 * 1024));
    } catch {
      continue;
    }
    const typed = declaresIsmsType(text);
    signals.push({ typed, signal: ismsSignal(path(uri), text) });
    if (typed) break;
  }
  return { kind: judgePresence(signals), markdownFiles: markdown.length };
}

export class IsmsPresence implements vscode.Disposable {
  private current: IsmsState = 'probing';
  markdownFiles = 0;
  private readonly changed = new vscode.EventEmitter<IsmsState>();
  readonly onDidChange = this.changed.event;
  private watchers: vscode.Disposable[] = [];

  constructor(
    /** Starts the language server (once). */
    private readonly wake: () => Promise<void>,
    private readonly memento: vscode.Memento,
  ) {}

  get state(): IsmsState {
    return this.current;
  }

  private set(state: IsmsState): void {
    this.current = state;
    void vscode.commands.executeCommand('setContext', 'isms.state', state);
    this.changed.fire(state);
  }

  /** Probes the workspace and becomes active, not set up or quiet. Folders not on disk skip the probe. */
  async start(): Promise<void> {
    const onDisk = (vscode.workspace.workspaceFolders ?? []).every((f) => f.uri.scheme === 'file');
    let result: ProbeResult = { kind: 'isms', markdownFiles: 0 };
    if (onDisk) {
      try {
        result = await probeWorkspace();
      } catch {
        result = { kind: 'isms', markdownFiles: 0 }; // cannot tell: behave as before the probe existed
      }
    }
    this.markdownFiles = result.markdownFiles;
    if (result.kind === 'isms') return this.activate();
    this.set(result.kind === 'candidate' ? 'notSetUp' : 'quiet');
    this.watchForIsms();
    if (result.kind === 'candidate') void this.offerInitialise();
  }

  /** Becomes active: starts the server (if it is not running yet). */
  async activate(): Promise<void> {
    // Started first, so that views shown by the new state already find the server awake.
    const waking = this.wake();
    if (this.current !== 'active') {
      for (const w of this.watchers) w.dispose();
      this.watchers = [];
      this.set('active');
    }
    await waking;
  }

  /** What wakes a quiet workspace: a configuration file, a document that declares an ISMS type, new folders. */
  private watchForIsms(): void {
    const config = vscode.workspace.createFileSystemWatcher(`**/{${CONFIG_FILE_NAMES.join(',')}}`, false, false, true);
    const typed = (doc: vscode.TextDocument) => {
      if (doc.languageId === 'markdown' && declaresIsmsType(doc.getText())) void this.activate();
    };
    // Markdown written outside the editor (a git pull, a generator): read the file that changed, nothing else.
    const markdownFile = /\.(md|markdown)$/i;
    const written = async (uri: vscode.Uri) => {
      if (/[/\\]node_modules[/\\]/.test(uri.path)) return;
      const text = new TextDecoder().decode((await vscode.workspace.fs.readFile(uri)).subarray(0, 64 * 1024));
      if (declaresIsmsType(text)) await this.activate();
    };
    // A new folder (a pull or checkout bringing `policies/`): the file watcher can miss files written into a folder
    // in the instant before it starts watching that folder, so the folder's Markdown is read once it is seen.
    const created = async (uri: vscode.Uri) => {
      if (markdownFile.test(uri.path)) return written(uri);
      if (/[/\\](node_modules|\.git)([/\\]|$)/.test(uri.path)) return;
      if ((await vscode.workspace.fs.stat(uri)).type !== vscode.FileType.Directory) return;
      const inside = await vscode.workspace.findFiles(new vscode.RelativePattern(uri, '**/*.{md,markdown}'), EXCLUDE, READ_AT_MOST);
      for (const file of inside) {
        if (this.current === 'active') return;
        await written(file).catch(() => undefined);
      }
    };
    const anything = vscode.workspace.createFileSystemWatcher('**/*', false, false, true);
    this.watchers.push(
      config,
      config.onDidCreate(() => void this.activate()),
      config.onDidChange(() => void this.activate()),
      anything,
      anything.onDidCreate((uri) => void created(uri).catch(() => undefined)),
      anything.onDidChange((uri) => {
        if (markdownFile.test(uri.path)) void written(uri).catch(() => undefined);
      }),
      vscode.workspace.onDidOpenTextDocument(typed),
      vscode.workspace.onDidSaveTextDocument(typed),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reprobe()),
    );
    for (const doc of vscode.workspace.textDocuments) typed(doc);
  }

  private async reprobe(): Promise<void> {
    if (this.current === 'active') return;
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    await this.start();
  }

  /** Once per workspace: Markdown that reads like an ISMS, none of it recognised, gets Initialise Workspace offered. */
  private async offerInitialise(): Promise<void> {
    if (this.memento.get(OFFERED_KEY)) return;
    await this.memento.update(OFFERED_KEY, true);
    const files = `${this.markdownFiles} Markdown file${this.markdownFiles === 1 ? '' : 's'}`;
    const answer = await vscode.window.showInformationMessage(
      `This folder's ${files} read like an ISMS, but none is recognised as an ISMS document yet. Initialise Workspace proposes a .isms.yaml that lets the checker read them as they are.`,
      'Initialise Workspace',
      'Not Now',
    );
    if (answer === 'Initialise Workspace') await vscode.commands.executeCommand('isms.initWorkspace');
  }

  dispose(): void {
    for (const w of this.watchers) w.dispose();
    this.changed.dispose();
  }
}
