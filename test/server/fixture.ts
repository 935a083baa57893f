// The language-feature fixture (test/fixtures/lsp-workspace) copied to a temporary folder, so tests may change
// files on disk, with helpers to find positions by text instead of hard-coding line numbers.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { LspTestClient, fileUri } from './lspClient';

export const FIXTURE = join(process.cwd(), 'test', 'fixtures', 'lsp-workspace');

export class Fixture {
  readonly dir: string;
  readonly client = new LspTestClient();

  constructor(source = FIXTURE) {
    this.dir = mkdtempSync(join(tmpdir(), 'isms-features-'));
    cpSync(source, this.dir, { recursive: true });
  }

  static async start(options: Parameters<LspTestClient['start']>[1] = {}): Promise<Fixture> {
    const f = new Fixture();
    await f.client.start(f.dir, { capabilities: FULL_CAPABILITIES, ...options });
    // The first publish means the workspace is loaded.
    await f.client.waitFor(f.uri('policies/access-control.md'), (d) => d.length > 0);
    return f;
  }

  uri(rel: string): string {
    return fileUri(join(this.dir, rel));
  }

  text(rel: string): string {
    return readFileSync(join(this.dir, rel), 'utf8');
  }

  /** The position of the `nth` (1-based) occurrence of `needle` in a file, moved `delta` characters right. */
  pos(rel: string, needle: string, nth = 1, delta = 0): Position {
    return positionOf(this.text(rel), needle, nth, delta);
  }

  /** `textDocument` + `position` params for a request at a needle. */
  at(rel: string, needle: string, nth = 1, delta = 0) {
    return { textDocument: { uri: this.uri(rel) }, position: this.pos(rel, needle, nth, delta) };
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.client.request<R>(method, params);
  }

  async stop(): Promise<void> {
    await this.client.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export function positionOf(text: string, needle: string, nth = 1, delta = 0): Position {
  let at = -1;
  for (let i = 0; i < nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" (occurrence ${nth}) not found`);
  }
  const before = text.slice(0, at + delta);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}

/** What a client that supports everything the server can use announces. */
export const FULL_CAPABILITIES = {
  workspace: { workspaceEdit: { documentChanges: true }, symbol: {}, semanticTokens: { refreshSupport: false } },
  textDocument: {
    completion: { completionItem: { labelDetailsSupport: true } },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    semanticTokens: { requests: { full: true, range: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] },
  },
};

export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x.md', 'markdown', 1, text), edits);
}

/** The edits of a WorkspaceEdit by URI, whichever form it uses. */
export function editsByUri(edit: WorkspaceEdit): Map<string, TextEdit[]> {
  const out = new Map<string, TextEdit[]>();
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) out.set(uri, edits);
  for (const change of edit.documentChanges ?? []) {
    if ('textDocument' in change) out.set(change.textDocument.uri, [...(out.get(change.textDocument.uri) ?? []), ...(change.edits as TextEdit[])]);
  }
  return out;
}
