// `isms init` types the documents whose metadata names no type, file by file, from the evidence each carries:
// its file name, its title and first heading, the folders it sits in, and flags such as `controlled_document:
// true`. The more specific evidence wins (a file named and titled as the SoA is the SoA, also inside
// `policies/`). Navigation pages, CI and tooling folders are never typed; reference material (guides to a
// template, extracts and mappings of standards, training material, vendor notes) is proposed for `exclude`.
// The words are data (typeWords.ts); the result becomes `typeGlobs` and `exclude` in the proposed .isms.yaml.
import type { DocumentType } from '../model';
import { scanMarkdown } from '../parse/scanner';
import {
  CLAUSE_KEYS, CONTROLLED_FLAGS, NEVER_TYPED_FILES, NEVER_TYPED_FOLDERS, REFERENCE_FILE_NAMES, REFERENCE_NAMES,
  SPECIFIC_TYPES, TYPE_WORDS, WEAK_NAMES, TEMPLATE_GUIDE_NAMES, MAPPING_NAMES, STANDARD_HINT, EVENT_RECORD_WORDS,
} from './typeWords';
import { STATIC_SITE_TYPES } from './vocabulary';
import { nameWords } from './names';
import { readControlEntries } from '../parse/controlEntries';
import { templateEvidence, unfilledForm, type TemplateEvidence } from './templates';

export interface TypingInput {
  path: string;
  text: string;
  /** The file's metadata fields as read (frontmatter, with the proposed aliases not yet applied). */
  keys: Record<string, unknown> | undefined;
}

export type Typing =
  | { kind: 'typed'; type: DocumentType; because: string; template?: string }
  | { kind: 'reference'; because: string }
  /** A template or sample of a document type the ISMS has its own document of: proposed for `exclude`. */
  | { kind: 'template'; type: DocumentType; because: string; /** The only one of its type, not filled in. */ unfilled?: true }
  | { kind: 'untyped'; because: string };

export { nameWords };

const CJK = /[\u3040-\u30ff\u3400-\u9fff]/;

/** Where a phrase ends in a name (whole words; anywhere for Japanese), or -1. */
function phraseEnd(words: string, phrase: string): number {
  if (phrase.startsWith('*')) {
    // The last part of a German compound: `zugriffsrichtlinie` ends in `richtlinie`.
    const suffix = nameWords(phrase.slice(1));
    const m = new RegExp(`\\S${suffix}(?= |$)`, 'g');
    let end = -1;
    for (let found = m.exec(words); found; found = m.exec(words)) end = found.index + found[0].length;
    return end;
  }
  const p = CJK.test(phrase) ? phrase : nameWords(phrase);
  if (!p) return -1;
  if (CJK.test(p)) {
    const at = words.lastIndexOf(p);
    return at < 0 ? -1 : at + p.length;
  }
  const at = ` ${words} `.lastIndexOf(` ${p} `);
  return at < 0 ? -1 : at + p.length;
}

const hasPhrase = (words: string, phrases: readonly string[]) => phrases.some((p) => phraseEnd(words, p) >= 0);

/**
 * The type a name (file name, title or heading) gives, and the phrase that said so. A name of one whole ISMS
 * document (SoA, scope, register...) wins unless a policy or procedure word follows it: the head of the phrase
 * decides ("Internal audit report" is an audit, "Internal audit procedure" a procedure).
 */
