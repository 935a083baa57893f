// The preview of a document as an auditor reads it, rendered to sanitised HTML for the editor's webview:
// unified (remark-parse, remark-gfm, remark-frontmatter -> remark-rehype -> sanitiser (render/sanitize.ts) -> HTML text),
// with a header card from the frontmatter, control / risk / document IDs resolved to their titles and made
// clickable, an SoA coverage summary per theme, and a likelihood x impact heat map for a risk register.
//
// Nothing from the document runs: raw HTML is dropped, the result is sanitised with GitHub's schema (plus the
// classes and data attributes this module adds), remote images become links, links that leave the workspace
// lose their target. Clickable elements carry `data-isms-target="tN"`; `targets` says where each leads.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import remarkRehype from 'remark-rehype';
import { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import type { Element, ElementContent, Root as HastRoot, RootContent, Text } from 'hast';
import type { Diagnostic, DocumentType, IsmsDocument, Range } from '../model';
import type { IsmsWorkspace } from '../workspace/workspace';
import type { Loc } from '../../protocol';
import { DOCUMENT_ID_SHAPE, parseControlId, scanControls, scanPattern, urlSpans } from '../parse/references';
import { SlugCounter } from '../parse/slug';
import { detach } from '../parse/detach';
import { lookupLegacy } from '../catalogs/catalog';
import { readRisks, type Risk } from '../isms/risks';
import { riskScales, acceptanceThreshold } from '../isms/methodology';
import { resolveLink } from '../rules/helpers';
import { destinationOf } from '../query/navigation';
import { findLinkTarget } from '../workspace/linkTarget';
import { reviewInfo, soaCoverage, type Linker } from '../query/ismsViews';
import { formatIsoDate, parseIsoDate } from '../util/dates';
import { plural } from '../query/text';
import { fastMarkdownTree } from './markdownTree';
import { mdastToHast } from './mdastToHast';
import { toHtml } from './toHtml';
import { sanitizer } from './sanitize';

export interface PreviewInput {
  workspace: IsmsWorkspace;
  /** Workspace-relative path of the document. */
  path: string;
  /** The parsed document, when the index has it. */
  doc: IsmsDocument | undefined;
  /** The text to render (the editor's, while it is open). */
  text: string;
  today: number;
  /** The latest findings on this document. */
  findings: readonly Diagnostic[];
  linker: Linker;
  /** Where the header card sends the reader for the findings (a link); without it, the editor's Problems panel. */
  findingsListed?: { href: string; label: string };
  /**
   * The editor's live preview: blocks carry their source line (`data-line`, 0-based, for scroll sync), blocks and
   * table rows with findings get a marker that leads to the finding, and tables scroll sideways in a wrapper
   * that keeps their first column in view.
   */
  editor?: boolean;
  /** IDs resolved so far, shared by the documents of one export (`referenceCache()`; the workspace must not change meanwhile). */
  references?: ReferenceCache;
}

/** Resolved control, risk and document IDs, by kind and ID; and the workspace's risk acceptance threshold once found. */
export class ReferenceCache {
  /** By kind, then ID (no key string made per reference). */
  readonly resolved: Record<RefKind, Map<string, Resolved>> = { control: new Map(), risk: new Map(), document: new Map() };
  /** Found by a scan of every document: once per export, not once per risk register's heat map. */
  threshold?: number;
  /** Workspace links resolved so far, by the linking document's folder and the destination (`linkOutcome`). */
  readonly links = new Map<string, LinkOutcome>();

  /** How many IDs are resolved. */
  get size(): number {
    return this.resolved.control.size + this.resolved.risk.size + this.resolved.document.size;
  }
}

/** A cache for `PreviewInput.references`: an export resolves each ID once, not once per document that names it. */
export const referenceCache = (): ReferenceCache => new ReferenceCache();

export interface RenderedPreview {
  title: string;
  html: string;
  targets: Record<string, Loc>;
}

/** Larger documents are previewed as plain text (rendering megabytes of Markdown would stall the server). */
export const PREVIEW_MAX_CHARS = 1_000_000;

/** Deeper block nesting than this (quotes, list indentation) is previewed as plain text, in bounded time. */
export const PREVIEW_MAX_NESTING = 64;

const LONG_LEAD = new RegExp(`^[ \\t>*+\\-\\d.)]{${PREVIEW_MAX_NESTING + 1}}`, 'm');

/** Why a text is too deeply nested to render (the Markdown parser recurses per level), else undefined. */
export function excessiveNesting(text: string): string | undefined {
  // A lead longer than the limit starts a line with more than that many of these characters: one search rules
  // out most texts without reading them line by line.
  if (!LONG_LEAD.test(text)) return undefined;
  let levels = 0;
  let indent = 0;
  for (const line of text.split('\n', 200_000)) {
    // Quote markers, list markers and indentation at the start of a line each open a level.
    const lead = /^(?:[ \t>]|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))*/.exec(line)![0];
    if (lead.length <= PREVIEW_MAX_NESTING) continue;
    levels = Math.max(levels, (lead.match(/>|[-*+]|\d+[.)]/g) ?? []).length);
    indent = Math.max(indent, lead.replace(/\t/g, '    ').length);
  }
  if (levels > PREVIEW_MAX_NESTING) return `quotes or lists are nested ${levels} levels deep`;
  if (indent > PREVIEW_MAX_NESTING * 4) return `lines are indented ${indent} columns deep`;
  return undefined;
}

