// GitHub-compatible heading anchors, so `[x](policy.md#access-reviews)` resolves as it does on github.com.

export function slugify(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-');
}

/** A trailing explicit ID (`## Access reviews {#reviews}`, Hugo, MkDocs, Pandoc and kramdown): the ID and the text before it. */
const CUSTOM_ID = /[ \t]*\{#([^\s{}]+)(?:[ \t][^{}]*)?\}[ \t]*$/;

export function customHeadingId(text: string): { text: string; id: string } | undefined {
  const m = CUSTOM_ID.exec(text);
  return m ? { text: text.slice(0, m.index), id: m[1] } : undefined;
}

/** Assigns each heading a unique slug the way GitHub does: repeats get `-1`, `-2`, ...; an explicit `{#id}` is kept. */
export class SlugCounter {
  private readonly seen = new Map<string, number>();

  next(text: string): string {
    const custom = customHeadingId(text);
    if (custom) {
      this.seen.set(custom.id, this.seen.get(custom.id) ?? 0);
      return custom.id;
    }
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
