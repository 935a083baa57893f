// Reads a file into one buffer reused for every file (Node only). Loading or hashing 5,000 files with
// readFileSync allocates a fresh buffer per file, tens of megabytes the process holds until the next garbage
// collection; this keeps one. The bytes returned are valid until the next call.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

let shared = Buffer.allocUnsafe(1 << 20);

/** The file's bytes, or its size when that is over `maxBytes` (then it is not read). Throws like readFileSync. */
export function readShared(path: string, maxBytes = Infinity): { bytes: Uint8Array } | { tooLarge: number } {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > maxBytes) return { tooLarge: size };
    if (shared.length < size + 1) shared = Buffer.allocUnsafe(Math.max(size + 1, shared.length * 2));
    let n = 0;
    for (;;) {
      if (n === shared.length) {
        const bigger = Buffer.allocUnsafe(shared.length * 2);
        shared.copy(bigger, 0, 0, n);
        shared = bigger;
      }
      const read = readSync(fd, shared, n, shared.length - n, null);
      if (read === 0) break;
      n += read;
      if (n > maxBytes) return { tooLarge: n };
    }
    return { bytes: shared.subarray(0, n) };
  } finally {
    closeSync(fd);
  }
}