// ---- sanitising -------------------------------------------------------------------------------------------------

const ISMS_CLASS = /^isms-[\w-]+$/;

type AttributeList = NonNullable<NonNullable<SanitizeSchema['attributes']>[string]>;

/** A tag's allowed attributes, with `isms-*` classes allowed beside the classes GitHub's schema allows. */
function withIsmsClasses(list: AttributeList): AttributeList {
  return list.map((a) => (Array.isArray(a) && a[0] === 'className' ? ([...a, ISMS_CLASS] as typeof a) : a));
}

const DEFAULT_ATTRIBUTES = defaultSchema.attributes ?? {};

/** GitHub's schema, plus this module's `isms-*` classes and data attributes; no styles, scripts or forms. */
export const PREVIEW_SCHEMA: SanitizeSchema = {
  ...defaultSchema,
  attributes: {
    ...Object.fromEntries(Object.entries(DEFAULT_ATTRIBUTES).map(([tag, list]) => [tag, withIsmsClasses(list)])),
    a: [...withIsmsClasses(DEFAULT_ATTRIBUTES.a ?? []), 'dataIsmsTarget', 'dataIsmsKind'],
    '*': [...(DEFAULT_ATTRIBUTES['*'] ?? []), ['className', ISMS_CLASS], 'dataIsmsTarget', ['dataLine', /^\d{1,7}$/]],
  },
};

// ---- hast helpers ---------------------------------------------------------------------------------------------

type Child = ElementContent | string | undefined | false;

function h(tagName: string, className: string | string[] | undefined, children: Child[] = [], props: Record<string, string | number> = {}): Element {
  // Plain loops: this builds every reference link of every document an export renders.
  const properties: Element['properties'] = {};
  const classes = className === undefined ? undefined : Array.isArray(className) ? className : [className];
  if (classes?.length) properties.className = classes;
  for (const key in props) properties[key] = props[key];
  const content: ElementContent[] = [];
  for (const c of children) if (c !== undefined && c !== false) content.push(typeof c === 'string' ? textNode(c) : c);
  return { type: 'element', tagName, properties, children: content };
}

const textNode = (value: string): Text => ({ type: 'text', value });

function hastText(node: RootContent | HastRoot): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return node.children.map((c) => hastText(c as RootContent)).join('');
  return '';
}

const truncate = (s: string, max: number) => (s.length > max ? s.slice(0, max - 1).trimEnd() + '…' : s);

// ---- targets and references -----------------------------------------------------------------------------------

class Targets {
  readonly map: Record<string, Loc> = {};
  /** Target ids by path, then by position (line and character in one number: no key string per reference). */
  private readonly byPath = new Map<string, Map<number, string>>();
  private count = 0;

  add(path: string, range: Range): string {
    const { line, character } = range.start;
    let atPath = this.byPath.get(path);
    if (!atPath) this.byPath.set(path, (atPath = new Map()));
    const position = line * 0x100000000 + character; // exact below 2^21 lines
    let id = atPath.get(position);
    if (!id) {
      id = `t${++this.count}`;
      atPath.set(position, id);
      this.map[id] = { uri: this.linker.uri(path), line, character };
    }
    return id;
  }

  constructor(private readonly linker: Linker) {}
}

type RefKind = 'control' | 'risk' | 'document';

interface Resolved {
  kind: RefKind;
  id: string;
  /** The title to show (control title, risk description, document title). */
  title?: string;
  /** Tooltip. */
  tooltip: string;
  state: 'resolved' | 'legacy' | 'unresolved';
  target?: { path: string; range: Range };
}

function resolveReference(input: PreviewInput, kind: RefKind, id: string): Resolved {
  const cache = input.references;
  if (!cache) return resolveUncached(input.workspace, kind, id);
  const ofKind = cache.resolved[kind];
  let r = ofKind.get(id);
  if (!r) {
    // Kept for the whole export: an ID cut out of the text would keep the document's text alive with it.
    const own = detach(id);
    ofKind.set(own, (r = resolveUncached(input.workspace, kind, own)));
  }
  return r;
}

