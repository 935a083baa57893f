// Turns file bytes into text, or into a reason the file cannot be checked. Never throws.

export type DecodeResult = { text: string } | { problem: string };

const decoder = new TextDecoder('utf-8', { fatal: true });

export function decodeText(bytes: Uint8Array, maxBytes: number): DecodeResult {
  if (bytes.byteLength > maxBytes) {
    return { problem: `File is ${Math.round(bytes.byteLength / 1024)} KB, over the ${Math.round(maxBytes / 1024)} KB limit (maxFileSizeKb); it was not checked.` };
  }
  const sniff = bytes.subarray(0, 8192);
  if (sniff.includes(0)) return { problem: 'File holds binary data (NUL bytes), not Markdown text; it was not checked.' };
  try {
    return { text: decoder.decode(bytes) };
  } catch {
    return { problem: 'File is not valid UTF-8 text; re-save it as UTF-8 so it can be checked.' };
  }
}
