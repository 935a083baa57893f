// Shared by commands that take optional arguments (tests, command links, other commands) and otherwise ask: the
// workspace folder to work on, URIs given as objects or strings, and failures reported instead of thrown.
import * as vscode from 'vscode';
import { pickFolder } from './newDocument';

/** A URI passed as a vscode.Uri (executeCommand) or a string (command links carry JSON). */
export function uriArg(value: unknown): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) return value;
  if (typeof value === 'string' && value) return vscode.Uri.parse(value);
  return undefined;
}

/** A command's options object; a bare URI (a folder from a menu) counts as `{ folder }`. */
export function optionsArg(arg: unknown): Record<string, unknown> {
  if (arg instanceof vscode.Uri) return { folder: arg };
  return arg && typeof arg === 'object' && !Array.isArray(arg) ? (arg as Record<string, unknown>) : {};
}

/**
 * The workspace folder a command works on: the one holding `uri` when a caller names it, else the only folder,
 * else the user's pick. Says why when there is none (and nothing when the pick was cancelled).
 */
export async function commandFolder(uri: vscode.Uri | undefined, placeHolder: string): Promise<vscode.WorkspaceFolder | undefined> {
  if (uri) {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) void vscode.window.showErrorMessage(`${uri.scheme === 'file' ? uri.fsPath : uri.toString()} is not in a folder of this workspace.`);
    return folder;
  }
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showWarningMessage('Open the folder of your ISMS first.');
    return undefined;
  }
  return pickFolder(placeHolder);
}

export const SERVER_NOT_RUNNING = 'The ISMS language server is not running. Try "ISMS: Restart Server".';

/** Runs a command; a failure (a file that cannot be written, say) becomes an error message, not a rejection. */
export async function reportingFailure<T>(what: string, run: () => Promise<T | undefined>): Promise<T | undefined> {
  try {
    return await run();
  } catch (e) {
    void vscode.window.showErrorMessage(`${what} failed: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
}