function resolveUncached(workspace: IsmsWorkspace, kind: RefKind, id: string): Resolved {
  if (kind === 'control') {
    const control = workspace.catalogs.get(id);
    const row = workspace.soaRowsFor(id)[0];
    const target = row ? { path: row.path, range: row.range } : undefined;
    if (!control) {
      const legacy = lookupLegacy(id);
      if (legacy) return { kind, id, state: 'legacy', tooltip: `${id}: ISO/IEC 27001:2013 control (withdrawn), "${legacy.title}"; in 2022: ${legacy.newIds.join(', ')}`, target };
      return { kind, id, state: 'unresolved', tooltip: `${id}: not a control of any enabled catalog` };
    }
    const soa = !row ? 'not in the SoA' : row.applicable === false ? 'excluded in the SoA' : row.applicable ? `applicable${row.status ? `, ${row.status.trim()}` : ''}` : 'applicability unclear';
    return { kind, id, title: control.title, state: 'resolved', tooltip: `${id} ${control.title} (${control.theme}) · SoA: ${soa}`, target };
  }
  if (kind === 'risk') {
    const risk = workspace.risks().get(id)?.[0];
    if (!risk) return { kind, id, state: 'unresolved', tooltip: `${id}: not defined in any risk register or risk document` };
    const score = risk.score ?? (risk.likelihood !== undefined && risk.impact !== undefined ? risk.likelihood * risk.impact : undefined);
    const facts = [risk.owner && `owner ${risk.owner}`, score !== undefined && `score ${score}`, risk.treatment && `treatment ${risk.treatment}`].filter(Boolean).join(', ');
    const isDocument = workspace.getDocument(risk.path)?.type === 'risk';
    return {
      kind,
      id,
      title: risk.description,
      state: 'resolved',
      tooltip: `${id}${risk.description ? ` ${risk.description}` : ''}${facts ? ` (${facts})` : ''}`,
      target: { path: risk.path, range: isDocument ? START : risk.range },
    };
  }
  const doc = workspace.documentsWithId(id)[0];
  if (!doc) return { kind, id, state: 'unresolved', tooltip: `${id}: no document has this ID` };
  return { kind, id, title: doc.title, state: 'resolved', tooltip: `${id}${doc.title ? ` ${doc.title}` : ''} (${doc.path})`, target: { path: doc.path, range: START } };
}

const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

interface Match {
  kind: RefKind;
  id: string;
  raw: string;
  start: number;
  end: number;
}

/** IDs in a run of text: controls, risks, and document IDs that name a real document. */
function findIds(workspace: IsmsWorkspace, value: string): readonly Match[] {
  // The line breaks between blocks (half the text nodes of a document) hold no ID.
  if (BLANK.test(value)) return NO_MATCHES;
  const found: Match[] = [];
  const urls = urlSpans(value); // once for the three scans
  for (const m of scanControls(value, urls)) found.push({ kind: 'control', ...m });
  if (matchesAnywhere(workspace.riskMatcher, value)) for (const m of scanPattern(value, workspace.riskMatcher, urls)) found.push({ kind: 'risk', ...m });
  // A document ID has a hyphen before its number (DOCUMENT_ID_SHAPE): text without one is not scanned for them.
  if (value.includes('-') && matchesAnywhere(DOCUMENT_ID_SHAPE, value)) {
    for (const m of scanPattern(value, DOCUMENT_ID_SHAPE, urls)) {
      if (workspace.documentsWithId(m.id).length > 0) found.push({ kind: 'document', ...m });
    }
  }
  // Mostly the matches are in order already and apart (one kind, or kinds in turn): nothing to sort or drop.
  if (inOrderApart(found)) return found;
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Match[] = [];
  let last = -1;
  for (const m of found) {
    if (m.start < last) continue; // overlapping: keep the first, longest
    out.push(m);
    last = m.end;
  }
  return out;
}

/**
 * Whether a global pattern matches anywhere in the text: one search, where scanPattern's matchAll copies the
 * pattern and makes an iterator for every text node (most hold no risk or document ID).
 */
function matchesAnywhere(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  const found = pattern.test(text);
  pattern.lastIndex = 0;
  return found;
}

const BLANK = /^\s*$/;
const NO_MATCHES: readonly Match[] = [];

/** Whether each match starts after the one before it and clear of it (then sorting and the overlap check keep all). */
function inOrderApart(found: readonly Match[]): boolean {
  for (let i = 1; i < found.length; i++) if (found[i].start <= found[i - 1].start || found[i].start < found[i - 1].end) return false;
  return true;
}

// ---- the transform ------------------------------------------------------------------------------------------------

interface State {
  input: PreviewInput;
  targets: Targets;
  /** Every ID seen in the body, for the references list. */
  seen: Map<string, Resolved>;
  slugs: SlugCounter;
}

