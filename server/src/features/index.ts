// Every language feature the server offers, registered in one place.
import type { Feature } from './context';
import { hover } from './hover';
import { definition } from './definition';
import { references } from './references';
import { documentHighlights } from './documentHighlights';
import { completion } from './completion';
import { codeActions } from './codeActions';
import { rename } from './rename';
import { documentSymbols } from './documentSymbols';
import { workspaceSymbols } from './workspaceSymbols';
import { codeLens } from './codeLens';
import { semanticTokens } from './semanticTokens';
import { ismsViews } from './ismsViews';
import { checkSummary } from './checkSummary';
import { documentCommands } from './documentCommands';
import { preview } from './preview';
import { proposeConfig } from './proposeConfig';
import { exportAuditPack } from './exportAuditPack';

export const FEATURES: readonly Feature[] = [hover, definition, references, documentHighlights, completion, codeActions, rename, documentSymbols, workspaceSymbols, codeLens, semanticTokens,
  // ISMS-specific requests for the VS Code client (../protocol.ts)
  ismsViews, checkSummary, documentCommands, preview, proposeConfig, exportAuditPack];
