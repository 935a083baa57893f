// Placeholder text a template or a copied document leaves for someone to fill in: `{{ owner }}`, `[Company]`,
// `<owner>`, `TBD`, `TODO`, and the markers of the extension's own templates (templates/): "To be recorded",
// "To be appointed", "To be confirmed …" where a value goes, and "Describe the …" instructions in table cells. Matched in prose (code masked) and in frontmatter values, so a document that still
// reads like a template is told apart from an approved one (rule template-placeholder).

/** What a bracketed or angled placeholder names; never an HTML tag (<title>, <address>) or a task box ([x]). */
const WORDS = "company(?: name)?|organi[sz]ation(?: name)?|client(?: name)?|your [a-z][a-z' -]{1,30}|insert [^\\]>\\n]{1,40}|name|date|owner|role|department|e-?mail|phone|yyyy-mm-dd|dd/mm/yyyy";
const BRACED = /\{\{[^{}\n]{0,80}\}\}/g;
const BRACKETED = new RegExp(`\\[(?:${WORDS})\\](?![(\\[:])`, 'gi');
const ANGLED = new RegExp(`<(?:${WORDS})>`, 'gi');
/** Upper case only: "a todo list" or "tbd." in prose is not a marker. */
const SHOUTED = /\b(?:TBD|TBC|TODO|FIXME)\b/g;
/**
 * "To be recorded" where a value goes: a table cell, a line or list item, or after a bold label
 * (`**Attendees:** to be recorded`); never inside a sentence ("incidents are to be recorded in the log").
 */
const PENDING = /\bto be (?:confirmed|recorded|appointed|decided|defined|agreed|determined|completed|written|added)\b/gi;
/** What may stand before it on its line: nothing, a list or quote marker, a cell's pipe or a bold label. */
const PENDING_AFTER = /(?:^|\n)[ \t]*(?:[-*+>][ \t]+|\d+[.)][ \t]+)?$|\|[ \t]*$|:\*\*[ \t]*$|\*\*:[ \t]*$/;
/** An instruction in a table cell, as the templates' example rows hold ("Describe the risk: …"), up to the cell's end. */
const INSTRUCTION = /\bDescribe (?:the|each|your) [^|\n]*?(?=[ \t]*\|)/g;
const INSTRUCTION_AFTER = /\|[ \t]*$/;
/** What each pattern above cannot match without (a literal test, much cheaper than the pattern itself). */
const MAYBE_SHOUTED = /TB[DC]|TODO|FIXME/;
const MAYBE_PENDING = /to be /i;
const MAYBE_INSTRUCTION = /Describe /;

export interface PlaceholderMatch {
  text: string;
  start: number;
  end: number;
}

/**
 * Every placeholder of a Markdown body, by offset: `prose` is the text with code (and HTML) masked, `text` the
 * source, where `<owner>` is found (Markdown reads it as an HTML tag, so the prose has it masked) unless it sits
 * in a code span or a fenced block.
 */
export function scanPlaceholders(prose: string, text?: string): PlaceholderMatch[] {
  const out: PlaceholderMatch[] = [];
  const add = (m: RegExpMatchArray) => out.push({ text: m[0], start: m.index!, end: m.index! + m[0].length });
  const source = text ?? prose;
  // Each pattern runs only where the text holds what it must start with: most frontmatter values and many
  // paragraphs hold none, and these scans were a tenth of parsing a large workspace.
  if (prose.includes('{{')) for (const m of prose.matchAll(BRACED)) add(m);
  if (prose.includes('[')) for (const m of prose.matchAll(BRACKETED)) add(m);
  if (MAYBE_SHOUTED.test(prose)) for (const m of prose.matchAll(SHOUTED)) add(m);
  // Line starts and cell pipes are not prose (the prose has them blanked): matched in the source, kept where
  // the words themselves are prose (not code).
  for (const [re, after, maybe] of [[PENDING, PENDING_AFTER, MAYBE_PENDING], [INSTRUCTION, INSTRUCTION_AFTER, MAYBE_INSTRUCTION]] as const) {
    if (!maybe.test(source)) continue;
    for (const m of source.matchAll(re)) {
      const before = source.slice(Math.max(0, m.index! - 40), m.index);
      if (after.test(before) && prose.slice(m.index, m.index! + m[0].length) === m[0]) add(m);
    }
  }
  if (source.includes('<')) for (const m of source.matchAll(ANGLED)) if (text === undefined || !inCode(text, m.index!)) add(m);
  return out.sort((a, b) => a.start - b.start);
}

/** Whether an offset is inside a fenced code block or a code span of its line. */
function inCode(text: string, offset: number): boolean {
  let fenced = false;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  for (const line of text.slice(0, lineStart).split('\n')) if (/^ {0,3}(```|~~~)/.test(line)) fenced = !fenced;
  if (fenced) return true;
  const before = text.slice(lineStart, offset);
  return (before.match(/`/g)?.length ?? 0) % 2 === 1;
}
