// Template repositories (`*.md.tmpl`, Jinja, Mustache, Handlebars, Liquid) hold placeholders where a filled-in
// document holds values: `owner: "{{ owner }}"`, `[Scope]({{ scope_url }})`. A placeholder is neither a bad value
// nor a missing file; it is set aside here, the one place values and link targets are told apart from them.
import type { Frontmatter } from '../model';

const PLACEHOLDER = /\{\{[^{}]*\}\}|\{%[^%]*%\}|\{#[^#]*#\}/;

export const isPlaceholder = (value: unknown): boolean => typeof value === 'string' && PLACEHOLDER.test(value);

/**
 * Frontmatter values that are (or hold) placeholders leave `data` and `items` and are listed in `placeholders`:
 * the field is there, its value is not judged. List entries that are placeholders are dropped from the list.
 */
export function setAsidePlaceholders(frontmatter: Frontmatter): void {
  for (const [key, value] of Object.entries(frontmatter.data)) {
    if (Array.isArray(value) && value.some(isPlaceholder)) {
      const kept = value.filter((v) => !isPlaceholder(v));
      const items = frontmatter.items.get(key);
      if (items) frontmatter.items.set(key, items.filter((i) => !isPlaceholder(i.value)));
      if (kept.length) {
        frontmatter.data[key] = kept;
        continue;
      }
    } else if (!isPlaceholder(value)) continue;
    delete frontmatter.data[key];
    frontmatter.items.delete(key);
    (frontmatter.placeholders ??= new Set()).add(key);
  }
}