const SKIP_TAGS = new Set(['code', 'pre', 'a', 'script', 'style']);
const NO_INLINE_TITLE = new Set(['td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** A reference's link; `r` when the caller has resolved it already (once per reference, not twice). */
function referenceLink(state: State, m: { kind: RefKind; id: string; raw: string }, inlineTitle: boolean, r = resolveReference(state.input, m.kind, m.id)): Element {
  state.seen.set(`${m.kind}:${m.id}`, r);
  const props: Record<string, string> = { title: r.tooltip, dataIsmsKind: m.kind, href: '#' };
  if (r.target) props.dataIsmsTarget = state.targets.add(r.target.path, r.target.range);
  const children: Child[] = [h('span', 'isms-ref-id', [m.raw])];
  if (inlineTitle && r.title) children.push(h('span', 'isms-ref-title', [truncate(r.title, 60)]));
  return h('a', ['isms-ref', `isms-ref-${m.kind}`, `isms-${r.state}`], children, props);
}

/** The text with its IDs made links, or undefined when it has none (most text: kept as it is, nothing allocated). */
function transformText(state: State, node: Text, parentTag: string, insideTitleless: boolean): ElementContent[] | undefined {
  const value = node.value;
  const matches = findIds(state.input.workspace, value);
  if (matches.length === 0) return undefined;
  const out: ElementContent[] = [];
  let at = 0;
  for (const m of matches) {
    if (m.start > at) out.push(textNode(value.slice(at, m.start)));
    const r = resolveReference(state.input, m.kind, m.id);
    // "A.8.25 Secure development life cycle" already says the title.
    const following = value.slice(m.end).trimStart().toLowerCase();
    const repeated = !!r.title && following.startsWith(r.title.toLowerCase().slice(0, 16));
    out.push(referenceLink(state, m, !insideTitleless && !NO_INLINE_TITLE.has(parentTag) && !repeated, r));
    at = m.end;
  }
  if (at < value.length) out.push(textNode(value.slice(at)));
  return out;
}

function transformLink(state: State, el: Element): void {
  const href = typeof el.properties.href === 'string' ? el.properties.href : undefined;
  if (href === undefined) return;
  if (/^(https?:|mailto:)/i.test(href)) {
    el.properties.className = ['isms-external'];
    el.properties.title = href;
    return;
  }
  if (href.startsWith('#')) {
    el.properties.className = ['isms-anchor'];
    return;
  }
  const { className, title, target } = linkOutcome(state, href);
  if (!target) delete el.properties.href;
  el.properties.className = [className];
  if (target) el.properties.dataIsmsTarget = state.targets.add(target.path, target.range);
  el.properties.title = title;
}

/** Where a workspace link leads (no target: broken), its class and its tooltip. */
interface LinkOutcome {
  className: string;
  title: string;
  target?: { path: string; range: Range };
}

/**
 * A link's outcome; an export keeps it for the other links with the same destination from the same folder (a
 * link resolves against its document's folder; one with no path, `?x` or ` #x`, against the document itself).
 */
function linkOutcome(state: State, href: string): LinkOutcome {
  const { path, doc, references: cache } = state.input;
  // The Markdown parser percent-encodes destinations (`<evidence/pen test.pdf>`); the index holds file names.
  const destination = decodeUri(href);
  if (!cache || doc?.path !== path) return resolveOutcome(state.input, href, destination);
  const key = `${/^\s*[?#]/.test(destination) ? path : path.slice(0, path.lastIndexOf('/') + 1)}\0${href}`;
  let outcome = cache.links.get(key);
  if (!outcome) {
    // Kept for the whole export: strings cut out of the text (the link, the path resolved from it) are copied, or
    // each would keep its document's whole text alive until the export ends (a fifth of the heap at 5,000 documents).
    const { className, title, target } = resolveOutcome(state.input, href, destination);
    outcome = { className, title: detach(title), target: target && { path: detach(target.path), range: target.range } };
    cache.links.set(detach(key), outcome);
  }
  return outcome;
}

function resolveOutcome(input: PreviewInput, href: string, destination: string): LinkOutcome {
  const { workspace, path, doc } = input;
  // Resolved once (findLinkTarget resolves it as resolveLink does: no target, or outside the workspace).
  const target = findLinkTarget(workspace, path, destination);
  if (target.kind === 'external' || target.kind === 'outside') {
    // Other schemes (file:, javascript: ...) and paths outside the workspace: no target at all.
    return { className: 'isms-broken-link', title: target.kind === 'outside' ? 'link leaves the workspace' : 'unsupported link' };
  }
  const found = doc ? destinationOf(workspace, doc.path === path ? target : findLinkTarget(workspace, doc.path, destination)) : [];
  if (found.length === 0) return { className: 'isms-broken-link', title: `${href}: not found in the workspace` };
  const linked = workspace.getDocument(found[0].path);
  const title = linked?.title ? `${linked.id ? linked.id + ' ' : ''}${linked.title} (${found[0].path})` : found[0].path;
  return { className: 'isms-link', title, target: { path: found[0].path, range: found[0].range } };
}

function decodeUri(href: string): string {
  // decodeURI changes only %-escapes (and throws only on a bad one): without a `%` the text is its own decoding.
  if (!href.includes('%')) return href;
  try {
    return decodeURI(href);
  } catch {
    return href;
  }
}

/** Remote images become links (no request leaves the webview); local ones must stay inside the workspace. */
function transformImage(state: State, el: Element): Element | Text {
  const src = typeof el.properties.src === 'string' ? el.properties.src : '';
  const alt = typeof el.properties.alt === 'string' && el.properties.alt ? el.properties.alt : 'image';
  if (/^(https?:)?\/\//i.test(src)) {
    return h('a', 'isms-remote-image', [`🖼 ${alt} (remote image not loaded)`], { href: src, title: src });
  }
  const resolved = resolveLink(state.input.path, src, state.input.workspace.config.siteRoot);
  if (!src || !resolved?.path || resolved.outside || !state.input.workspace.hasFile(resolved.path)) {
    return h('span', 'isms-missing-image', [`[${alt}]`], { title: src ? `${src}: not found in the workspace` : 'no image source' });
  }
  return el;
}

function walk(state: State, parent: Element | HastRoot, insideTitleless: boolean): void {
  const parentTag = parent.type === 'element' ? parent.tagName : 'root';
  const next: (ElementContent | RootContent)[] = [];
  for (const child of parent.children) {
    if (child.type === 'text') {
      const linked = transformText(state, child, parentTag, insideTitleless);
      if (linked) for (const c of linked) next.push(c);
      else next.push(child);
      continue;
    }
    if (child.type !== 'element') {
      next.push(child);
      continue;
    }
    if (/^h[1-6]$/.test(child.tagName)) child.properties.id = state.slugs.next(hastText(child));
    if (child.tagName === 'img') {
      next.push(transformImage(state, child));
      continue;
    }
    if (child.tagName === 'a') transformLink(state, child);
    if (!SKIP_TAGS.has(child.tagName)) walk(state, child, insideTitleless || NO_INLINE_TITLE.has(child.tagName));
    next.push(child);
  }
  parent.children = next as typeof parent.children;
}

// ---- the editor's preview: source lines, finding markers, wide tables --------------------------------------------

/** The elements that carry their source line: the blocks a reader scrolls past, and each table row. */
const LINE_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'tr', 'pre', 'blockquote', 'hr', 'table']);

