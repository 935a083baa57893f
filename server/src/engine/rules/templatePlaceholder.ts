import type { DocumentRule } from './rule';
import { fieldRange } from './helpers';
import { scanPlaceholders } from '../parse/placeholders';
import { MARKDOWN_TEMPLATE } from '../adopt/detect';

/** Strings of a frontmatter value, list entries included. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  return [];
}

export const templatePlaceholder: DocumentRule = {
  code: 'template-placeholder',
  family: 'files',
  scope: 'document',
  defaultSeverity: 'warning',
  description:
    'Placeholder text is left in a document: `{{ … }}`, `[Company]`, `<owner>`, `TBD`, `TODO` (outside code), or a note of the extension\'s templates where a value goes ("To be recorded", "To be appointed", "Describe the …" in a table cell), in its body or a frontmatter value.',
  fix: 'Write what the placeholder stands for (the company, the owner, the date), or remove the note once it is done.',
  check(doc, ctx) {
    // A template file (`policy.md.tmpl`, read through `markdownExtensions`) is made of placeholders: not judged.
    if (MARKDOWN_TEMPLATE.test(doc.path)) return;
    // Fields whose whole value is a template placeholder are set aside from `data` (adopt/placeholders.ts).
    for (const key of doc.frontmatter?.placeholders ?? []) {
      ctx.report({ range: fieldRange(doc, key), message: `Frontmatter \`${key}\` still holds a placeholder.` });
    }
    for (const [key, value] of Object.entries(doc.frontmatter?.data ?? {})) {
      for (const text of strings(value)) {
        const found = scanPlaceholders(text)[0];
        if (found) ctx.report({ range: fieldRange(doc, key), message: `Frontmatter \`${key}\` still holds the placeholder "${found.text}".` });
      }
    }
    for (const p of doc.placeholders ?? []) {
      ctx.report({ range: p.range, message: `Placeholder "${p.text}" left in the text; write what it stands for.` });
    }
  },
};
