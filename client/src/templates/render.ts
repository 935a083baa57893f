// Fills a template's placeholders: `{{today}}` and dates relative to it (`{{today+3m}}`, `{{today+1y}}`,
// `{{today-2d}}`), `{{now}}` (date-time), `{{year}}`, and named values (`{{id}}`, `{{title}}`, `{{owner}}`,
// `{{organisation}}`). Unknown names are left as written. No vscode import, so tests can render the templates.

const DAY_MS = 86_400_000;

function addMonths(date: Date, months: number): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + months;
  const target = new Date(Date.UTC(y, m, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(date.getUTCDate(), last)));
}

export const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** `today`, `today+3m`, `today-10d`, `today+1y` as a date relative to `today` (UTC). */
export function relativeDate(expression: string, today: Date): string | undefined {
  const m = /^today(?:([+-])(\d+)([dwmy]))?$/.exec(expression);
  if (!m) return undefined;
  const base = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  if (!m[1]) return isoDate(base);
  const n = Number(m[2]) * (m[1] === '-' ? -1 : 1);
  const unit = m[3];
  if (unit === 'd') return isoDate(new Date(base.getTime() + n * DAY_MS));
  if (unit === 'w') return isoDate(new Date(base.getTime() + 7 * n * DAY_MS));
  return isoDate(addMonths(base, unit === 'm' ? n : 12 * n));
}

export function fillTemplate(text: string, values: Record<string, string>, now: Date): string {
  return text.replace(/\{\{\s*([\w+-]+)\s*\}\}/g, (whole, name: string) => {
    if (name === 'now') return new Date(Math.floor(now.getTime() / 60_000) * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    if (name === 'year') return String(now.getUTCFullYear());
    const date = relativeDate(name, now);
    if (date !== undefined) return date;
    return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : whole;
  });
}

/** A value safe inside a double-quoted YAML scalar. */
export const yamlText = (s: string) => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/[\r\n]+/g, ' ');
