// Text helpers for editor features: a document's lines (with the byte-order mark dropped, as the parser does),
// position comparisons, and narrowing a reference's range to the ID inside it (table cells include their pipe,
// quoted YAML values their quotes).
import type { Position, Range } from '../model';

export class TextLines {
  readonly lines: string[];
  /** The document's line break, for inserted lines. */
  readonly eol: string;

  constructor(raw: string) {
    const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    this.lines = text.split(/\r\n|\r|\n/);
    this.eol = /\r\n/.test(text) ? '\r\n' : '\n';
  }

  line(n: number): string {
    return this.lines[n] ?? '';
  }

  /** The text of a range (lines joined with "\n"). */
  slice(range: Range): string {
    if (range.start.line === range.end.line) return this.line(range.start.line).slice(range.start.character, range.end.character);
    const parts = [this.line(range.start.line).slice(range.start.character)];
    for (let l = range.start.line + 1; l < range.end.line; l++) parts.push(this.line(l));
    parts.push(this.line(range.end.line).slice(0, range.end.character));
    return parts.join('\n');
  }

  end(): Position {
    const last = this.lines.length - 1;
    return { line: last, character: this.line(last).length };
  }

  /** The part of a single-line `range` that holds `needle` (first occurrence), else `range` itself. */
  narrow(range: Range, needle: string): Range {
    if (range.start.line !== range.end.line || !needle) return range;
    const at = this.slice(range).indexOf(needle);
    if (at < 0) return range;
    const start = range.start.character + at;
    return { start: { line: range.start.line, character: start }, end: { line: range.start.line, character: start + needle.length } };
  }
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** Whether `pos` lies in `range`, both ends included (a cursor just after an ID is on it). */
export function containsPosition(range: Range, pos: Position): boolean {
  return comparePositions(range.start, pos) <= 0 && comparePositions(pos, range.end) <= 0;
}

export function containsRange(outer: Range, inner: Range): boolean {
  return comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;
}

export function sameRange(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.start) === 0 && comparePositions(a.end, b.end) === 0;
}

/**
 * Without the text: a single-line range two characters wider than the ID is a quoted YAML scalar (`"R-001"`);
 * drop the quotes.
 */
export function unquote(range: Range, raw: string): Range {
  if (range.start.line !== range.end.line || range.end.character - range.start.character !== raw.length + 2) return range;
  return { start: { line: range.start.line, character: range.start.character + 1 }, end: { line: range.end.line, character: range.end.character - 1 } };
}

export const plural = (n: number, one: string, many = one + 's') => `${n} ${n === 1 ? one : many}`;
