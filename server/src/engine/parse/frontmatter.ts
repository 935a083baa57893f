// YAML frontmatter: parsed with `yaml` so errors, keys and list items keep exact ranges in the Markdown file.
import { explainYamlError, findSwallowedValues } from './yamlErrors';
import { parseDocument, isMap, isSeq, isScalar, type Node as YamlNode, type Pair } from 'yaml';
import type { Diagnostic, FieldLocation, Frontmatter, Range } from '../model';
import type { LineIndex } from '../util/lineIndex';
import { fastFrontmatter, type FastScalar } from './fastYaml';

/** Aliases expand into copies; a handful is legitimate, thousands is a "billion laughs" bomb. */
const MAX_ALIAS_COUNT = 100;

export interface FrontmatterBlock {
  /** Offset of the opening fence. */
  start: number;
  /** Offset just after the closing fence line's text. */
  end: number;
  /** The YAML between the fences and where it starts. */
  content: string;
  contentStart: number;
}

/**
 * True when the text opens a frontmatter fence that remark did not see closed: `---` on the first line followed
 * by YAML-looking lines (or nothing at all), so the user meant frontmatter and forgot the closing `---`.
 */
export function looksLikeUnclosedFrontmatter(text: string): boolean {
  const open = /^---[ \t]*(?:\r?\n|\r|$)/.exec(text);
  if (!open) return false;
  const next = text.slice(open[0].length).split(/\r?\n|\r/, 5).find((l) => l.trim() !== '');
  return next === undefined || /^[\w-]+\s*:/.test(next);
}

