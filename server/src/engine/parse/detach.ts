// Strings cut out of a file's text (`text.slice(...)`) keep the whole text alive in V8 when they are 13 characters
// or longer (a "sliced string" points into its parent). The model keeps no file text, so values kept from it are
// detached: copied into a string of their own. In a 5,000-document workspace this saves the size of all files.

/** A copy of `s` that does not keep the string it was cut from alive. */
export function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

const interned = new Map<string, string>();

/**
 * One shared, detached copy of a string that many documents repeat (IDs, section titles, owners, link targets):
 * a 5,000-document ISMS holds a million such strings but only tens of thousands of different ones.
 */
export function intern(s: string): string {
  if (s.length > 200) return detach(s);
  let shared = interned.get(s);
  if (shared === undefined) {
    if (interned.size >= 200_000) interned.clear(); // bounded: strings seen long ago are simply copied again
    shared = detach(s);
    interned.set(shared, shared);
  }
  return shared;
}
