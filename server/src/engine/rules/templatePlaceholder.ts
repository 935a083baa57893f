import type { DocumentRule } from './rule';
import { fieldRange } from './helpers';
import { scanPlaceholders } from '../parse/placeholders';
import { MARKDOWN_TEMPLATE } from '../adopt/detect';
import { whereField } from '../adopt/metadata';

/** Strings of a frontmatter value, list entries included. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  return [];
}

/** More than this many of one placeholder in a document are one finding. */
const MANY = 10;

export const templatePlaceholder: DocumentRule = {
  code: 'template-placeholder',
  family: 'files',
  scope: 'document',
  defaultSeverity: 'warning',
  description:
    'Placeholder text is left in a document: `{{ … }}`, `[Company]`, `<owner>`, `TBD`, `TODO` (outside code), or a note of the extension\'s templates where a value goes ("To be recorded", "To be appointed", "Describe the …" in a table cell), in its body or a frontmatter value (more than ten of one placeholder in a document are one finding).',
  fix: 'Write what the placeholder stands for (the company, the owner, the date), or remove the note once it is done.',
  check(doc, ctx) {
    // A template file (`policy.md.tmpl`, read through `markdownExtensions`) is made of placeholders: not judged.
    if (MARKDOWN_TEMPLATE.test(doc.path)) return;
    // Fields whose whole value is a template placeholder are set aside from `data` (adopt/placeholders.ts).
    // A field read from the body (`**Effective Date:** [DATE]`) is reported once, by the body's own scan below.
    const inBody = (key: string) => {
      const range = fieldRange(doc, key);
      return (doc.placeholders ?? []).some((p) => p.range.start.line === range.start.line && p.range.start.character >= range.start.character && p.range.start.character <= range.end.character);
    };
    for (const key of doc.frontmatter?.placeholders ?? []) {
      if (inBody(key)) continue;
      ctx.report({ range: fieldRange(doc, key), message: `\`${key}\` ${whereField(doc, key)} still holds a placeholder.` });
    }
    for (const [key, value] of Object.entries(doc.frontmatter?.data ?? {})) {
      for (const text of strings(value)) {
        const found = scanPlaceholders(text)[0];
        if (found) ctx.report({ range: fieldRange(doc, key), message: `Frontmatter \`${key}\` still holds the placeholder "${found.text}".` });
      }
    }
    // A form repeated per control or per risk leaves the same placeholder dozens of times: one finding says so.
    const byText = new Map<string, NonNullable<typeof doc.placeholders>>();
    for (const p of doc.placeholders ?? []) byText.set(p.text, [...(byText.get(p.text) ?? []), p]);
    for (const p of doc.placeholders ?? []) {
      const same = byText.get(p.text)!;
      if (same.length <= MANY) {
        ctx.report({ range: p.range, message: `Placeholder "${p.text}" left in the text; write what it stands for.` });
      } else if (same[0] === p) {
        const lines = same.slice(1, 6).map((o) => o.range.start.line + 1).join(', ');
        ctx.report({ range: p.range, message: `Placeholder "${p.text}" left in the text ${same.length} times (here, and on lines ${lines}, …); write what each stands for.`, data: { count: same.length } });
      }
    }
  },
};
