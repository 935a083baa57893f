// What every language feature gets: the connection, open documents, the workspace roots and the publisher.
import type { ClientCapabilities, Connection, ServerCapabilities, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Root, Roots } from '../roots';
import type { DiagnosticsPublisher } from './diagnostics';
import type { FormatRenderers, PackSink } from '../engine/export/types';

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  roots: Roots;
  diagnostics: DiagnosticsPublisher;
  /** Resolves when the workspace folders are loaded and file events are applied; await it before reading the index. */
  ready(): Promise<void>;
  /** Today as days since epoch (pinned by ISMS_TODAY in tests and demos). */
  today(): number;
  /** What the client said it supports in `initialize` (empty before it). */
  clientCapabilities(): ClientCapabilities;
  /** The client's `initializationOptions` (e.g. `{ reviewerName }`), if any. */
  initializationOptions(): unknown;
  /**
   * The user's name as the host knows it (the Node server: `git config user.name` unless `git` is false, else
   * the operating system's user). Absent in the browser build.
   */
  systemUserName?(root: Root, options: { git: boolean }): Promise<string | undefined>;
  /** The git commit a folder on disk is at, for the audit pack's stamp (the Node server). Absent in the browser. */
  gitCommit?(dir: string): Promise<string | undefined>;
  /** Writes an audit pack into a folder on disk, and renders its PDFs and workbooks (the Node server only). */
  packWriter?: {
    /** Why `dir` may not take a pack of the ISMS in `ismsRoot` (see preparePackFolder), else it is made ready. */
    prepare(dir: string, ismsRoot: string): Promise<string | undefined>;
    sink(dir: string): PackSink;
    loadRenderers(): Promise<FormatRenderers>;
  };
}

/** One language feature: the capabilities it announces and the handlers it registers. */
export interface Feature {
  capabilities: ServerCapabilities;
  register(ctx: ServerContext): void;
}
