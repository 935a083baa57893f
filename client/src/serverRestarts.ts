// When the language server dies, restart it with a notice, at most a few times in a short while; after that,
// say so and leave it stopped rather than looping.
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, type ErrorHandler, type Message } from 'vscode-languageclient';

export const MAX_RESTARTS = 4;
const WINDOW_MS = 3 * 60 * 1000;

export function restartingErrorHandler(log: (message: string) => void): ErrorHandler {
  const restarts: number[] = [];
  return {
    error(error: Error, _message: Message | undefined, count: number | undefined) {
      log(`language server connection error: ${error.message}`);
      return { action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown };
    },
    closed() {
      const now = Date.now();
      while (restarts.length && now - restarts[0] > WINDOW_MS) restarts.shift();
      if (restarts.length >= MAX_RESTARTS) {
        const message = `The ISMS language server stopped ${MAX_RESTARTS + 1} times in 3 minutes and will not be restarted. See the "ISMS Markdown" output, then run "ISMS: Restart Server".`;
        log(message);
        void vscode.window.showErrorMessage(message);
        return { action: CloseAction.DoNotRestart, handled: true };
      }
      restarts.push(now);
      const message = `The ISMS language server stopped unexpectedly and was restarted (${restarts.length} of ${MAX_RESTARTS}).`;
      log(message);
      void vscode.window.showWarningMessage(message);
      return { action: CloseAction.Restart, handled: true };
    },
  };
}
