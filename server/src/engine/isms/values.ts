// Loose readers for the values people write in ISMS tables.

const YES = new Set([
  'yes', 'y', 'true', 'applicable', 'included', 'include', 'in scope', 'selected', '✓', '✔', '✅', 'x',
  'ja', 'j', 'anwendbar', 'oui', 'applicable', 'si', 'sí', 'aplicable', 'sim', 'aplicável', 'aplicavel', 'van toepassing', 'sì', 'applicabile',
  'はい', '適用', '対象', '○', '◯', '〇', '有',
]);
const NO = new Set([
  'no', 'n', 'false', 'not applicable', 'n/a', 'na', 'excluded', 'exclude', 'out of scope', '✗', '✘', '❌', '-', '—',
  'nein', 'nicht anwendbar', 'non', 'non applicable', 'no aplicable', 'não', 'nao', 'não aplicável', 'nee', 'niet van toepassing', 'non applicabile',
  'いいえ', '非適用', '適用外', '対象外', '×', '無',
]);

/** `yes`/`no` in the forms (and languages) SoAs use; undefined when it is neither. */
export function parseYesNo(text: string): boolean | undefined {
  const v = text.trim().toLowerCase().replace(/\.$/, '');
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  if (/^(yes|applicable)\b/.test(v)) return true;
  if (/^(no|not applicable)\b/.test(v)) return false;
  return undefined;
}

/** A positive number written in a cell (`4`, `4 (likely)`, `High (4)`), or undefined. */
export function parseScore(text: string): number | undefined {
  const m = /(?:^|\()\s*(\d+(?:\.\d+)?)\b/.exec(text.trim());
  return m ? Number(m[1]) : undefined;
}

/** Cells like "—", "-", "n/a" and "tbd" mean nothing was filled in. */
export function isBlank(text: string | undefined): boolean {
  if (text === undefined) return true;
  const v = text.trim().toLowerCase();
  return v === '' || v === '-' || v === '—' || v === '–' || v === 'tbd' || v === 'todo' || v === '?';
}
