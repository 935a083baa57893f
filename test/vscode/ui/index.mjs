// The UI checks, run in this order against one code-server with the packaged .vsix installed; each gets a fresh
// copy of the example ISMS and a browser session of its own.
import { problemsPanelSmoke } from './problemsPanel.mjs';
import { ismsViewsUi } from './ismsViews.mjs';
import { editorFeaturesUi } from './editorFeatures.mjs';
import { previewXssUi } from './previewXss.mjs';
import { previewSyncUi } from './previewSync.mjs';
import { adoptionCommandsUi } from './adoptionCommands.mjs';
import { actionsViewUi } from './actionsView.mjs';
import { firstHourUi } from './firstHour.mjs';
import { firstEditsUi } from './firstEdits.mjs';
import { walkthroughUi } from './walkthrough.mjs';
import { newRiskUi } from './newRisk.mjs';
import { sidebarHealthUi } from './sidebarHealth.mjs';

/**
 * @typedef {object} UiContext
 * @property {string} folder       a fresh copy of examples/acme-ai-isms to open
 * @property {{ faults: { code: string, file: string }[] }} expected  test/vscode/expected-faults.json
 * @property {string} screenshots  folder for the README's screenshots (media/screenshots with UPDATE_SCREENSHOTS=1,
 *                                 otherwise a folder under .test-results, so a test run leaves the tree clean)
 * @property {string} results      .test-results
 * @property {string} failures     folder for a screenshot of each failed check
 * @property {(line: string) => void} log
 */

/** @type {{ name: string, title: string, run: (server: import('../lib/codeServer.mjs').CodeServer, o: UiContext) => Promise<{ name: string, ok: boolean, error?: string, seconds: number }[]> }[]} */
export const UI_CHECKS = [
  { name: 'problems', title: 'the Problems panel lists the example\'s faults', run: problemsPanelSmoke },
  { name: 'views', title: 'the ISMS views and the preview', run: ismsViewsUi },
  { name: 'actions', title: 'the Actions view, objectives in the Evidence Locker and overdue actions in the status bar', run: actionsViewUi },
  { name: 'features', title: 'the language server\'s editor features, with the README\'s screenshots of them', run: editorFeaturesUi },
  { name: 'adoption', title: 'Initialise Workspace, New Document (undone with Ctrl+Z) and Export Audit Pack through their dialogs', run: adoptionCommandsUi },
  { name: 'first-hour', title: 'quiet in a plain README repository; an ISMS without `type` fields welcomed and initialised', run: firstHourUi },
  { name: 'first-edits', title: 'start-up, plain-words YAML errors and the quick fixes of the first edits', run: firstEditsUi },
  { name: 'walkthrough', title: 'the walkthrough\'s Preview step previews the open document', run: walkthroughUi },
  { name: 'new-risk', title: 'New Risk through its picks appends a row with the values given and empty cells for the rest, and Ctrl+Z takes it back; a row typed by hand is offered the next free ID', run: newRiskUi },
  { name: 'health', title: 'health in the Risks and Scope views and the Explorer; one Outline and one list of references with the built-in Markdown support', run: sidebarHealthUi },
  { name: 'preview-sync', title: 'the preview at half width: scroll sync both ways, a wide register with its first column kept, a finding marker that leads to the finding', run: previewSyncUi },
  { name: 'xss', title: 'the preview runs none of the XSS payloads of a document', run: previewXssUi },
];