interface Block {
  el: Element;
  /** 0-based source lines, inclusive. */
  start: number;
  end: number;
}

/** Sets `data-line` on the body's blocks (from the Markdown positions remark-rehype keeps) and lists them. */
function markLines(parent: Element | HastRoot, blocks: Block[]): void {
  for (const child of parent.children) {
    if (child.type !== 'element') continue;
    const pos = child.position;
    if (pos && LINE_TAGS.has(child.tagName)) {
      child.properties.dataLine = pos.start.line - 1;
      blocks.push({ el: child, start: pos.start.line - 1, end: pos.end.line - 1 });
    }
    if (child.tagName !== 'pre') markLines(child, blocks);
  }
}

const SEVERITY_RANK: Record<Diagnostic['severity'], number> = { error: 0, warning: 1, info: 2, hint: 3 };
const SEVERITY_LABEL: Record<Diagnostic['severity'], string> = { error: 'Error', warning: 'Warning', info: 'Info', hint: 'Hint' };
const SEVERITY_SYMBOL: Record<Diagnostic['severity'], string> = { error: '⊗', warning: '⚠', info: 'ⓘ', hint: 'ⓘ' };

/**
 * Marks each block with findings: the innermost block (a row rather than its table, a paragraph rather than its
 * list item) that holds the finding's first line; a finding in the frontmatter, or on a line no block holds,
 * goes to the header card (or the next block). The marker shows the worst severity and the number of findings,
 * lists them in its tooltip, and leads to the worst (`data-isms-kind="finding"`: the editor reveals it and
 * opens the Problems panel).
 */
function markFindings(state: State, blocks: Block[], card: Element | undefined): void {
  const groups = new Map<Element, Diagnostic[]>();
  for (const d of state.input.findings) {
    const line = d.range.start.line;
    let best: Block | undefined;
    for (const b of blocks) if (b.start <= line && line <= b.end && (!best || b.end - b.start <= best.end - best.start)) best = b;
    const firstBody = blocks.reduce((min, b) => Math.min(min, b.start), Infinity);
    const el = best?.el ?? (card && line < firstBody ? card : (blocks.find((b) => b.start > line)?.el ?? card));
    if (el) groups.set(el, [...(groups.get(el) ?? []), d]);
  }
  for (const [el, found] of groups) {
    found.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.range.start.line - b.range.start.line);
    const worst = found[0];
    const tooltip = found.map((d) => `${SEVERITY_LABEL[d.severity]} (${d.code}), line ${d.range.start.line + 1}: ${d.message}`).join('\n');
    const marker = h('a', ['isms-finding-marker', `isms-finding-${worst.severity}`], [SEVERITY_SYMBOL[worst.severity], found.length > 1 && h('span', 'isms-finding-count', [String(found.length)])], {
      href: '#',
      title: `${tooltip}\nClick to show it in the editor and the Problems panel.`,
      ariaLabel: `${plural(found.length, 'finding')}: ${SEVERITY_LABEL[worst.severity]} ${worst.code}`,
      dataIsmsKind: 'finding',
      dataIsmsTarget: state.targets.add(state.input.path, worst.range),
    });
    const { className, ...rest } = el.properties;
    const classes = Array.isArray(className) ? className.map(String) : [];
    el.properties = { className: [...classes, 'isms-finding-block', `isms-finding-block-${worst.severity}`], ...rest };
    // In a row, the marker opens the first cell (a table's rows have no gutter of their own).
    const host = el.tagName === 'tr' ? (el.children.find((c): c is Element => c.type === 'element') ?? el) : el;
    host.children.unshift(marker);
  }
}

/** Each table in a scroller of its own (`isms-table-wrap`): wide registers scroll sideways, first column kept. */
function wrapTables(parent: Element | HastRoot): void {
  parent.children = parent.children.map((child) => {
    if (child.type !== 'element') return child;
    if (child.tagName === 'table') return h('div', 'isms-table-wrap', [child]);
    if (child.tagName !== 'pre') wrapTables(child);
    return child;
  }) as typeof parent.children;
}

// ---- header card, summaries ---------------------------------------------------------------------------------------

/** What each document type is called in the preview's header card and the audit pack. */
export const TYPE_LABELS: Record<DocumentType, string> = {
  scope: 'ISMS scope',
  policy: 'Policy',
  procedure: 'Procedure',
  'risk-register': 'Risk register',
  risk: 'Risk',
  soa: 'Statement of Applicability',
  'risk-treatment-plan': 'Risk treatment plan',
  objectives: 'Objectives',
  audit: 'Internal audit report',
  'management-review': 'Management review',
  exception: 'Exception',
  record: 'Record',
  'supplier-register': 'Supplier register',
  'asset-inventory': 'Asset inventory',
  'action-log': 'Action log',
  context: 'Context of the organisation',
};

