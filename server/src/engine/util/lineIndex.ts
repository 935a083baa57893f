import type { Position, Range } from '../model';
import { position, sharedRange } from './position';

/** Converts string offsets to line/character positions with a binary search over line starts. */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.lineStarts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) this.lineStarts.push(i + 1);
    }
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The line of the last position asked for. */
  private lastLine = 0;

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const starts = this.lineStarts;
    // Parsers ask in order, mostly on the line they asked about last: try it before searching.
    let lo = this.lastLine;
    if (!(starts[lo] <= clamped && (lo + 1 === starts.length || starts[lo + 1] > clamped))) {
      lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= clamped) lo = mid;
        else hi = mid - 1;
      }
      this.lastLine = lo;
    }
    // An offset inside a line break (the \n of \r\n, say) belongs at the end of the line's content.
    return position(lo, Math.min(clamped, this.contentEnd(lo)) - this.lineStarts[lo]);
  }

  /** Offset just past the last character of `line`, before its line break. */
  private contentEnd(line: number): number {
    let end = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    while (end > this.lineStarts[line] && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) end--;
    return end;
  }

  range(start: number, end: number): Range {
    return sharedRange(this.position(start), this.position(end));
  }

  offset(position: Position): number {
    const line = Math.max(0, Math.min(position.line, this.lineStarts.length - 1));
    const lineEnd = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    return Math.min(this.lineStarts[line] + Math.max(0, position.character), lineEnd);
  }

  /** The range covering line `line` without its line break. */
  lineRange(line: number): Range {
    const l = Math.max(0, Math.min(line, this.lineStarts.length - 1));
    return this.range(this.lineStarts[l], this.contentEnd(l));
  }
}
