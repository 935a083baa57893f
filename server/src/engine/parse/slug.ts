// GitHub-compatible heading anchors, so `[x](policy.md#access-reviews)` resolves as it does on github.com.

export function slugify(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-');
}

/** Assigns each heading a unique slug the way GitHub does: repeats get `-1`, `-2`, ... */
export class SlugCounter {
  private readonly seen = new Map<string, number>();

  next(text: string): string {
    const base = slugify(text);
    const count = this.seen.get(base);
    if (count === undefined) {
      this.seen.set(base, 0);
      return base;
    }
    let n = count + 1;
    while (this.seen.has(`${base}-${n}`)) n++;
    this.seen.set(base, n);
    this.seen.set(`${base}-${n}`, 0);
    return `${base}-${n}`;
  }
}