function scalar(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : (parseIsoDate(v) !== undefined ? formatIsoDate(parseIsoDate(v)!) : v.toISOString());
  if (typeof v === 'object') return undefined;
  const s = String(v).trim();
  return s || undefined;
}

function list(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(scalar).filter((x): x is string => !!x);
  const s = scalar(v);
  return s ? s.split(',').map((x) => x.trim()).filter(Boolean) : [];
}

function badge(kind: string, label: string): Element {
  return h('span', ['isms-badge', `isms-badge-${kind}`], [label]);
}

function headerCard(state: State): Element | undefined {
  const { doc, workspace, today, findings, findingsListed } = state.input;
  if (!doc?.frontmatter) return undefined;
  const data = doc.frontmatter.data;
  const facts: Element[] = [];
  const fact = (label: string, ...value: Child[]) => {
    if (value.some((v) => v !== undefined && v !== false && v !== '')) facts.push(h('div', 'isms-fact', [h('span', 'isms-fact-label', [label]), h('span', 'isms-fact-value', value)]));
  };
  fact('Owner', scalar(data.owner) ?? badge('missing', 'no owner'));
  fact('Version', scalar(data.version));
  const status = scalar(data.status);
  if (status) fact('Status', badge(`status-${status.toLowerCase().replace(/[^a-z]+/g, '-')}`, status));
  const approvedBy = scalar(data.approved_by);
  const approvedOn = scalar(data.approved_on);
  if (approvedBy || approvedOn) fact('Approved', [approvedBy && `by ${approvedBy}`, approvedOn && `on ${approvedOn}`].filter(Boolean).join(' '));
  fact('Date', scalar(data.date));
  fact('Last reviewed', scalar(data.last_reviewed));
  fact('Review cycle', scalar(data.review_cycle));
  const review = reviewInfo(workspace, doc, today);
  if (review.due) {
    const label = review.state === 'overdue' ? `overdue by ${plural(-(review.days ?? 0), 'day')}` : review.state === 'due-soon' ? `due in ${plural(review.days ?? 0, 'day')}` : 'current';
    fact('Next review', review.due, ' ', badge(review.state, label));
  } else if (review.state === 'none' && ['scope', 'policy', 'soa'].includes(doc.type ?? '')) {
    fact('Next review', badge('overdue', 'no review date'));
  }
  if (doc.type === 'exception') {
    fact('Opened', scalar(data.opened));
    fact('Reviewed', [scalar(data.reviewed_on), scalar(data.reviewed_by) && `by ${scalar(data.reviewed_by)}`].filter(Boolean).join(' '));
    fact('Expires', scalar(data.expires));
    fact('Closed', scalar(data.closed_on));
  }
  if (doc.type === 'risk') {
    fact('Likelihood × impact', [scalar(data.likelihood), scalar(data.impact)].filter(Boolean).join(' × '));
    fact('Treatment', scalar(data.treatment));
  }
  const chips = (label: string, kind: RefKind, ids: string[]) => {
    if (ids.length === 0) return undefined;
    return h('div', 'isms-card-refs', [
      h('span', 'isms-fact-label', [label]),
      ...ids.map((raw) => {
        const id = kind === 'control' ? (parseControlId(raw) ?? raw) : raw;
        return referenceLink(state, { kind, id, raw }, true);
      }),
    ]);
  };
  const errors = findings.filter((d) => d.severity === 'error').length;
  const warnings = findings.filter((d) => d.severity === 'warning').length;
  const where: Child[] = findingsListed ? [' in this document (see ', h('a', undefined, [findingsListed.label], { href: findingsListed.href }), ')'] : [' in this document (see the Problems panel)'];
  const problems = errors + warnings > 0 ? h('div', 'isms-card-findings', [badge(errors ? 'error' : 'warning', [errors && plural(errors, 'error'), warnings && plural(warnings, 'warning')].filter(Boolean).join(', ')), ...where]) : undefined;
  const typeLabel = doc.type ? TYPE_LABELS[doc.type] : doc.declaredType ? `Unknown type "${doc.declaredType}"` : undefined;
  return h('section', 'isms-card', [
    h('div', 'isms-card-head', [typeLabel && h('span', 'isms-card-type', [typeLabel]), doc.id && h('span', 'isms-card-id', [doc.id])]),
    h('div', 'isms-card-title', [doc.title ?? doc.path]),
    h('div', 'isms-facts', facts),
    chips('Controls', 'control', list(data.controls).map((c) => c.trim())),
    chips('Risks', 'risk', list(data.risks)),
    chips('Related', 'document', list(data.related)),
    problems,
  ]);
}