export function typeFromName(name: string): { type: DocumentType; phrase: string } | undefined {
  const words = nameWords(name);
  if (!words) return undefined;
  let specific: { type: DocumentType; phrase: string; end: number } | undefined;
  let general: { type: DocumentType; phrase: string; end: number } | undefined;
  let weak: { type: DocumentType; phrase: string } | undefined;
  const events = new Map<DocumentType, string>();
  for (const entry of TYPE_WORDS) {
    const whole = entry.wholeNames?.find((w) => nameWords(w) === words);
    if (whole) return { type: entry.type, phrase: whole };
    const eventWords = EVENT_RECORD_WORDS.get(entry.type);
    const event = eventWords && [...entry.names, ...eventWords].find((p) => phraseEnd(words, p) >= 0);
    if (event) events.set(entry.type, event);
    for (const phrase of entry.names) {
      const end = phraseEnd(words, phrase);
      if (end < 0) continue;
      if (SPECIFIC_TYPES.has(entry.type)) specific ??= { type: entry.type, phrase, end };
      else if (WEAK_NAMES.has(phrase)) weak ??= { type: entry.type, phrase };
      else if (!general || end > general.end) general = { type: entry.type, phrase, end };
    }
  }
  // "Internal Audit & Management Review": the record of one audit is not the minutes of a review too; a name
  // of two such records describes how both are run.
  if (events.size >= 2 && (/[&+]/.test(name) || / (?:and|und|et|y|e|en) /.test(` ${words} `))) return { type: 'procedure', phrase: [...events.values()].join(' and ') };
  const best = specific && (!general || general.end <= specific.end) ? specific : general ?? specific ?? weak;
  return best && { type: best.type, phrase: best.phrase };
}

/** The type a folder name gives (`02-policies`, `1_Policies`, `policies_and_standards`). */
export function typeFromFolder(folder: string): DocumentType | undefined {
  const words = nameWords(folder);
  if (!words) return undefined;
  return TYPE_WORDS.find((e) => e.folders.some((f) => nameWords(f) === words || phraseEnd(words, f) >= 0))?.type;
}

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);
/** File name without `.md`, `.md.tmpl`, `.markdown` (and a language suffix such as `.en`). */
const stemOf = (path: string) => baseName(path).replace(/(\.[a-z]{2}(-[a-z]{2})?)?\.(md|markdown|mdx)(\.[a-z0-9]+)?$/i, '');

function titleOf(keys: Record<string, unknown> | undefined): string | undefined {
  const title = keys?.title ?? keys?.document_title ?? keys?.doc_title;
  return typeof title === 'string' ? title : undefined;
}

/** The first level-1 heading, ATX (`# Title`) or setext (`Title` over a line of `=`), whichever comes first. */
function firstHeading(text: string): string | undefined {
  const atx = /^#[ \t]+(.+?)[ \t#]*$/m.exec(text);
  const setext = /^([^\s#>|=-][^\n]*?)[ \t]*\r?\n {0,3}=+[ \t]*$/m.exec(text);
  const first = atx && setext ? (atx.index <= setext.index ? atx : setext) : atx ?? setext;
  return first?.[1];
}

/** Whether a page is mostly a list of links (a table of contents or section index). */
export function isMostlyLinks(text: string): boolean {
  const body = text.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '');
  const lines = body.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#') && !/^<!--.*-->$/.test(l) && !/^\{\{.*\}\}$/.test(l));
  if (lines.length < 3) return false;
  const links = lines.filter((l) => /^(?:[-*+]|\d+\.)?\s*\*{0,2}\[[^\]]+\]\([^)]*\)\*{0,2}\s*(?:[-–—:]\s*.{0,80})?$/.test(l)).length;
  return links >= 3 && links / lines.length >= 0.7;
}

/** A table whose rows pair control IDs of two versions or standards: a mapping, not an ISMS document. */
export function hasMappingTable(text: string): boolean {
  const id = /^(?:A\.?\s?)?\d{1,2}(?:\.\d{1,2}){1,2}\b/;
  return scanMarkdown(text).tables.some((t) => {
    if (t.rows.length < 5) return false;
    const idColumns = t.header.filter((_, i) => t.rows.filter((r) => id.test(r.cells[i]?.text ?? '')).length >= t.rows.length * 0.6).length;
    return idColumns >= 2;
  });
}

