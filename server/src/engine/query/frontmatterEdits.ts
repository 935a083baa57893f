// Edits to a document's frontmatter fields that keep everything else (comments, order, quoting) as written.
import type { IsmsDocument } from '../model';
import type { TextLines } from './text';
import type { TextEdit } from './types';

/** A YAML scalar for a new value: plain when safe, else double-quoted. */
export function yamlScalar(value: string): string {
  return /^[\w][\w .,'()/@+-]*$/.test(value) && !/^(true|false|yes|no|null|on|off|~)$/i.test(value) && !/[ ]$/.test(value) ? value : JSON.stringify(value);
}

/**
 * Sets `key: value`: replaces an existing single-line value, fills an empty one, or inserts a line before the
 * closing `---`. Undefined when the document has no frontmatter or the field holds a block (list, mapping).
 */
export function setField(doc: IsmsDocument, text: TextLines, key: string, value: string): TextEdit | undefined {
  const fm = doc.frontmatter;
  if (!fm) return undefined;
  const source = fm.sources?.get(key);
  // A value read from a revision history, the first heading or a default is evidence, not a field to overwrite.
  const field = source === 'revision-history' || source === 'first-heading' || source === 'default' ? undefined : fm.fields.get(key);
  const scalar = yamlScalar(value);
  // A value in a Document Control table, blockquote or list is replaced as it is written there.
  if (field && source) return field.valueRange.end.character > field.valueRange.start.character && field.valueRange.start.line === field.valueRange.end.line ? { range: field.valueRange, newText: value } : undefined;
  if (field) {
    const v = field.valueRange;
    if (v.start.line !== v.end.line || v.start.line !== field.keyRange.start.line) return undefined;
    if (v.end.character > v.start.character) return { range: v, newText: scalar };
    const line = field.keyRange.start.line;
    const rest = text.line(line).slice(field.keyRange.end.character);
    const comment = /\s#.*$/.exec(rest)?.[0] ?? '';
    return { range: { start: field.keyRange.start, end: { line, character: text.line(line).length } }, newText: `${key}: ${scalar}${comment}` };
  }
  return insertFieldLine(doc, text, `${key}: ${scalar}`);
}

/** Inserts a line at the end of the frontmatter (before the closing fence). */
export function insertFieldLine(doc: IsmsDocument, text: TextLines, line: string): TextEdit | undefined {
  const fm = doc.frontmatter;
  // Only into a YAML block: metadata kept in a table or a header gets no YAML line in the middle of the text.
  if (!fm?.yaml) return undefined;
  const at = { line: fm.range.end.line, character: 0 };
  return { range: { start: at, end: at }, newText: line + text.eol };
}
