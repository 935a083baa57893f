// A document's sections: a heading and everything up to the next heading of the same or a higher level, so
// rules can ask what a section holds (its lines, tables, list items, statements and, for scope and context
// documents, its prose).
import type { Heading, IsmsDocument, Range } from '../model';

export interface Section {
  heading: Heading;
  /** Index of the heading in doc.headings. */
  index: number;
  /** Heading title without numbering, lower case: `1.2 Scope statement` → `scope statement`. */
  title: string;
  startLine: number;
  /** Last line of the section (inclusive). */
  endLine: number;
}

export const headingTitle = (text: string) => text.toLowerCase().replace(/^[\d.\s)]+/, '').replace(/^[a-z]\)\s+/, '').trim();

export function sectionsOf(doc: IsmsDocument): Section[] {
  return doc.headings.map((heading, index) => {
    let end = doc.lineCount - 1;
    for (let j = index + 1; j < doc.headings.length; j++) {
      if (doc.headings[j].depth <= heading.depth) {
        end = doc.headings[j].range.start.line - 1;
        break;
      }
    }
    return { heading, index, title: headingTitle(heading.text), startLine: heading.range.start.line, endLine: end };
  });
}

export const inSection = (section: Pick<Section, 'startLine' | 'endLine'>, range: Range) => range.start.line >= section.startLine && range.start.line <= section.endLine;

/** The prose of a section with its subsections (scope and context documents; '' for others). */
export function sectionProse(doc: IsmsDocument, section: Section): string {
  if (!doc.sectionText) return '';
  const parts = [doc.sectionText[section.index + 1] ?? ''];
  for (let j = section.index + 1; j < doc.headings.length && doc.headings[j].range.start.line <= section.endLine; j++) {
    parts.push(doc.headings[j].text, doc.sectionText[j + 1] ?? '');
  }
  return parts.join(' ');
}

/** The whole prose of a scope or context document, headings included. */
export function documentProse(doc: IsmsDocument): string {
  if (!doc.sectionText) return '';
  return [doc.sectionText[0], ...doc.headings.flatMap((h, i) => [h.text, doc.sectionText![i + 1] ?? ''])].join(' ');
}

/** Person names compared as auditors do: case-insensitive, a role in parentheses set apart. */
export function personKeys(value: unknown): string[] {
  if (typeof value !== 'string' && typeof value !== 'number') return [];
  const text = String(value).trim();
  if (!text) return [];
  const keys: string[] = [];
  const name = text.replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
  if (name) keys.push(name);
  for (const m of text.matchAll(/\(([^)]*)\)/g)) {
    // "(Head of Security, incident commander)": each comma-separated role is a key too.
    for (const role of m[1].split(/[,;]/)) {
      const r = role.replace(/\s+/g, ' ').trim().toLowerCase();
      if (r) keys.push(r);
    }
  }
  return keys;
}

/** The person part of a name, without roles: `Marta Kowalski (Head of Security)` → `marta kowalski`. */
export function personName(value: unknown): string {
  return personKeys(value)[0] ?? '';
}