/** `controlled_document: true` and the like: true, false (declared uncontrolled), or undefined (not said). */
function controlledFlag(keys: Record<string, unknown> | undefined): boolean | undefined {
  if (!keys) return undefined;
  for (const [key, value] of Object.entries(keys)) {
    if (!CONTROLLED_FLAGS.some((f) => f.test(key))) continue;
    if (value === true || /^(true|yes|ja|sim|sí|はい)$/i.test(String(value))) return true;
    if (value === false || /^(false|no|nein|não|nao|いいえ)$/i.test(String(value))) return false;
  }
  return undefined;
}

const citesClauses = (keys: Record<string, unknown> | undefined) => !!keys && Object.keys(keys).some((k) => CLAUSE_KEYS.test(k));

/** Whether a file's metadata names its type already (a site generator's `type: docs` does not). */
export function declaresType(keys: Record<string, unknown> | undefined, typeKeys: readonly string[]): boolean {
  if (!keys) return false;
  return typeKeys.some((k) => {
    const v = keys[k];
    return v !== undefined && v !== null && v !== '' && !STATIC_SITE_TYPES.has(String(v).toLowerCase());
  });
}

/**
 * Types every file. `controlledOnly`: the repository marks its controlled documents, so other files are typed
 * only by a name that says exactly which ISMS document they are.
 */
export function typeFiles(files: readonly TypingInput[]): Map<string, Typing> {
  const controlledOnly = files.filter((f) => controlledFlag(f.keys) === true).length >= 3;
  const typing = new Map(files.map((f) => [f.path, typeFile(f, controlledOnly)]));
  setTemplatesAside(files, typing);
  return typing;
}

/**
 * Templates and samples (adopt/templates.ts) are set aside when the ISMS has a document of their type that is less
 * of a template: `templates/SoA_Template.md` beside the real SoA. A type whose only documents are templates (a
 * template kit: `templates/risk-register.md` is the register to fill in) keeps them typed, marked as templates.
 */
function setTemplatesAside(files: readonly TypingInput[], typing: Map<string, Typing>): void {
  const evidence = new Map<string, TemplateEvidence | undefined>(
    files.map((f) => [f.path, typing.get(f.path)?.kind === 'typed' ? templateEvidence(f.path, titleOf(f.keys), firstHeading(f.text)) : undefined]),
  );
  const least = new Map<DocumentType, number>();
  for (const [path, t] of typing) if (t.kind === 'typed') least.set(t.type, Math.min(least.get(t.type) ?? 2, evidence.get(path)?.strength ?? 0));
  const texts = new Map(files.map((f) => [f.path, f.text]));
  for (const [path, t] of typing) {
    const e = evidence.get(path);
    if (t.kind !== 'typed' || !e) continue;
    if (e.strength > least.get(t.type)!) typing.set(path, { kind: 'template', type: t.type, because: e.because });
    else {
      // The only one of its type, but a blank form: not the ISMS's audit or minutes (the locker says none exists).
      const blank = unfilledForm(texts.get(path) ?? '');
      if (blank) typing.set(path, { kind: 'template', type: t.type, because: `${e.because}, ${blank}`, unfilled: true });
      else t.template = e.because;
    }
  }
}

/** The tooling or CI folder (`.github`, `node_modules`...) a path lies in, if any: nothing there is an ISMS document. */
export function toolingFolder(path: string): string | undefined {
  return path.split('/').slice(0, -1).find((s) => NEVER_TYPED_FOLDERS.some((re) => re.test(s)));
}

/** Controls with a status or applicability under their own headings that make a file a control register. */
const MIN_REGISTER_ENTRIES = 5;

