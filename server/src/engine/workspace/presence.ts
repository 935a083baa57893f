// Whether a folder holds an ISMS, judged cheaply from a few files' text: the editor decides at start-up whether to
// run the checker at all (a plain README repository stays quiet) and whether to offer "Initialise Workspace"
// (Markdown that reads like an ISMS written without this tool's `type` fields). Pure text tests, no parsing, so
// the client can bundle them without the engine.
import { DOCUMENT_TYPES } from '../model';

export { CONFIG_FILE_NAMES } from '../config/fileNames';

const FRONTMATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const TYPE_LINE = new RegExp(`^type[ \\t]*:[ \\t]*["']?(?:${DOCUMENT_TYPES.join('|')})["']?[ \\t]*(?:#.*)?$`, 'im');

/** True when the text starts with YAML frontmatter whose `type` is an ISMS document type (`type: policy`). */
export function declaresIsmsType(text: string): boolean {
  const frontmatter = FRONTMATTER.exec(text);
  return frontmatter !== null && TYPE_LINE.test(frontmatter[1]);
}

/** File names of the documents every ISMS has: policies, the scope, the SoA, risk registers. */
const ISMS_NAME = /(^|[/\\_\-. ])(polic(y|ies)|scope|soa|statement[-_ ]of[-_ ]applicability|risks?([-_ ]register)?|risk[-_ ]treatment|isms|iso[-_ ]?27001)([/\\_\-. ]|$)/i;
/** Text only an ISMS (or a document about one) has: the standard, its Annex A, control and clause references. */
const ISMS_TEXT = /ISO\s*\/?\s*(IEC\s*)?27001|\bAnnex\s+A\b|Statement\s+of\s+Applicability|\bA\.(5|6|7|8)\.\d{1,2}\b/i;

/** Why a Markdown file looks like part of an ISMS (its name, its text), or undefined. */
export function ismsSignal(path: string, text: string): 'name' | 'text' | undefined {
  if (ISMS_TEXT.test(text)) return 'text';
  if (ISMS_NAME.test(path)) return 'name';
  return undefined;
}

/**
 * What a folder's Markdown says about it, from the signals of its files: `isms` once a document declares an ISMS
 * type; `candidate` when its text names the standard or its controls, or two file names are an ISMS's documents;
 * else `none`.
 */
export function judgePresence(signals: readonly { typed: boolean; signal: 'name' | 'text' | undefined }[]): 'isms' | 'candidate' | 'none' {
  if (signals.some((s) => s.typed)) return 'isms';
  if (signals.some((s) => s.signal === 'text')) return 'candidate';
  return signals.filter((s) => s.signal === 'name').length >= 2 ? 'candidate' : 'none';
}
