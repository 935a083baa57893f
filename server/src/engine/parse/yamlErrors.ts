// The YAML parser's errors in words a security lead can act on, for the common slips in frontmatter: a `: ` inside
// an unquoted value, a tab for indentation, a quote never closed, a list item on its key's line. Each points at
// the offending character and, where the repair is certain, carries the replacement text for a quick fix.

export interface ExplainedYamlError {
  /** Offsets in the frontmatter content. */
  start: number;
  end: number;
  message: string;
  /** A replacement that repairs the line (quick fix "Quote the value", ...): offsets in the content. */
  fix?: { title: string; start: number; end: number; newText: string };
}

const FIELD = /^([ \t]*)([^\s:#][^:#]*?):[ \t]+(.*?)[ \t]*$/;

const lineAt = (content: string, offset: number) => {
  const start = content.lastIndexOf('\n', offset - 1) + 1;
  const nl = content.indexOf('\n', offset);
  const end = nl < 0 ? content.length : nl;
  return { start, end, text: content.slice(start, end).replace(/\r$/, '') };
};

const quoted = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** Undefined when the error is none of the common cases (the parser's own message is used then). */
export function explainYamlError(code: string, message: string, pos: number, content: string): ExplainedYamlError | undefined {
  const line = lineAt(content, Math.min(pos, content.length));
  // A tab after `key:` is no indentation: the parser says so only when the value then reads as a nested field
  // (`title:<tab>Intake: parcels`), which is the ": " case below. Replacing "the indent" there would delete the key.
  const tabAfterKey = code === 'TAB_AS_INDENT' && line.text.indexOf('\t') >= /^[ \t]*/.exec(line.text)![0].length;
  if (!tabAfterKey && (code === 'TAB_AS_INDENT' || (code === 'BAD_INDENT' && /^\t/.test(line.text)))) {
    const tab = line.text.indexOf('\t');
    if (tab < 0) return undefined;
    let tabs = tab;
    while (line.text[tabs] === '\t') tabs++;
    // Spaces as deep as the line above, one level deeper when that line opens a block (`controls:`).
    const above = content.slice(0, line.start).split('\n').reverse().find((l) => l.trim() !== '') ?? '';
    const depth = /^ */.exec(above)![0].length + (/:\s*$/.test(above) ? 2 : 0);
    return {
      start: line.start + tab,
      end: line.start + tabs,
      message: 'A tab indents this line, and YAML allows only spaces for indentation. Replace the tab with spaces.',
      fix: { title: 'Replace the tab with spaces', start: line.start, end: line.start + tabs, newText: ' '.repeat(depth) },
    };
  }
  const field = FIELD.exec(line.text);
  if (!field) return undefined;
  const [, indent, key, value] = field;
  const valueStart = line.start + line.text.indexOf(value, indent.length + key.length + 1);
  if ((code === 'BLOCK_AS_IMPLICIT_KEY' || code === 'MULTILINE_IMPLICIT_KEY' || tabAfterKey) && /:( |$)/.test(value) && !/^["']/.test(value)) {
    const colon = valueStart + value.search(/:( |$)/);
    return {
      start: colon,
      end: colon + 1,
      message: `The value of \`${key}\` contains ": ", which YAML reads as the start of another field. Put the whole value in quotes: ${key}: ${quoted(value)}`,
      fix: { title: `Quote the value of ${key}`, start: valueStart, end: valueStart + value.length, newText: quoted(value) },
    };
  }
  if (code === 'MISSING_CHAR' && /quote/i.test(message)) {
    // The error is reported where the text ends; the quote was opened on the first line whose value starts with one.
    for (let at = line.start; at >= 0; ) {
      const candidate = lineAt(content, at);
      const f = FIELD.exec(candidate.text);
      const q = f?.[3][0];
      if (f && (q === '"' || q === "'") && !new RegExp(`^${q}.*${q}$`).test(f[3])) {
        const open = candidate.start + candidate.text.indexOf(f[3], f[1].length + f[2].length + 1);
        return {
          start: open,
          end: open + 1,
          message: `The ${q === '"' ? 'double' : 'single'} quote that opens the value of \`${f[2]}\` is never closed, so YAML reads the rest of the frontmatter as part of it. Add the closing ${q} at the end of the value.`,
          fix: { title: `Close the quote of ${f[2]}`, start: open + f[3].length, end: open + f[3].length, newText: q },
        };
      }
      if (candidate.start === 0) break;
      at = candidate.start - 1;
    }
    return undefined;
  }
  if (code === 'UNEXPECTED_TOKEN' && /block-seq-ind/.test(message) && /^- /.test(value)) {
    const dash = valueStart;
    const item = value.slice(2).trim();
    return {
      start: dash,
      end: dash + 1,
      message: `A list item ("- ") stands on the same line as \`${key}\`. Write the value alone (${key}: ${item}), or put each item on its own line below the key, indented with spaces.`,
      fix: { title: `Write ${key}: ${item}`, start: valueStart, end: valueStart + value.length, newText: item },
    };
  }
  return undefined;
}

/**
 * Values YAML cuts short without an error: ` #` starts a comment, so `owner: #security-team` is empty and
 * `title: Incident #3 review` is "Incident". A `#` followed by a space reads as a comment someone meant
 * (`next_review: 2027-01-31 # yearly`) and is left alone; `#` straight before text is taken for part of the value.
 */
export function findSwallowedValues(content: string): ExplainedYamlError[] {
  const found: ExplainedYamlError[] = [];
  let start = 0;
  for (const raw of content.split('\n')) {
    const lineStart = start;
    start += raw.length + 1;
    const text = raw.replace(/\r$/, '');
    const field = /^([ \t]*)([^\s:#'"-][^:#]*?):([ \t]+)(.*?)[ \t]*$/.exec(text);
    if (!field) continue;
    const [, indent, key, gap, value] = field;
    if (/^["'|>[{&*!]/.test(value)) continue;
    const hash = /(?:^|[ \t])#(?=[^\s#])/.exec(value);
    if (!hash) continue;
    const at = hash.index + (hash[0].length - 1);
    const kept = value.slice(0, at).trim();
    const valueStart = lineStart + indent.length + key.length + 1 + gap.length;
    found.push({
      start: valueStart + at,
      end: valueStart + value.length,
      message: `YAML reads everything from "#" on as a comment, so \`${key.trim()}\` is ${kept ? `"${kept}"` : 'empty'}. If "${value.slice(at)}" belongs to the value, put the whole value in quotes: ${key.trim()}: ${quoted(value)}`,
      fix: { title: `Quote the value of ${key.trim()}`, start: valueStart, end: valueStart + value.length, newText: quoted(value) },
    });
  }
  return found;
}