function typeFile(file: TypingInput, controlledOnly: boolean): Typing {
  const segments = file.path.split('/');
  const folders = segments.slice(0, -1);
  const base = segments[segments.length - 1];
  const never = toolingFolder(file.path);
  if (never) return { kind: 'untyped', because: `in ${never}/` };
  if (NEVER_TYPED_FILES.test(base) || (folders.length === 0 && /^security\./i.test(base))) return { kind: 'untyped', because: 'a navigation or repository page' };
  const controlled = controlledFlag(file.keys);
  if (controlled === false) return { kind: 'untyped', because: 'declared not controlled' };

  // A control register (a heading per Annex A control, each with a status or applicability) is the SoA in all
  // but name, also when named like a control catalogue (`annex-a-controls.md`); a catalogue has no such fields.
  const register = readControlEntries(file.text);
  if (register && register.withState >= MIN_REGISTER_ENTRIES) return { kind: 'typed', type: 'soa', because: `${register.withState} controls under their own headings with a status or applicability: a control register, read as the SoA` };

  const stem = stemOf(file.path);
  const title = titleOf(file.keys);
  const heading = firstHeading(file.text);
  const names = [stem, title, heading].filter((n): n is string => !!n);
  const referenceName = names.find((n) => {
    const words = nameWords(n);
    return hasPhrase(words, REFERENCE_NAMES) || (hasPhrase(words, TEMPLATE_GUIDE_NAMES) && !!typeFromName(n)) || (hasPhrase(words, MAPPING_NAMES) && STANDARD_HINT.test(n));
  });
  if (referenceName !== undefined) return { kind: 'reference', because: `"${referenceName}" names reference material` };
  if (REFERENCE_FILE_NAMES.some((re) => re.test(stem))) return { kind: 'reference', because: `"${stem}" is the text of a standard` };
  if (isMostlyLinks(file.text)) return { kind: 'untyped', because: 'mostly a list of links' };

  // Specific names first (file name, then title, then first heading), then the folder, then policy/procedure words.
  const byName = names.map((n) => ({ n, t: typeFromName(n) })).filter((x) => x.t);
  const specific = byName.find((x) => SPECIFIC_TYPES.has(x.t!.type));
  if (specific) return { kind: 'typed', type: specific.t!.type, because: `"${specific.n}" names it` };
  if (hasMappingTable(file.text)) return { kind: 'reference', because: 'a table mapping control IDs' };
  if (controlledOnly && !controlled && !citesClauses(file.keys)) return { kind: 'untyped', because: 'not marked as a controlled document' };

  const general = byName[0];
  if (general) return { kind: 'typed', type: general.t!.type, because: `"${general.n}" names it` };
  for (let i = folders.length - 1; i >= 0; i--) {
    const type = typeFromFolder(folders[i]);
    if (type) return { kind: 'typed', type, because: `in ${folders.slice(0, i + 1).join('/')}/` };
  }
  if (controlled || citesClauses(file.keys)) return { kind: 'typed', type: 'procedure', because: controlled ? 'marked as a controlled document' : 'cites ISO/IEC 27001 clauses' };
  return { kind: 'untyped', because: 'nothing names its type' };
}

/** Pages the checker never types by path (conventions.ts): they need no entry and do not break a folder's glob. */
const SKIPPED_BY_ENGINE = /(^|\/)(readme|_?index)\.[^/]*$/i;

/**
 * The typing as configuration a user can read: `<folder>/*` for a folder whose files all have one type, the
 * exact path of each other typed file (listed first: an exact path wins over a folder glob), and the reference
 * material's paths for `exclude`.
 */
