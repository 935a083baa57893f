// Turns file bytes into text, or into a reason the file cannot be checked. Never throws.

export type DecodeResult = { text: string } | { problem: string };

const decoder = new TextDecoder('utf-8', { fatal: true });

const BINARY = 'File holds binary data (NUL bytes), not Markdown text; it was not checked.';
/** Why a file of `bytes` bytes is not checked, when that is over the limit. */
export const tooLarge = (bytes: number, maxBytes: number) =>
  `File is ${Math.round(bytes / 1024)} KB, over the ${Math.round(maxBytes / 1024)} KB limit (maxFileSizeKb); it was not checked.`;

export function decodeText(bytes: Uint8Array, maxBytes: number): DecodeResult {
  if (bytes.byteLength > maxBytes) return { problem: tooLarge(bytes.byteLength, maxBytes) };
  const sniff = bytes.subarray(0, 8192);
  if (sniff.includes(0)) return { problem: BINARY };
  try {
    return { text: decoder.decode(bytes) };
  } catch {
    return { problem: 'File is not valid UTF-8 text; re-save it as UTF-8 so it can be checked.' };
  }
}

/** Why already-decoded text (an editor's buffer) cannot be checked, or undefined. Counts UTF-16 units as bytes. */
export function textProblem(text: string, maxBytes: number): string | undefined {
  if (text.length > maxBytes) return tooLarge(text.length, maxBytes);
  if (text.slice(0, 8192).includes('\u0000')) return BINARY;
  return undefined;
}
