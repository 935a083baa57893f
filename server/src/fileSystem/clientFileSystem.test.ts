// The client-backed file system (browser build, virtual workspaces) must load a folder exactly as the Node walk
// does: same files, same exclusions, same findings for unreadable, binary and oversized files. The "client" here
// answers isms/fs/* from the disk, listing every file (it may ignore `exclude`: the server filters again).
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { URI } from 'vscode-uri';
import { ClientFileSystem, type SendFileRequest } from './clientFileSystem';
import { nodeFileSystem } from './nodeFileSystem';
import type { RootLocation, WorkspaceFileSystem } from './workspaceFileSystem';
import { checkWorkspace } from '../engine/check';
import { parseIsoDate } from '../engine/util/dates';
import { folderWith } from '../../../test/support/folders';
import type { IsmsWorkspace } from '../engine/workspace/workspace';

const today = parseIsoDate('2026-11-21')!;

function allFiles(dir: string, rel = ''): string[] {
  return readdirSync(join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const path = rel ? `${rel}/${e.name}` : e.name;
    return e.isDirectory() ? allFiles(dir, path) : [path];
  });
}

/** A client that answers from the disk, counting requests. */
function diskClient() {
  const calls: string[] = [];
  const send: SendFileRequest = async (method, params) => {
    calls.push(method);
    if (method === 'isms/fs/findFiles') {
      const base = (params as { baseUri: string }).baseUri;
      return { uris: allFiles(URI.parse(base).fsPath).map((rel) => pathToFileURL(join(URI.parse(base).fsPath, rel)).toString()) } as never;
    }
    const { uris, maxBytes } = params as { uris: string[]; maxBytes: number };
    return {
      files: uris.map((uri) => {
        try {
          const path = URI.parse(uri).fsPath;
          const size = statSync(path).size;
          return size > maxBytes ? { tooLarge: size } : { base64: readFileSync(path).toString('base64') };
        } catch (e) {
          return { error: (e as NodeJS.ErrnoException).code ?? 'error' };
        }
      }),
    } as never;
  };
  return { send, calls };
}

async function load(fs: WorkspaceFileSystem, root: RootLocation): Promise<IsmsWorkspace> {
  const scanned = await fs.scanFolder(root, {});
  await fs.readMarkdownFiles(root, scanned, {});
  return scanned.workspace;
}

/** What a check sees of a workspace. */
function picture(ws: IsmsWorkspace) {
  return {
    config: ws.config,
    configPath: ws.configPath,
    files: [...ws.filePaths()].sort(),
    documents: ws.markdownDocuments().map((d) => d.path).sort(),
    problems: ws.fileProblems().map((d) => `${d.path} ${d.message}`).sort(),
    findings: checkWorkspace(ws, { today }).map((d) => `${d.path}:${d.range.start.line} ${d.code} ${d.message}`).sort(),
  };
}

const rootOf = (dir: string): RootLocation => ({ uri: pathToFileURL(dir).toString(), fsPath: dir });