function soaSummary(state: State): Element | undefined {
  const { doc, workspace } = state.input;
  if (doc?.type !== 'soa') return undefined;
  const tree = soaCoverage(workspace);
  const pct = (n: number, of: number) => (of > 0 ? `${Math.round((100 * n) / of)}%` : '–');
  const row = (label: string, c: typeof tree.counts, cell = 'td') =>
    h('tr', undefined, [
      h(cell, undefined, [label]),
      h('td', undefined, [String(c.total)]),
      h('td', undefined, [String(c.applicable)]),
      h('td', undefined, [String(c.excluded)]),
      h('td', c.missing + c.unclear > 0 ? 'isms-cell-bad' : undefined, [String(c.missing + c.unclear)]),
      h('td', undefined, [String(c.implemented)]),
      h('td', undefined, [String(c.partial)]),
      h('td', c.notImplemented > 0 ? 'isms-cell-warn' : undefined, [String(c.notImplemented)]),
      h('td', undefined, [pct(c.implemented, c.applicable)]),
    ]);
  const headers = ['Theme', 'Controls', 'Applicable', 'Excluded', 'Missing / unclear', 'Implemented', 'Partial', 'Not implemented', 'Implemented (of applicable)'];
  return h('section', 'isms-summary', [
    h('div', 'isms-summary-title', ['SoA coverage: ISO/IEC 27001:2022 Annex A']),
    h('table', 'isms-summary-table', [
      h('thead', undefined, [h('tr', undefined, headers.map((t) => h('th', undefined, [t])))]),
      h('tbody', undefined, [...tree.themes.map((t) => row(t.theme, t.counts)), row('All themes', tree.counts)]),
    ]),
  ]);
}

function heatMap(state: State): Element | undefined {
  const { doc, workspace } = state.input;
  if (doc?.type !== 'risk-register') return undefined;
  const risks = readRisks(doc, workspace.riskMatcher);
  if (risks.length === 0) return undefined;
  const scales = riskScales(doc);
  const cache = state.input.references;
  const threshold = cache ? (cache.threshold ??= acceptanceThreshold(workspace).value) : acceptanceThreshold(workspace).value;
  const L = Math.min(Math.max(1, Math.round(scales.likelihood)), 10);
  const I = Math.min(Math.max(1, Math.round(scales.impact)), 10);
  const cells = new Map<string, Risk[]>();
  const unplaced: Risk[] = [];
  for (const r of risks) {
    const l = r.likelihood;
    const i = r.impact;
    if (l === undefined || i === undefined || l < 1 || i < 1 || l > L || i > I || !Number.isInteger(l) || !Number.isInteger(i)) {
      unplaced.push(r);
      continue;
    }
    const key = `${l}:${i}`;
    cells.set(key, [...(cells.get(key) ?? []), r]);
  }
  const band = (score: number) => (score > threshold ? 'isms-heat-high' : score > threshold / 2 ? 'isms-heat-medium' : 'isms-heat-low');
  const riskChip = (r: Risk) =>
    h('a', ['isms-ref', 'isms-ref-risk', 'isms-resolved'], [r.id], { href: '#', title: `${r.id}${r.description ? ` ${r.description}` : ''}`, dataIsmsKind: 'risk', dataIsmsTarget: state.targets.add(r.path, r.range) });
  const rows: Element[] = [];
  for (let i = I; i >= 1; i--) {
    const tds: Element[] = [h('th', 'isms-heat-axis', [String(i)])];
    // Axis titles: Impact up the side (one cell across the rows), Likelihood along the bottom.
    if (i === I) tds.unshift(h('th', 'isms-heat-title-impact', ['Impact'], { rowSpan: I + 1, scope: 'rowgroup' }));
    for (let l = 1; l <= L; l++) {
      const here = cells.get(`${l}:${i}`) ?? [];
      tds.push(h('td', ['isms-heat-cell', band(l * i)], here.length ? [h('span', 'isms-heat-count', [String(here.length)]), ...here.flatMap((r) => [' ', riskChip(r)])] : [], { title: `likelihood ${l} × impact ${i} = ${l * i}` }));
    }
    rows.push(h('tr', undefined, tds));
  }
  rows.push(h('tr', undefined, [h('th', 'isms-heat-corner', []), ...Array.from({ length: L }, (_, k) => h('th', 'isms-heat-axis', [String(k + 1)]))]));
  rows.push(h('tr', undefined, [h('th', 'isms-heat-corner', [], { colSpan: 2 }), h('th', 'isms-heat-title-likelihood', ['Likelihood'], { colSpan: L, scope: 'colgroup' })]));
  return h('section', 'isms-summary', [
    h('div', 'isms-summary-title', [`Risk heat map: likelihood 1–${L} × impact 1–${I}, the register's scale (${plural(risks.length, 'risk')}, acceptance threshold ${threshold})`]),
    h('table', 'isms-heatmap', [h('tbody', undefined, rows)]),
    unplaced.length ? h('p', 'isms-note', [`Not placed (likelihood or impact missing or off the scale): `, ...unplaced.flatMap((r) => [riskChip(r), ' '])]) : undefined,
  ]);
}

/** IDs in numeric order (A.5.9 before A.5.10); one collator, as `localeCompare` with options builds one per call. */
const ID_ORDER = new Intl.Collator(undefined, { numeric: true });

function referencesList(state: State): Element | undefined {
  if (state.seen.size === 0) return undefined;
  const order: RefKind[] = ['control', 'risk', 'document'];
  const labels: Record<RefKind, string> = { control: 'Controls', risk: 'Risks', document: 'Documents' };
  const sections: Element[] = [];
  for (const kind of order) {
    const refs = [...state.seen.values()].filter((r) => r.kind === kind).sort((a, b) => ID_ORDER.compare(a.id, b.id));
    if (refs.length === 0) continue;
    sections.push(
      h('div', 'isms-refs-group', [
        h('div', 'isms-fact-label', [labels[kind]]),
        h(
          'ul',
          'isms-refs-list',
          refs.map((r) => {
            const props: Record<string, string> = { href: '#', title: r.tooltip, dataIsmsKind: kind };
            if (r.target) props.dataIsmsTarget = state.targets.add(r.target.path, r.target.range);
            return h('li', undefined, [
              h('a', ['isms-ref', `isms-ref-${kind}`, `isms-${r.state}`], [h('span', 'isms-ref-id', [r.id])], props),
              ' ',
              r.title ? truncate(r.title, 120) : r.state === 'legacy' ? h('span', 'isms-note', ['ISO/IEC 27001:2013 ID, withdrawn']) : h('span', 'isms-note', ['unresolved']),
            ]);
          }),
        ),
      ]),
    );
  }
  return h('details', 'isms-refs', [h('summary', undefined, [`Referenced in this document (${state.seen.size})`]), ...sections], { open: 'open' });
}

