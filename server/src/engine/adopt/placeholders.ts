// Template repositories (`*.md.tmpl`, Jinja, Mustache, Handlebars, Liquid) hold placeholders where a filled-in
// document holds values: `owner: "{{ owner }}"`, `[Scope]({{ scope_url }})`. A placeholder is neither a bad value
// nor a missing file; it is set aside here, the one place values and link targets are told apart from them.
// A copied template's metadata line holds one too (`**Effective Date:** [DATE]`): its value is a placeholder when
// the whole of it is one, and is then reported once, by template-placeholder, never as an invalid date or value.
import type { Frontmatter } from '../model';
import { scanPlaceholders } from '../parse/placeholders';

const PLACEHOLDER = /\{\{[^{}]*\}\}|\{%[^%]*%\}|\{#[^#]*#\}/;
/** A whole value in square brackets (`[Information Security Manager]`, `[Link to evidence]`), or a date mask. */
const WHOLE_VALUE = /^(?:\[[\p{L}][^[\]()]{0,60}\]|(?:yyyy|jjjj|aaaa)[-/.]mm[-/.]dd|dd[-/.]mm[-/.](?:yyyy|yy|jjjj|aaaa)|mm[-/.]dd[-/.]yyyy)$/iu;

export const isPlaceholder = (value: unknown): boolean => {
  if (typeof value !== 'string') return false;
  if (PLACEHOLDER.test(value)) return true;
  const v = value.trim();
  if (WHOLE_VALUE.test(v)) return true;
  const [only] = scanPlaceholders(v);
  return !!only && only.start === 0 && only.end === v.length;
};

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
