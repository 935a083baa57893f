// One shared, frozen object per (line, character): a 5,000-document ISMS holds about a million positions in its
// ranges (40 bytes each, the largest share of the index), but only tens of thousands of different ones. Nothing may
// change a position of the model in place (they are frozen, so an attempt throws); make a new one instead.
import type { Position, Range } from '../model';

const shared = new Map<number, Position>();

/**
 * Positions and ranges are shared on a document's first 512 lines: nearly every document of an ISMS fits, and the
 * few longer ones (a large register) are seldom alike line for line. Shared on every line, a 2,000-row register
 * pasted and undone all day left its positions and ranges in the tables, most of what the soak's heap grew by
 * (bench/heapDiff.mjs); fresh, they go with the text.
 */
const SHARED_LINES = 512;

/** The shared position at `line`, `character` (a fresh one for positions too far out to share). */
export function position(line: number, character: number): Position {
  if (line >= SHARED_LINES || character >= 1 << 12 || line < 0 || character < 0) return { line, character };
  const key = line * 4096 + character;
  let found = shared.get(key);
  if (!found) {
    if (shared.size >= 300_000) shared.clear(); // bounded: later ones are shared among themselves again
    found = Object.freeze({ line, character });
    shared.set(key, found);
  }
  return found;
}

/**
 * Shared ranges by line, then by start and end character (`start * 4096 + end`). Small integer keys: one key for
 * all three (`line * 2^24 + ...`) is beyond V8's small integers from line 64 on, and a Map hashes such a key as a
 * heap number, which made this lookup the largest single cost of parsing a 2,000-row table.
 */
let sharedRanges: (Map<number, Range> | undefined)[] = [];
let sharedRangeCount = 0;

/**
 * The shared, frozen range from `start` to `end` when both are shared positions on one line (most ranges of the
 * model: a 5,000-document ISMS holds about half a million, 20 MB, but far fewer different ones); a fresh one otherwise.
 */
export function sharedRange(start: Position, end: Position): Range {
  const { line, character } = start;
  // Only frozen positions: a range shared by many documents must not change through one of them.
  if (line !== end.line || line >= SHARED_LINES || character >= 4096 || end.character >= 4096 || !Object.isFrozen(start) || !Object.isFrozen(end)) return { start, end };
  const key = character * 4096 + end.character;
  let onLine = sharedRanges[line];
  let found = onLine?.get(key);
  if (!found) {
    if (sharedRangeCount >= 300_000) {
      // bounded, as the positions are
      sharedRanges = [];
      sharedRangeCount = 0;
      onLine = undefined;
    }
    if (!onLine) {
      onLine = new Map();
      sharedRanges[line] = onLine;
    }
    found = Object.freeze({ start, end });
    onLine.set(key, found);
    sharedRangeCount++;
  }
  return found;
}
