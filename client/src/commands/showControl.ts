// "ISMS: Show Control…": a quick pick over every control of the enabled catalogs (the 93 of ISO/IEC 27001:2022
// Annex A, and ISO 42001 or custom ones when enabled) with its SoA status; choosing one reveals its SoA row.
import * as vscode from 'vscode';
import type { IsmsServer } from '../ismsServer';
import type { SoaControlInfo } from '../../../server/src/protocol';
import { controlState } from '../views/soaTree';
import { openLocation } from './openLocation';

const ICON: Record<SoaControlInfo['state'], string> = { applicable: '$(pass-filled)', excluded: '$(circle-slash)', unclear: '$(question)', missing: '$(error)' };

export async function showControl(server: IsmsServer): Promise<void> {
  const quickPick = vscode.window.createQuickPick<vscode.QuickPickItem & { control?: SoaControlInfo }>();
  quickPick.title = 'ISMS: Show Control';
  quickPick.placeholder = 'Type an ID or words of the title, e.g. "8.25" or "backup"';
  quickPick.matchOnDescription = true;
  quickPick.matchOnDetail = true;
  quickPick.busy = true;
  quickPick.show();
  const result = await server.request('isms/controls', {});
  const items: (vscode.QuickPickItem & { control?: SoaControlInfo })[] = [];
  for (const root of result?.roots ?? []) {
    let theme = '';
    for (const c of root.controls) {
      if (c.theme !== theme) {
        theme = c.theme;
        items.push({ label: `${theme}${(result?.roots.length ?? 0) > 1 ? ` (${root.name})` : ''}`, kind: vscode.QuickPickItemKind.Separator });
      }
      items.push({
        label: `${ICON[c.state]} ${c.id}`,
        description: `${c.title} · ${controlState(c)}`,
        detail: c.justification ? `Justification: ${c.justification}` : c.state === 'missing' ? 'Not in the Statement of Applicability' : undefined,
        control: c,
      });
    }
  }
  quickPick.items = items;
  quickPick.busy = false;
  if (items.length === 0) quickPick.placeholder = 'No ISMS workspace folder (or the language server is not running)';
  const picked = await new Promise<SoaControlInfo | undefined>((resolve) => {
    quickPick.onDidAccept(() => resolve(quickPick.selectedItems[0]?.control));
    quickPick.onDidHide(() => resolve(undefined));
  });
  quickPick.dispose();
  if (!picked) return;
  if (picked.row) {
    await openLocation(vscode.Uri.parse(picked.row.uri), picked.row.line, picked.row.character ?? 0);
    return;
  }
  const first = picked.documents[0];
  const choice = await vscode.window.showInformationMessage(
    `${picked.id} ${picked.title} is not in the Statement of Applicability.${first ? ` It is referenced by ${first.id ?? first.path}.` : ''}`,
    ...(first ? ['Open Reference'] : []),
  );
  if (choice && first) await openLocation(vscode.Uri.parse(first.uri), first.line);
}