export function typeGlobsFor(typing: ReadonlyMap<string, Typing>): { typeGlobs: Record<string, string>; exclude: string[] } {
  const byFolder = new Map<string, [string, Typing][]>();
  for (const entry of typing) {
    const folder = entry[0].includes('/') ? entry[0].slice(0, entry[0].lastIndexOf('/')) : '';
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), entry]);
  }
  const exact: [string, string][] = [];
  const folderGlobs: [string, string][] = [];
  for (const [folder, entries] of [...byFolder].sort((a, b) => a[0].localeCompare(b[0]))) {
    const counted = entries.filter(([path, t]) => t.kind !== 'reference' && t.kind !== 'template' && !SKIPPED_BY_ENGINE.test(path));
    const types = new Set(counted.map(([, t]) => (t.kind === 'typed' ? t.type : '')));
    const [only] = types;
    if (folder && types.size === 1 && only && counted.length >= 2) folderGlobs.push([`${folder}/*`, only]);
    else for (const [path, t] of counted.sort((a, b) => a[0].localeCompare(b[0]))) if (t.kind === 'typed') exact.push([path, t.type]);
  }
  // A folder of nothing but reference material (or templates) is excluded as one glob (of its Markdown extension only: links to
  // its other files stay checkable).
  const exclude: string[] = [];
  for (const [folder, entries] of [...byFolder].sort((a, b) => a[0].localeCompare(b[0]))) {
    const reference = entries.filter(([, t]) => t.kind === 'reference' || t.kind === 'template').map(([path]) => path).sort();
    const extensions = new Set(reference.map((p) => /\.(md|markdown|mdx)(\.[a-z0-9]+)?$/i.exec(p)?.[0] ?? ''));
    if (folder && reference.length >= 2 && reference.length === entries.length && extensions.size === 1) exclude.push(`${folder}/*${[...extensions][0]}`);
    else exclude.push(...reference);
  }
  return { typeGlobs: Object.fromEntries([...exact, ...folderGlobs]), exclude };
}

/** What init says about its typing, one line per kind of evidence. */
export function typingNotes(typing: ReadonlyMap<string, Typing>): string[] {
  const typed = [...typing].filter(([, t]) => t.kind === 'typed');
  const reference = [...typing].filter(([, t]) => t.kind === 'reference');
  const notes: string[] = [];
  const templates = [...typing].filter(([, t]) => t.kind === 'template' && !t.unfilled);
  const blankForms = [...typing].filter(([, t]) => t.kind === 'template' && t.unfilled);
  const kept = typed.filter(([, t]) => t.kind === 'typed' && t.template);
  const left = typing.size - typed.length - reference.length - templates.length - blankForms.length;
  if (typed.length) notes.push(`${typed.length} of ${typing.size} files whose metadata names no type are typed from their file names, titles, folders or flags (typeGlobs)${left ? `; ${left} are not ISMS documents (navigation pages, tooling folders, nothing naming a type)` : ''}.`);
  if (reference.length) {
    const examples = reference.slice(0, 3).map(([path, t]) => `${path}: ${t.because}`).join('; ');
    notes.push(`${reference.length === 1 ? '1 file is reference material, not an ISMS document' : `${reference.length} files are reference material, not ISMS documents`}; proposed for exclude (${examples}${reference.length > 3 ? '; …' : ''}).`);
  }
  if (templates.length) {
    const examples = templates.slice(0, 3).map(([path, t]) => `${path}: ${t.because}`).join('; ');
    notes.push(`${templates.length === 1 ? '1 file is a template or sample' : `${templates.length} files are templates or samples`} of documents the ISMS has its own of; proposed for exclude, so that their example rows are not read as the ISMS's risks and controls (${examples}${templates.length > 3 ? '; …' : ''}).`);
  }
  for (const [path, t] of blankForms) {
    if (t.kind === 'template') notes.push(`${path} is a blank template (${t.because}) and no other ${t.type} is here: proposed for exclude; the ISMS has no ${t.type} of its own yet.`);
  }
  const keptByType = new Map<string, string[]>();
  for (const [path, t] of kept) if (t.kind === 'typed') keptByType.set(t.type, [...(keptByType.get(t.type) ?? []), path]);
  for (const [type, paths] of keptByType) {
    notes.push(`${paths.join(', ')} ${paths.length === 1 ? 'is a template or sample' : 'are templates or samples'}, but no other ${type} is here: checked as the ISMS's ${type}.`);
  }
  return notes;
}
