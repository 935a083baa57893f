// GitHub-compatible heading anchors, so `[x](policy.md#access-reviews)` resolves as it does on github.com.

export function slugify(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-');
}

/** A trailing attribute list (`## Access reviews {#reviews}`, `#### RED{.text-danger #red}`: Hugo, MkDocs, Pandoc, kramdown). */
const ATTRIBUTE_LIST = /[ \t]*\{([^{}]*)\}[ \t]*$/;

/** A heading's explicit ID from its attribute list, and the text before the list. */
export function customHeadingId(text: string): { text: string; id: string } | undefined {
  const m = ATTRIBUTE_LIST.exec(text);
  if (!m) return undefined;
  const attributes = m[1].trim().split(/[ \t]+/);
  // Only a list of `.class`, `#id` and `key=value` is one; `{{< shortcode >}}` or `{braces}` in prose are not.
  if (!attributes.every((a) => /^[.#][^\s]+$|^[\w-]+=\S*$/.test(a))) return undefined;
  const id = attributes.find((a) => a.startsWith('#'))?.slice(1);
  return id ? { text: text.slice(0, m.index), id } : undefined;
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
