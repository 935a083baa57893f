// File decorations: the Explorer (and every tree showing files) marks each file of the ISMS with its worst
// finding (error, overdue, warning, placeholder) in that kind's colour, and each folder above it in the colour of
// the worst file inside, so a folder is never plainer than its worst file. Data: isms/fileHealth, refreshed with
// the views. Only while the workspace holds an ISMS: a quiet one gets no decorations (and no server).
//
// Badges do not repeat VS Code's own Problems decorations (on by default: a file's error or warning count in red
// or yellow): with those on, errors and warnings add only the colour and a tooltip, and overdue findings and
// placeholders get a letter of their own (O, P) next to the count, as Git's letters sit next to it.
import * as vscode from 'vscode';
import type { Health, HealthKind } from '../../server/src/protocol';
import type { IsmsServer } from './ismsServer';
import type { IsmsPresence } from './presence';
import { HEALTH_STYLE, combineHealth, healthText, worstCount } from './views/health';

const LETTER: Partial<Record<HealthKind, string>> = { overdue: 'O', placeholder: 'P' };
const MEANING: Partial<Record<HealthKind, string>> = { overdue: 'a review, audit or action is overdue', placeholder: 'template placeholders are left in it' };

/** The badge of a file: at most two characters (VS Code's limit). */
export function badgeFor(h: Health, problemsDecorations: boolean): string | undefined {
  if (!h.worst) return undefined;
  const letter = LETTER[h.worst];
  if (letter) return letter;
  if (problemsDecorations) return undefined; // VS Code already shows this count
  const n = worstCount(h);
  return n > 9 ? '9+' : String(n);
}

export class IsmsFileDecorations implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeFileDecorations = this.changed.event;
  /** Decorations by URI string, files and their folders. */
  private decorations = new Map<string, vscode.FileDecoration>();
  private registration: vscode.Disposable | undefined;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** Bumped by each refresh, so a late answer does not overwrite a newer one. */
  private generation = 0;

  constructor(
    private readonly server: IsmsServer,
    private readonly presence: IsmsPresence,
  ) {
    this.disposables.push(
      server.onDidChange(() => void this.refresh()),
      presence.onDidChange(() => void this.refresh()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('problems.decorations.enabled')) void this.refresh();
      }),
    );
    void this.refresh();
  }

  /** The decoration of a URI as last computed (for tests). */
  decorationOf(uri: vscode.Uri): vscode.FileDecoration | undefined {
    return this.decorations.get(uri.toString());
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    return this.decorations.get(uri.toString());
  }

  async refresh(): Promise<void> {
    const generation = ++this.generation;
    if (this.presence.state !== 'active') {
      // Quiet (or not set up): no provider at all, nothing asked of a server that is not running.
      this.registration?.dispose();
      this.registration = undefined;
      this.decorations = new Map();
      return;
    }
    this.registration ??= vscode.window.registerFileDecorationProvider(this);
    const result = await this.server.request('isms/fileHealth', {});
    if (generation !== this.generation || !result) return;
    const problemsDecorations = vscode.workspace.getConfiguration('problems').get<boolean>('decorations.enabled', true);
    const files = new Map<string, Health>();
    const folders = new Map<string, Health[]>();
    for (const root of result.roots) {
      const top = vscode.Uri.parse(root.rootUri).toString();
      for (const f of root.files) {
        const uri = vscode.Uri.parse(f.uri).toString();
        files.set(uri, f.health);
        // Every folder above it, up to the ISMS's own folder.
        for (let at = uri.lastIndexOf('/'); at > 0 && uri.length > top.length; at = uri.lastIndexOf('/', at - 1)) {
          const folder = uri.slice(0, at);
          if (folder.length < top.length) break;
          const list = folders.get(folder) ?? [];
          list.push(f.health);
          folders.set(folder, list);
        }
      }
    }
    const next = new Map<string, vscode.FileDecoration>();
    for (const [uri, h] of files) {
      if (!h.worst) continue;
      const letter = LETTER[h.worst];
      const tooltip = `ISMS: ${healthText(h)}${letter ? ` (${letter}: ${MEANING[h.worst]})` : ''}`;
      const d = new vscode.FileDecoration(badgeFor(h, problemsDecorations), tooltip, new vscode.ThemeColor(HEALTH_STYLE[h.worst].listColor));
      next.set(uri, d);
    }
    for (const [uri, list] of folders) {
      if (files.has(uri)) continue; // a root-level finding on the folder itself is the folder's own
      const h = combineHealth(list);
      if (!h.worst) continue;
      const d = new vscode.FileDecoration(undefined, `ISMS: ${healthText(h)} in ${list.length} file${list.length === 1 ? '' : 's'}`, new vscode.ThemeColor(HEALTH_STYLE[h.worst].listColor));
      next.set(uri, d);
    }
    this.decorations = next;
    this.changed.fire(undefined);
  }

  dispose(): void {
    this.registration?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