describe('client-backed workspace file system', () => {
  it('loads the example ISMS exactly as the Node walk does', async () => {
    const dir = join(process.cwd(), 'examples', 'acme-ai-isms');
    const client = diskClient();
    const viaClient = picture(await load(new ClientFileSystem(client.send, () => undefined), rootOf(dir)));
    assert.deepEqual(viaClient, picture(await load(nodeFileSystem, rootOf(dir))));
    assert.ok(viaClient.findings.length > 0 && viaClient.documents.length > 40);
    // One listing, one batch per 100 Markdown files, and the configuration file(s) looked up.
    assert.equal(client.calls.filter((c) => c === 'isms/fs/findFiles').length, 1);
    assert.ok(client.calls.length < 6, client.calls.join(', '));
  });

  it('applies exclude, the size limit and the binary and UTF-8 checks as the Node walk does', async () => {
    const dir = folderWith({
      '.isms.yaml': 'exclude: ["**/node_modules/**", "drafts/**", "**/*.tmp.md"]\nmaxFileSizeKb: 1\n',
      'policy.md': '---\ntype: policy\nid: POL-001\ntitle: P\n---\n# P\n\nSee [x](evidence/report.pdf) and [d](drafts/a.md).\n',
      'evidence/report.pdf': '%PDF',
      'node_modules/pkg/readme.md': '# not ours\n',
      'sub/node_modules/pkg/readme.md': '# not ours either\n',
      'drafts/a.md': '# draft\n',
      'notes/scratch.tmp.md': '# scratch\n',
      'big.md': `# big\n\n${'x'.repeat(2000)}\n`,
      'binary.md': Buffer.from([0x23, 0x20, 0x00, 0x01]),
      'latin1.md': Buffer.from([0x23, 0x20, 0xe9, 0x0a]),
    });
    const viaClient = picture(await load(new ClientFileSystem(diskClient().send, () => undefined), rootOf(dir)));
    const viaNode = picture(await load(nodeFileSystem, rootOf(dir)));
    assert.deepEqual(viaClient, viaNode);
    assert.deepEqual(viaClient.files, ['.isms.yaml', 'big.md', 'binary.md', 'evidence/report.pdf', 'latin1.md', 'policy.md']);
    assert.equal(viaClient.problems.length, 3, viaClient.problems.join('\n'));
  });

  it('turns a failed or malformed answer into findings and a log line, never a crash', async () => {
    const dir = folderWith({ 'a.md': '# A\n', 'b.md': '# B\n', 'c.md': '# C\n' });
    const logged: string[] = [];
    const listing = { uris: ['a.md', 'b.md', 'c.md', 'elsewhere.md'].map((f) => pathToFileURL(join(f === 'elsewhere.md' ? '/tmp' : dir, f)).toString()).concat([42 as never]) };
    const send: SendFileRequest = async (method) =>
      (method === 'isms/fs/findFiles' ? listing : { files: [{ base64: '!!!' }, { error: 'EACCES' }] }) as never;
    const ws = await load(new ClientFileSystem(send, (m) => logged.push(m)), rootOf(dir));
    assert.deepEqual([...ws.filePaths()].sort(), ['a.md', 'b.md', 'c.md']);
    assert.deepEqual(ws.fileProblems().map((d) => `${d.path}: ${d.message}`).sort(), [
      'a.md: File could not be read (the editor sent malformed base64).',
      'b.md: File could not be read (EACCES).',
      'c.md: File could not be read (no answer from the editor).',
    ]);

    const failing: SendFileRequest = async () => {
      throw new Error('Unhandled method isms/fs/findFiles');
    };
    const empty = await load(new ClientFileSystem(failing, (m) => logged.push(m)), rootOf(dir));
    assert.equal(empty.fileCount(), 0);
    assert.match(logged.join('\n'), /could not list the files of file:.*: Unhandled method isms\/fs\/findFiles/);
  });

  it('maps URIs of any scheme to workspace paths and back', () => {
    const fs = new ClientFileSystem(async () => ({}) as never, () => undefined);
    const root = { uri: 'vscode-vfs://github/acme/isms', fsPath: '/acme/isms' };
    assert.equal(fs.relative(root, 'vscode-vfs://github/acme/isms/policies/a%20b.md'), 'policies/a b.md');
    assert.equal(fs.uriOf(root, 'policies/a b.md'), 'vscode-vfs://github/acme/isms/policies/a%20b.md');
    for (const outside of ['vscode-vfs://github/acme/isms', 'vscode-vfs://github/acme/isms-other/a.md', 'vscode-vfs://gitlab/acme/isms/a.md', 'file:///acme/isms/a.md', 'vscode-vfs://github/acme/isms/../x.md']) {
      assert.equal(fs.relative(root, outside), undefined, outside);
    }
    assert.equal(fs.folderOf('vscode-vfs://github/acme/isms/a.md'), undefined);
  });
});
