// A pack held in memory, for a server that cannot write the pack's folder itself (the browser build, folders not
// on disk): the client writes these files with the editor's file system.
import type { PackManifest, PackSink } from './types';

export type MemoryPackFile = { path: string; text: string } | { path: string; base64: string };

const hex = (buffer: ArrayBuffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function memoryPackSink(): PackSink & { files: MemoryPackFile[] } {
  const files: MemoryPackFile[] = [];
  const data = new Map<string, Uint8Array>();
  return {
    files,
    async write(path, content) {
      files.push(typeof content === 'string' ? { path, text: content } : { path, base64: base64(content) });
      if (path !== 'manifest.json') data.set(path, typeof content === 'string' ? new TextEncoder().encode(content) : content);
    },
    async open(path) {
      const chunks: string[] = [];
      return {
        write: async (chunk) => void chunks.push(chunk),
        end: async () => this.write(path, chunks.join('')),
      };
    },
    async discard() {
      files.length = 0;
      data.clear();
    },
    async written(): Promise<PackManifest['files']> {
      const out: PackManifest['files'] = [];
      for (const [path, bytes] of data) out.push({ path, bytes: bytes.byteLength, sha256: hex(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)) });
      return out;
    },
  };
}
