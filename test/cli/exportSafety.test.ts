// `isms export --out` never loses a user's file: it writes only into a missing or empty folder or over an earlier
// pack whose every file its manifest.json lists, never into the ISMS, and never through a symbolic link. Each
// refusal leaves every byte on disk as it was.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { distFile } from '../support/dist';

const CLI = distFile('cli.js');
const FIXTURE = join(process.cwd(), 'test', 'fixtures', 'write-safety');

/** Every file and link below `dir` with its bytes (or its target), to compare before and after. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const abs = join(at, name);
      const stat = lstatSync(abs);
      if (stat.isSymbolicLink()) out[relative(dir, abs)] = `-> ${readlinkSync(abs)}`;
      else if (stat.isDirectory()) walk(abs);
      else out[relative(dir, abs)] = readFileSync(abs, 'base64');
    }
  };
  walk(dir);
  return out;
}

describe('isms export: the pack never replaces a user\'s file', function () {
  this.timeout(60_000);
  let base: string;
  let isms: string;
  const exportTo = (out: string) => spawnSync(process.execPath, [CLI, 'export', isms, '--out', out, '--format', 'html', '--today', '2026-11-21'], { encoding: 'utf8', timeout: 30_000 });
  /** Exports to `out` expecting a refusal that matches `reason`, with nothing on disk changed. */
  const refused = (out: string, reason: RegExp) => {
    const before = snapshot(base);
    const r = exportTo(out);
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stdout, reason);
    assert.deepEqual(snapshot(base), before, 'nothing on disk changed');
  };

  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'isms-export-safety-'));
    isms = join(base, 'isms');
    cpSync(FIXTURE, isms, { recursive: true });
    // An evidence folder named like a pack's, which the old export emptied when --out was the ISMS folder.
    mkdirSync(join(isms, 'files'));
    writeFileSync(join(isms, 'files', 'badge-audit.pdf'), '%PDF-1.4 the only copy');
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  it('refuses the ISMS folder itself, a folder holding it, and a document folder in it', () => {
    refused(isms, /is the ISMS folder itself/);
    refused(base, /is a folder holding the ISMS/);
    refused(join(isms, 'policies'), /is not empty and holds no earlier audit pack/);
    refused(join(isms, 'files'), /is not empty and holds no earlier audit pack/);
  });

  it('refuses a folder of the user\'s, even one with a "files" folder like a pack\'s', () => {
    const mine = join(base, 'mine');
    mkdirSync(join(mine, 'files'), { recursive: true });
    writeFileSync(join(mine, 'files', 'notes.txt'), 'keep me');
    writeFileSync(join(mine, 'index.html'), '<title>my page</title>');
    refused(mine, /is not empty and holds no earlier audit pack \(no manifest\.json of one\)/);
    refused(join(mine, 'files', 'notes.txt'), /is a file; the pack needs a folder/);
  });

  it('replaces its own earlier pack, and only its files: a stale one goes, a user\'s added file stops it', () => {
    const pack = join(base, 'pack');
    writeFileSync(join(isms, 'policies', 'backup.md'), readFileSync(join(isms, 'policies', 'backup.md'), 'utf8') + '\nEvidence: [restore test](../files/badge-audit.pdf).\n');
    assert.equal(exportTo(pack).status, 0);
    assert.ok(existsSync(join(pack, 'files', 'files', 'badge-audit.pdf')));
    // The link goes; the next pack must not keep the stale copy.
    writeFileSync(join(isms, 'policies', 'backup.md'), readFileSync(join(FIXTURE, 'policies', 'backup.md'), 'utf8'));
    const again = exportTo(pack);
    assert.equal(again.status, 0, again.stdout + again.stderr);
    assert.deepEqual(readdirSync(pack).sort(), ['index.html', 'manifest.json']);
    const verified = spawnSync(process.execPath, [CLI, 'export', '--verify', pack], { encoding: 'utf8' });
    assert.equal(verified.status, 0, verified.stdout);
    // A file the user put into the pack folder is not the pack's to remove.
    writeFileSync(join(pack, 'auditor-notes.txt'), 'mine');
    refused(pack, /holds an earlier audit pack, but also files its manifest\.json does not list \(auditor-notes\.txt\)/);
  });

  it('never writes through a symbolic link that leads out of the pack folder', () => {
    const outside = join(base, 'outside');
    mkdirSync(outside);
    writeFileSync(join(outside, 'index.html'), 'not the pack\'s');
    const pack = join(base, 'pack');
    mkdirSync(pack);
    symlinkSync(outside, join(pack, 'files'));
    refused(pack, /files is a symbolic link; a pack is never written through one/);
    // Also when the link poses as an earlier pack's file.
    rmSync(join(pack, 'files'));
    assert.equal(exportTo(pack).status, 0);
    rmSync(join(pack, 'index.html'));
    symlinkSync(join(outside, 'index.html'), join(pack, 'index.html'));
    refused(pack, /index\.html is a symbolic link/);
    assert.equal(readFileSync(join(outside, 'index.html'), 'utf8'), 'not the pack\'s');
  });

  it('writes into a missing or empty folder, inside the ISMS too, without touching its documents', () => {
    const before = snapshot(isms);
    const r = exportTo(join(isms, 'audit-pack'));
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const after = snapshot(isms);
    for (const [path, bytes] of Object.entries(before)) assert.equal(after[path], bytes, path);
    mkdirSync(join(base, 'empty'));
    assert.equal(exportTo(join(base, 'empty')).status, 0);
  });
});
