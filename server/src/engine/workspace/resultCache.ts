// An on-disk cache of a folder's findings, keyed by a hash of everything a check depends on: the engine build,
// the configuration, "today", every Markdown file's content and every other file's path. A restarted server on an
// unchanged folder publishes the cached findings at once, then builds its index in the background and checks
// that it agrees. Node only (the language server); the cache folder is versioned and safe to delete.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import type { Diagnostic } from '../model';
import type { ScannedFolder } from './nodeLoader';
import { readShared } from './readShared';

/** Bump when the file format changes; old caches are then ignored (and left for the user to delete). */
const FORMAT = 'isms-results-v2';

/** Size, modification time and SHA-1 of a Markdown file when it was hashed. */
type FileRecord = [size: number, mtimeMs: number, sha1: string];

export interface CachedResults {
  key: string;
  /** When the findings were stored (ms since epoch). */
  writtenAt: number;
  /** The Markdown files hashed for the key, so the next start hashes only files whose size or time changed. */
  files: Record<string, FileRecord>;
  /** Findings by workspace-relative path ("." for the workspace), as published. */
  findings: Record<string, Diagnostic[]>;
}

export interface FolderKey {
  key: string;
  files: Record<string, FileRecord>;
}

export class ResultCache {
  constructor(
    /** The folder the editor gave the server for its storage (created when needed). */
    private readonly dir: string,
    /** Identifies the engine build, so a new version never trusts an old one's findings. */
    private readonly engineId: string,
  ) {}

  /**
   * The key of a walked folder: a hash of every Markdown file's content (and every other file's path). Like git's
   * index, a file whose size and modification time equal those recorded when the cache was written (and older than
   * the cache) keeps its recorded hash; others are read and hashed, in slices that yield to the event loop.
   * `today` and the configuration are part of the key, so a new day or a changed setting misses.
   */
  async key(rootPath: string, scanned: ScannedFolder, today: number): Promise<FolderKey> {
    const previous = this.read(rootPath);
    this.lastRead = { rootPath, data: previous };
    const hash = createHash('sha1');
    hash.update(`${FORMAT}\n${this.engineId}\n${today}\n${JSON.stringify(scanned.workspace.config)}\n`);
    hash.update(JSON.stringify(scanned.workspace.configDiagnostics));
    hash.update(JSON.stringify(scanned.workspace.fileProblems()));
    for (const path of [...scanned.workspace.filePaths()].sort()) hash.update(`f ${path}\n`);
    const markdown = [...scanned.markdown].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const files: Record<string, FileRecord> = {};
    let next = 0;
    while (next < markdown.length) {
      const sliceEnd = Date.now() + 20;
      do {
        const [rel, abs] = markdown[next++];
        files[rel] = record(abs, previous?.files[rel], previous?.writtenAt ?? 0);
        hash.update(`m ${rel} ${files[rel][2]}\n`);
      } while (next < markdown.length && Date.now() < sliceEnd);
      if (next < markdown.length) await new Promise((resolve) => setImmediate(resolve));
    }
    return { key: hash.digest('hex'), files };
  }

  private file(rootPath: string): string {
    const name = createHash('sha1').update(rootPath).digest('hex').slice(0, 16);
    return nodePath.join(this.dir, FORMAT, `${name}.json`);
  }

  private read(rootPath: string): CachedResults | undefined {
    try {
      const data = JSON.parse(readFileSync(this.file(rootPath), 'utf8')) as unknown;
      return isCachedResults(data) ? data : undefined;
    } catch {
      return undefined;
    }
  }

  /** The cached findings of a folder, if they were stored under this key. Never throws. */
  load(rootPath: string, key: string): CachedResults | undefined {
    const data = this.lastRead?.rootPath === rootPath ? this.lastRead.data : this.read(rootPath);
    this.lastRead = undefined;
    return data?.key === key ? data : undefined;
  }

  /** What key() read, for the load() that follows it. */
  private lastRead: { rootPath: string; data: CachedResults | undefined } | undefined;

  /** Stores a folder's findings (written to a temporary file, then renamed, so a reader never sees half a file). Never throws. */
  save(rootPath: string, results: Omit<CachedResults, 'writtenAt'>): void {
    const file = this.file(rootPath);
    const temporary = temporaryName(file);
    try {
      mkdirSync(nodePath.dirname(file), { recursive: true });
      writeFileSync(temporary, JSON.stringify({ ...results, writtenAt: Date.now() }));
      renameSync(temporary, file);
    } catch {
      // A read-only or full disk only costs the next start its head start.
      try {
        unlinkSync(temporary);
      } catch {
        // never written
      }
    }
  }
}

let writes = 0;
/**
 * A temporary name no other writer uses: two windows on one folder share the cache file, and servers in two
 * containers can have the same process ID, hence the random part as well as the process ID and a counter.
 */
export function temporaryName(file: string): string {
  return `${file}.${process.pid}.${++writes}.${randomBytes(4).toString('hex')}.tmp`;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether parsed JSON has this format's shape: a cache file of another shape (or version) is ignored and rebuilt. */
function isCachedResults(data: unknown): data is CachedResults {
  if (!isRecord(data) || typeof data.key !== 'string' || typeof data.writtenAt !== 'number' || !isRecord(data.files) || !isRecord(data.findings)) return false;
  const files = Object.values(data.files).every((r) => Array.isArray(r) && r.length === 3 && typeof r[0] === 'number' && typeof r[1] === 'number' && typeof r[2] === 'string');
  const findings = Object.values(data.findings).every((list) => Array.isArray(list) && list.every((d) => isRecord(d) && typeof d.message === 'string' && isRecord(d.range)));
  return files && findings;
}

/** A file's record: the previous one when size and time match and the file is older than the cache, else hashed. */
function record(abs: string, previous: FileRecord | undefined, writtenAt: number): FileRecord {
  try {
    const stat = statSync(abs);
    // A file changed within two seconds of the cache being written could have kept its size and time: hash it.
    if (previous && previous[0] === stat.size && previous[1] === stat.mtimeMs && stat.mtimeMs < writtenAt - 2000) return previous;
    const read = readShared(abs);
    return [stat.size, stat.mtimeMs, createHash('sha1').update('bytes' in read ? read.bytes : '').digest('hex')];
  } catch (e) {
    return [-1, 0, `unreadable ${(e as NodeJS.ErrnoException).code}`];
  }
}
