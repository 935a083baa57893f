// One shared, frozen object per (line, character): a 5,000-document ISMS holds about a million positions in its
// ranges (40 bytes each, the largest share of the index), but only tens of thousands of different ones. Nothing may
// change a position of the model in place (they are frozen, so an attempt throws); make a new one instead.
import type { Position, Range } from '../model';

const shared = new Map<number, Position>();

/** The shared position at `line`, `character` (a fresh one for positions too far out to share). */
export function position(line: number, character: number): Position {
  if (line >= 1 << 20 || character >= 1 << 12 || line < 0 || character < 0) return { line, character };
  const key = line * 4096 + character;
  let found = shared.get(key);
  if (!found) {
    if (shared.size >= 300_000) shared.clear(); // bounded: later ones are shared among themselves again
    found = Object.freeze({ line, character });
    shared.set(key, found);
  }
  return found;
}

const sharedRanges = new Map<number, Range>();

/**
 * The shared, frozen range from `start` to `end` when both are shared positions on one line (most ranges of the
 * model: a 5,000-document ISMS holds about half a million, 20 MB, but far fewer different ones); a fresh one otherwise.
 */
export function sharedRange(start: Position, end: Position): Range {
  const { line, character } = start;
  // Only frozen positions: a range shared by many documents must not change through one of them.
  if (line !== end.line || line >= 1 << 20 || character >= 4096 || end.character >= 4096 || !Object.isFrozen(start) || !Object.isFrozen(end)) return { start, end };
  const key = line * 16_777_216 + character * 4096 + end.character;
  let found = sharedRanges.get(key);
  if (!found) {
    if (sharedRanges.size >= 300_000) sharedRanges.clear(); // bounded, as the positions are
    found = Object.freeze({ start, end });
    sharedRanges.set(key, found);
  }
  return found;
}