export function parseFrontmatter(
  path: string,
  block: FrontmatterBlock,
  lines: LineIndex,
  options: { fast?: boolean } = {},
): { frontmatter: Frontmatter; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const at = (start: number, end: number): Range => lines.range(block.contentStart + start, block.contentStart + end);
  const report = (range: Range, message: string, severity: Diagnostic['severity'] = 'error') =>
    diagnostics.push({ path, range, severity, code: 'frontmatter-syntax', message });
  const fields = new Map<string, FieldLocation>();
  const items = new Map<string, { value: unknown; range: Range }[]>();
  const frontmatter: Frontmatter = {
    data: {},
    fields,
    items,
    range: lines.range(block.start, block.end),
    contentRange: lines.range(block.contentStart, block.contentStart + block.content.length),
  };

  // A `#` that silently cuts a value short is no parse error: a warning with the quoting fix.
  const typed = /^type[ \t]*:/m.test(block.content);
  for (const cut of block.content.includes('#') ? findSwallowedValues(block.content) : []) {
    const fix = cut.fix && { title: cut.fix.title, range: at(cut.fix.start, cut.fix.end), newText: cut.fix.newText };
    diagnostics.push({ path, range: at(cut.start, cut.end), severity: 'warning', code: 'frontmatter-syntax', message: cut.message, data: { typed, fix } });
  }

  // Most frontmatter is simple `key: value` lines: read those directly, with the same values and ranges.
  const fast = options.fast === false ? undefined : fastFrontmatter(block.content);
  if (fast) {
    const data: Record<string, unknown> = {};
    const source = (s: FastScalar) => (typeof s.value === 'number' ? block.content.slice(s.start, s.end).trim() : s.value);
    for (const pair of fast) {
      const keyRange = at(pair.keyStart, pair.keyEnd);
      const value = pair.value;
      fields.set(pair.key, { keyRange, valueRange: at(value.start, value.end) });
      if ('items' in value) {
        data[pair.key] = value.items.map((i) => i.value);
        items.set(pair.key, value.items.map((i) => ({ value: source(i), range: at(i.start, i.end) })));
      } else {
        data[pair.key] = value.value;
        if (value.value !== null) items.set(pair.key, [{ value: source(value), range: fields.get(pair.key)!.valueRange }]);
      }
    }
    frontmatter.data = data;
    return { frontmatter, diagnostics };
  }

  const doc = parseDocument(block.content, { prettyErrors: false, uniqueKeys: true, strict: false });
  const explainedLines = new Set<number>();
  // Whether the broken frontmatter declares an ISMS type (above): the rule reports a warning, not an error, when not.
  for (const e of doc.errors) {
    const explained = explainYamlError(e.code, e.message, e.pos[0], block.content);
    if (explained) {
      // One finding per line: a slip often makes the parser report several errors after it.
      const range = at(explained.start, explained.end);
      if (explainedLines.has(range.start.line)) continue;
      explainedLines.add(range.start.line);
      const fix = explained.fix && { title: explained.fix.title, range: at(explained.fix.start, explained.fix.end), newText: explained.fix.newText };
      diagnostics.push({ path, range, severity: 'error', code: 'frontmatter-syntax', message: explained.message, data: { typed, ...(fix ? { fix } : {}) } });
      continue;
    }
    const range = at(e.pos[0], Math.max(e.pos[1], e.pos[0] + 1));
    if (explainedLines.has(range.start.line)) continue;
    diagnostics.push({ path, range, severity: 'error', code: 'frontmatter-syntax', message: `Frontmatter YAML error: ${firstLine(e.message)}. Fix the YAML between the --- lines.`, data: { typed } });
  }
  for (const w of doc.warnings) {
    report(at(w.pos[0], Math.max(w.pos[1], w.pos[0] + 1)), `Frontmatter YAML warning: ${firstLine(w.message)}.`, 'warning');
  }
  if (doc.errors.length > 0) return { frontmatter, diagnostics };

  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && (contents.value === null || contents.value === ''))) {
    return { frontmatter, diagnostics }; // empty frontmatter
  }
  if (!isMap(contents)) {
    report(frontmatter.contentRange, 'Frontmatter must be a mapping of fields (`type: policy`, `id: POL-001`, ...), not a list or a single value.');
    return { frontmatter, diagnostics };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    report(frontmatter.contentRange, `Frontmatter could not be read: ${firstLine((e as Error).message)}. Remove the YAML aliases or anchors.`);
    return { frontmatter, diagnostics };
  }
  frontmatter.data = (data ?? {}) as Record<string, unknown>;

  const rangeOf = (node: YamlNode | null | undefined, fallback: Range): Range =>
    node?.range ? at(node.range[0], Math.max(node.range[1], node.range[0])) : fallback;
  for (const pair of contents.items as Pair<YamlNode, YamlNode | null>[]) {
    if (!isScalar(pair.key) || !pair.key.range) continue;
    const key = String(pair.key.value);
    const keyRange = at(pair.key.range[0], pair.key.range[1]);
    const valueRange = pair.value?.range ? trimTrailing(rangeOf(pair.value, keyRange), pair.value, block.content, at) : { start: keyRange.end, end: keyRange.end };
    fields.set(key, { keyRange, valueRange });
    if (isSeq(pair.value)) {
      items.set(
        key,
        pair.value.items.map((item) => ({ value: sourceValue(item as YamlNode, block.content), range: rangeOf(item as YamlNode, keyRange) })),
      );
    } else if (isScalar(pair.value) && pair.value.value !== null) {
      items.set(key, [{ value: sourceValue(pair.value, block.content), range: valueRange }]);
    }
  }
  return { frontmatter, diagnostics };
}

/** A scalar's text as written (`8.10` stays "8.10", not the number 8.1); other nodes as parsed. */
function sourceValue(node: YamlNode, content: string): unknown {
  if (isScalar(node)) {
    if (typeof node.value === 'number' && node.range) return content.slice(node.range[0], node.range[1]).trim();
    return node.value;
  }
  return node.toJSON();
}

/** Block scalars' ranges include the trailing newline; keep value ranges on their own lines. */
function trimTrailing(range: Range, node: YamlNode, content: string, at: (s: number, e: number) => Range): Range {
  if (!node.range) return range;
  let end = node.range[1];
  while (end > node.range[0] && /\s/.test(content[end - 1])) end--;
  return at(node.range[0], end);
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/\s*at line \d+, column \d+:?$/, '').replace(/\.$/, '');
}
