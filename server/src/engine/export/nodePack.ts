// The pack on disk (Node only, like nodeLoader.ts): a PackSink writing below a folder and hashing every byte as
// it goes, the check that a folder may take a pack (preparePackFolder), and `isms export --verify`, which
// recomputes the hashes against manifest.json.
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, promises as fs, writeSync } from 'node:fs';
import * as nodePath from 'node:path';
import { earlierPack, foldersOf, type PackEntry, type PackManifest, type PackSink, type PackStream } from './types';

export function nodePackSink(dir: string): PackSink {
  const files: PackManifest['files'] = [];
  /** Every file this sink created, and the descriptors still open (for discard). */
  const made: string[] = [];
  const open = new Set<number>();
  const close = (fd: number) => {
    if (open.delete(fd)) closeSync(fd);
  };
  const target = (path: string) => nodePath.join(dir, ...path.split('/'));
  return {
    async write(path, data) {
      const file = target(path);
      await fs.mkdir(nodePath.dirname(file), { recursive: true });
      made.push(path);
      await fs.writeFile(file, data);
      const bytes = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
      if (path !== 'manifest.json') files.push({ path, bytes, sha256: createHash('sha256').update(data).digest('hex') });
    },
    async open(path): Promise<PackStream> {
      const file = target(path);
      await fs.mkdir(nodePath.dirname(file), { recursive: true });
      // Each chunk goes to the disk (its page cache) before the next document is rendered, synchronously: a
      // chunk left waiting in a stream's buffer outlived two scavenges, was promoted, and its encoded bytes stayed
      // allocated outside the heap until the next full collection (index.html is 124 MB at 5,000 documents).
      made.push(path);
      const fd = openSync(file, 'w');
      open.add(fd);
      const hash = createHash('sha256');
      let bytes = 0;
      return {
        write: async (text) => {
          // Encoded once for the hash, the count and the disk.
          const chunk = Buffer.from(text);
          hash.update(chunk);
          bytes += chunk.length;
          try {
            for (let at = 0; at < chunk.length; ) at += writeSync(fd, chunk, at);
          } catch (e) {
            // A full disk or a lost folder: the file is given up (the language server lives on; no descriptor left open).
            close(fd);
            throw e;
          }
        },
        end: async () => {
          close(fd);
          files.push({ path, bytes, sha256: hash.digest('hex') });
        },
      };
    },
    written: async () => [...files],
    async discard() {
      for (const fd of [...open]) close(fd);
      const paths = made.splice(0);
      files.length = 0;
      for (const path of paths) await fs.rm(target(path), { force: true });
      // Deepest first; a folder that holds anything else stays.
      for (const folder of foldersOf(paths)) await fs.rmdir(target(folder)).catch(() => undefined);
    },
  };
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(nodePath.join(dir, entry.name), rel)));
    else out.push(rel);
  }
  return out;
}

export interface VerifyResult {
  manifest?: PackManifest;
  /** What does not match: "changed: x", "missing: x", "not in the manifest: x", or why there is no manifest. */
  problems: string[];
  checked: number;
}

/** Recomputes every file's SHA-256 and compares it with manifest.json; extra and missing files count too. */
export async function verifyPack(dir: string): Promise<VerifyResult> {
  let manifest: PackManifest;
  try {
    manifest = JSON.parse(await fs.readFile(nodePath.join(dir, 'manifest.json'), 'utf8')) as PackManifest;
    if (!Array.isArray(manifest.files)) throw new Error('it lists no files');
  } catch (e) {
    return { problems: [`${nodePath.join(dir, 'manifest.json')} cannot be read: ${e instanceof Error ? e.message : String(e)}`], checked: 0 };
  }
  const problems: string[] = [];
  const listed = new Set<string>();
  for (const f of manifest.files) {
    listed.add(f.path);
    const file = nodePath.join(dir, ...String(f.path).split('/'));
    let actual: string;
    try {
      actual = await sha256Of(file);
    } catch {
      problems.push(`missing: ${f.path}`);
      continue;
    }
    if (actual !== f.sha256) problems.push(`changed: ${f.path} (SHA-256 ${actual}, manifest says ${f.sha256})`);
  }
  for (const path of await listFiles(dir)) if (path !== 'manifest.json' && !listed.has(path)) problems.push(`not in the manifest: ${path}`);
  return { manifest, problems, checked: manifest.files.length };
}

/** A path as the disk resolves it: the nearest existing ancestor's real path, then the segments not created yet. */
async function realPath(path: string): Promise<string> {
  const absolute = nodePath.resolve(path);
  const real = await fs.realpath(absolute).catch(() => undefined);
  if (real !== undefined) return real;
  const parent = nodePath.dirname(absolute);
  return parent === absolute ? absolute : nodePath.join(await realPath(parent), nodePath.basename(absolute));
}

const within = (path: string, folder: string) => path === folder || path.startsWith(folder.endsWith(nodePath.sep) ? folder : folder + nodePath.sep);

/** Every entry below `dir` (files, symbolic links; folders by their contents), as pack paths. */
async function listEntries(dir: string, prefix = ''): Promise<PackEntry[]> {
  const out: PackEntry[] = [];
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isSymbolicLink()) out.push({ path: rel, link: true });
    else if (entry.isDirectory()) out.push(...(await listEntries(nodePath.join(dir, entry.name), rel)));
    else out.push({ path: rel, link: false });
  }
  return out;
}

/**
 * Makes `dir` ready for a new pack of the ISMS in `ismsRoot`, or says why it may not take one, changing nothing
 * then. The folder must be missing, empty, or an earlier pack: every file in it listed by its manifest.json (one
 * this tool wrote), so only the pack's own files are ever removed, never a user's. It must not be (or hold) the
 * ISMS itself, and no symbolic link in it may lead the pack's writes elsewhere on the disk.
 */
export async function preparePackFolder(dir: string, ismsRoot: string): Promise<string | undefined> {
  const target = await realPath(dir);
  const root = await realPath(ismsRoot);
  if (within(root, target)) return `${dir} is ${target === root ? 'the ISMS folder itself' : 'a folder holding the ISMS'}; the pack would be written among its documents. Choose a folder outside it, or a new one.`;
  let stat;
  try {
    stat = await fs.stat(target);
  } catch {
    return undefined; // created by the pack
  }
  if (!stat.isDirectory()) return `${dir} is a file; the pack needs a folder.`;
  const entries = await listEntries(target);
  if (entries.length === 0) return undefined;
  const manifest = await fs.readFile(nodePath.join(target, 'manifest.json'), 'utf8').catch(() => undefined);
  const earlier = earlierPack(dir, entries, manifest);
  if ('refused' in earlier) return earlier.refused;
  // Only the earlier pack's own files go, then the folders they leave empty; the manifest last.
  for (const path of earlier.remove) {
    if (path === 'manifest.json') for (const folder of foldersOf(earlier.remove)) await fs.rmdir(nodePath.join(target, ...folder.split('/'))).catch(() => undefined);
    await fs.rm(nodePath.join(target, ...path.split('/')));
  }
  return undefined;
}
