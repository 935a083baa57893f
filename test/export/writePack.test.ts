// The engine's writeAuditPack with its Node sink on a temporary folder (Node only, so not in the engine's browser suite).
// A cancelled or failed export leaves nothing half-written: the folder is as the export found it (empty, or
// emptied of an earlier pack), so the next export into it is not refused as a folder of someone's files, and the
// language server, which lives on, keeps no descriptor open.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { md, policy, TEST_TODAY, workspaceOf } from '../../server/src/engine/testing/fixtures';
import { parseIsoDate } from '../../server/src/engine/util/dates';
import { memoryPackSink } from '../../server/src/engine/export/memoryPack';
import { nodePackSink } from '../../server/src/engine/export/nodePack';
import type { ExportFormat, PackSink } from '../../server/src/engine/export/types';
import { PackCancelled, writeAuditPack, type WritePackInput } from '../../server/src/engine/export/writePack';

const files: Record<string, string> = {
  'scope.md': md({ type: 'scope', id: 'SCOPE-001', title: 'Scope', owner: 'CISO' }, '# Scope\n'),
  'policies/access.md': policy({ id: 'POL-001' }, '# Access\n\nReviews: [Q1](../evidence/q1.pdf), [Q2](../evidence/q2.pdf).\n'),
  'evidence/q1.pdf': '%PDF',
  'evidence/q2.pdf': '%PDF',
  'policies/crypto.md': policy({ id: 'POL-002', title: 'Cryptography Policy' }),
  'procedures/backup.md': md({ type: 'procedure', id: 'PRO-001', title: 'Backup', owner: 'SRE' }, '# Backup\n'),
};
const workspace = workspaceOf(files);
/** Stand-ins for the PDF and Excel renderers (their own bundle): a few bytes per file. */
const renderers = { pdf: async () => new TextEncoder().encode('%PDF-1.7 test'), workbook: async () => new Uint8Array([0x50, 0x4b]) };

function input(sink: PackSink, formats: ExportFormat[], overrides: Partial<WritePackInput> = {}): WritePackInput {
  return {
    workspace,
    name: 'test',
    textOf: async (path) => files[path],
    bytesOf: async () => undefined,
    sink,
    formats: new Set(formats),
    loadRenderers: async () => renderers,
    today: parseIsoDate(TEST_TODAY)!,
    generatedAt: new Date(0),
    toolVersion: 'test',
    ...overrides,
  };
}

const openDescriptors = () => readdirSync('/proc/self/fd').length;

describe('export: a cancelled or failed pack is removed', () => {
  let dir: string;
  let pack: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'isms-write-pack-'));
    pack = join(dir, 'pack');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the whole pack when nothing goes wrong', async () => {
    const written = await writeAuditPack(input(nodePackSink(pack), ['html', 'pdf', 'xlsx']));
    assert.equal(written.documents, 4);
    assert.ok(readdirSync(pack).includes('manifest.json'));
    assert.ok(readdirSync(join(pack, '2-policies')).length === 2);
  });

  it('cancelled while index.html is open: no file, no folder, no descriptor left', async () => {
    const before = openDescriptors();
    let steps = 0;
    await assert.rejects(writeAuditPack(input(nodePackSink(pack), ['html', 'pdf'], { cancelled: () => ++steps > 2 })), PackCancelled);
    assert.deepEqual(readdirSync(pack), []);
    assert.equal(openDescriptors(), before);
  });

  it('cancelled among the PDFs: their clause-area folders go too', async () => {
    let steps = 0;
    // 4 documents in index.html, then the PDFs: stop after two of them.
    await assert.rejects(writeAuditPack(input(nodePackSink(pack), ['html', 'pdf'], { cancelled: () => ++steps > 6 })), PackCancelled);
    assert.deepEqual(readdirSync(pack), []);
  });

  it('failed (a renderer throws): the error is kept, the files go, and the next export into the folder works', async () => {
    let made = 0;
    const failing = { ...renderers, pdf: async () => (++made === 3 ? Promise.reject(new Error('font missing')) : renderers.pdf()) };
    await assert.rejects(writeAuditPack(input(nodePackSink(pack), ['html', 'pdf'], { loadRenderers: async () => failing })), /font missing/);
    assert.deepEqual(readdirSync(pack), []);
    const written = await writeAuditPack(input(nodePackSink(pack), ['html']));
    assert.equal(written.manifest.files.length, 1);
  });

  it('leaves alone what was in the folder before (the export only removes its own files)', async () => {
    mkdirSync(join(pack, '2-policies'), { recursive: true });
    writeFileSync(join(pack, '2-policies', 'kept.txt'), 'not the export\'s');
    await assert.rejects(writeAuditPack(input(nodePackSink(pack), ['pdf'], { cancelled: () => true })), PackCancelled);
    await assert.rejects(writeAuditPack(input(nodePackSink(pack), ['html', 'pdf'], { textOf: async (path) => (path === 'procedures/backup.md' ? Promise.reject(new Error('unreadable')) : files[path]) })), /unreadable/);
    assert.deepEqual(readdirSync(pack, { recursive: true }).map(String).sort(), ['2-policies', '2-policies/kept.txt']);
  });

  it('in memory (the browser build): nothing is handed back', async () => {
    const sink = memoryPackSink();
    let steps = 0;
    // index.html's 4 documents, then the first evidence copy; cancelled before the second.
    await assert.rejects(writeAuditPack(input(sink, ['html'], { cancelled: () => ++steps > 5, bytesOf: async () => new Uint8Array([1]) })), PackCancelled);
    assert.deepEqual(sink.files, []);
    assert.deepEqual(await sink.written(), []);
  });
});
