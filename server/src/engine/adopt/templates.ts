// Templates and samples beside the ISMS's own documents: `templates/SoA_Template.md`, a "Risk Register Template",
// `vorlagen/`. Their example rows (R-001, A.5.1) are not the ISMS's, so `isms init` proposes them for `exclude`
// when the ISMS has its own document of that type, and a duplicate ID between a template and a real document is
// not a certain error. The words are data (typeWords.ts).
import { nameWords } from './names';
import { TEMPLATE_FOLDERS, TEMPLATE_NAMES } from './typeWords';

export interface TemplateEvidence {
  /** 2: its folder or file name says so; 1: only its title or first heading does ("SoA (sample)"). */
  strength: 1 | 2;
  because: string;
}

const CJK = /[\u3040-\u30ff\u3400-\u9fff]/;
const FOLDERS = new Set(TEMPLATE_FOLDERS.map((f) => (CJK.test(f) ? f : nameWords(f))));
const NAMES = TEMPLATE_NAMES.map((w) => (CJK.test(w) ? w : nameWords(w)));

function saysTemplate(name: string): boolean {
  const words = ` ${nameWords(name)} `;
  return NAMES.some((w) => (CJK.test(w) ? words.includes(w) : words.includes(` ${w} `)));
}

/** Why a file is a template or a sample, from its folders, file name, title and first heading; undefined if it is not. */
export function templateEvidence(path: string, title?: string, heading?: string): TemplateEvidence | undefined {
  const segments = path.split('/');
  const folder = segments.slice(0, -1).find((s) => FOLDERS.has(nameWords(s)));
  if (folder) return { strength: 2, because: `in ${folder}/` };
  const stem = segments[segments.length - 1].replace(/\.[^/]*$/, '');
  if (saysTemplate(stem)) return { strength: 2, because: `"${stem}" names a template` };
  const named = [title, heading].find((n) => n && saysTemplate(n));
  return named ? { strength: 1, because: `"${named}" names a template` } : undefined;
}

/**
 * Why a template is a blank form, or undefined if it is filled in: at least three labelled list items with nothing
 * after the label (`- Date:`), no more filled ones than blank ones, and no table row with anything in it.
 */
export function unfilledForm(text: string): string | undefined {
  let blank = 0;
  let filled = 0;
  let rows = 0;
  let tableLine = 0;
  for (const line of text.split(/\r?\n/)) {
    const field = /^\s*(?:[-*+]|\d+[.)])\s+(?:\*\*)?[^:|]{1,60}?:(?:\*\*)?(.*)$/.exec(line);
    if (field) {
      if (field[1].trim() === '' || /^_{2,}$/.test(field[1].trim())) blank++;
      else filled++;
    }
    if (/^\s*\|/.test(line)) {
      tableLine++;
      // The header and the delimiter row are the form; a body row with text in a cell is filled in.
      if (tableLine > 2 && /[^|\s]/.test(line)) rows++;
    } else tableLine = 0;
  }
  return blank >= 3 && blank >= filled && rows === 0 ? `${blank} fields left blank, no table row filled in` : undefined;
}
