// How the trees and the file decorations show an item's health (../../../server/src/protocol.ts `Health`): the
// worst kind of finding on it, with its count, in one colour per kind.
import type { Health, HealthKind } from '../../../server/src/protocol';

/** Icon and theme colour per kind (the colours the Problems view and the Explorer use for errors and warnings). */
export const HEALTH_STYLE: Record<HealthKind, { icon: string; color: string; listColor: string }> = {
  error: { icon: 'error', color: 'editorError.foreground', listColor: 'list.errorForeground' },
  overdue: { icon: 'history', color: 'editorError.foreground', listColor: 'list.errorForeground' },
  warning: { icon: 'warning', color: 'editorWarning.foreground', listColor: 'list.warningForeground' },
  placeholder: { icon: 'edit', color: 'editorWarning.foreground', listColor: 'list.warningForeground' },
};

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "2 errors, 1 overdue, 3 placeholders": every kind present, worst first; undefined when clean. */
export function healthText(h: Health | undefined): string | undefined {
  if (!h?.worst) return undefined;
  const parts = [
    h.errors && count(h.errors, 'error'),
    h.overdue && `${h.overdue} overdue`,
    h.warnings && count(h.warnings, 'warning'),
    h.placeholders && count(h.placeholders, 'placeholder'),
  ].filter(Boolean);
  return parts.join(', ');
}

/** How many findings of the worst kind. */
export function worstCount(h: Health): number {
  return h.worst === 'error' ? h.errors : h.worst === 'overdue' ? h.overdue : h.worst === 'warning' ? h.warnings : h.worst === 'placeholder' ? h.placeholders : 0;
}

/** Several items together (a parent is never plainer than its worst child): the engine's own sum. */
export { sumHealth as combineHealth } from '../../../server/src/engine/query/health';