// ---- entry point ----------------------------------------------------------------------------------------------------

export interface PreviewTree {
  title: string;
  /** The sanitised HTML tree the preview shows (what the pack's PDFs are laid out from). */
  tree: HastRoot;
  targets: Record<string, Loc>;
}

let frozen: { parser: ReturnType<typeof parserOf>; toHast: ReturnType<typeof toHastOf>; sanitize: ReturnType<typeof sanitizer> } | undefined;
const parserOf = () => unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm).freeze();
const toHastOf = () => unified().use(remarkRehype).freeze();
/** The unified pipelines, set up once (configuring remark-gfm's extensions per document cost a tenth of a render). */
const processors = () => (frozen ??= { parser: parserOf(), toHast: toHastOf(), sanitize: sanitizer(PREVIEW_SCHEMA) });

/** The preview as a sanitised HTML tree: the header card, summaries, the body and the references list. */
export function renderPreviewTree(input: PreviewInput): PreviewTree {
  return renderPreviewTreeWith(input, processors().sanitize);
}

/** renderPreviewTree with another sanitiser (a test holds the preview's own to rehype-sanitize's output). */
export function renderPreviewTreeWith(input: PreviewInput, sanitize: (tree: HastRoot) => HastRoot): PreviewTree {
  const { title, result, targets } = renderPreviewAs(input, sanitize);
  return { title, tree: result, targets };
}

/**
 * The preview's sanitised HTML with `data-isms-target` written as static links to the targets' URIs (the audit
 * pack), pushed onto `out`: sanitised and written in one pass (the same HTML as `toHtml(tree, targets)`).
 */
export function writePreviewHtml(input: PreviewInput, out: string[]): void {
  const { html } = processors().sanitize;
  const length = out.length;
  renderPreviewAs(input, (tree, targets) => {
    out.length = length; // a render that failed half-way wrote nothing that stays
    html(tree, targets, out);
  });
}

/** The preview's tree (not yet sanitised) handed to `finish` with its targets; what `finish` makes is the result. */
function renderPreviewAs<T>(input: PreviewInput, finish: (tree: HastRoot, targets: Record<string, Loc>) => T): { title: string; result: T; targets: Record<string, Loc> } {
  const targets = new Targets(input.linker);
  const state: State = { input, targets, seen: new Map(), slugs: new SlugCounter() };
  const title = input.doc?.title ?? input.path.replace(/^.*\//, '');
  const raw = input.text.charCodeAt(0) === 0xfeff ? input.text.slice(1) : input.text;
  try {
    if (raw.length > PREVIEW_MAX_CHARS) throw new Error(`the document is larger than ${PREVIEW_MAX_CHARS / 1000} k characters`);
    const nesting = excessiveNesting(raw);
    if (nesting) throw new Error(nesting);
    const { parser, toHast } = processors();
    // The editor's preview needs source positions (scroll sync, finding markers): remark keeps them; the export
    // takes the fast parser, which builds the same tree without them.
    // The fast tree goes to the fast converter (the same HTML tree remark-rehype makes, test/server/markdownTree.test.ts).
    const fast = input.editor ? undefined : fastMarkdownTree(raw);
    const hast = (fast && mdastToHast(fast)) ?? (toHast.runSync(fast ?? parser.parse(raw)) as HastRoot);
    walk(state, hast, false);
    const body = h('div', 'isms-body', hast.children as ElementContent[]);
    const card = headerCard(state);
    const summary = soaSummary(state);
    if (input.editor) {
      const blocks: Block[] = [];
      markLines(body, blocks);
      // The card stands for the frontmatter, from the first line.
      if (card) card.properties.dataLine = 0;
      markFindings(state, blocks, card);
      wrapTables(body);
      if (summary) wrapTables(summary);
    }
    hast.children = [card, summary, heatMap(state), body, referencesList(state)].filter((x): x is Element => x !== undefined);
    return { title, result: finish(hast, targets.map), targets: targets.map };
  } catch (e) {
    // Pathological input (nesting deeper than the stack, megabytes of text): say so instead of failing.
    const message = e instanceof Error ? e.message : String(e);
    const tree: HastRoot = { type: 'root', children: [h('p', 'isms-note', [`This document cannot be previewed: ${truncate(message, 200)}.`]), h('pre', undefined, [truncate(raw, 20_000)])] };
    return { title, result: finish(tree, {}), targets: {} };
  }
}

export function renderPreview(input: PreviewInput): RenderedPreview {
  const { title, tree, targets } = renderPreviewTree(input);
  const html = toHtml(tree);
  return { title, html, targets };
}
