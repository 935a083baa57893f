// VS Code's own Markdown language service (vscode-markdown-languageservice, what VS Code's Markdown server runs),
// driven as a library the way VS Code feeds it: markdown-it as the parser, a workspace that reads the folder's
// files, and link diagnostics computed for every Markdown document. Run in a fresh process per measurement:
//
//   node bench/mdService.mjs DIR   → prints "cold done", then one JSON line: { coldMs, warmMs, documents, diagnostics, peakRssMb }
//
// cold: every document's diagnostics computed (files read from disk, every document parsed); coldMs counts from
// creating the service, and bench/run.mjs times from spawning the process to the "cold done" line, as it does for
// the language server. warm: a second full pass in the same process (the service's caches are warm).
import { promises as fs, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import MarkdownIt from 'markdown-it';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { CancellationTokenSource } from 'vscode-languageserver-protocol';
import { createLanguageService, githubSlugifier, DiagnosticLevel } from 'vscode-markdown-languageservice';

const noEvent = () => ({ dispose() {} });

/** An IWorkspace over a folder on disk; documents are read once and kept, as VS Code's server caches them. */
class FolderWorkspace {
  constructor(root) {
    this.root = URI.file(root);
    this.docs = new Map();
    this.onDidChangeMarkdownDocument = noEvent;
    this.onDidCreateMarkdownDocument = noEvent;
    this.onDidDeleteMarkdownDocument = noEvent;
  }

  get workspaceFolders() {
    return [this.root];
  }

  async getAllMarkdownDocuments() {
    const found = [];
    const walk = async (dir) => {
      for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
        const full = join(dir, entry.name);
        if (entry.isDirectory()) await walk(full);
        else if (entry.name.endsWith('.md')) found.push(full);
      }
    };
    await walk(this.root.fsPath);
    const docs = [];
    for (const file of found) {
      const doc = await this.openMarkdownDocument(URI.file(file));
      if (doc) docs.push(doc);
    }
    return docs;
  }

  hasMarkdownDocument(resource) {
    return this.docs.has(resource.toString());
  }

  async openMarkdownDocument(resource) {
    const key = resource.toString();
    const cached = this.docs.get(key);
    if (cached) return cached;
    if (!resource.fsPath.endsWith('.md')) return undefined;
    try {
      const text = await fs.readFile(resource.fsPath, 'utf8');
      const doc = TextDocument.create(key, 'markdown', 1, text);
      this.docs.set(key, doc);
      return doc;
    } catch {
      return undefined;
    }
  }

  async stat(resource) {
    if (this.docs.has(resource.toString())) return { isDirectory: false };
    try {
      const s = await fs.stat(resource.fsPath);
      return { isDirectory: s.isDirectory() };
    } catch {
      return undefined;
    }
  }

  async readDirectory(resource) {
    const entries = await fs.readdir(resource.fsPath, { withFileTypes: true });
    return entries.map((e) => [e.name, { isDirectory: e.isDirectory() }]);
  }
}

const OPTIONS = {
  validateReferences: DiagnosticLevel.warning,
  validateFragmentLinks: DiagnosticLevel.warning,
  validateFileLinks: DiagnosticLevel.warning,
  validateMarkdownFileLinkFragments: DiagnosticLevel.warning,
  validateUnusedLinkDefinitions: DiagnosticLevel.warning,
  validateDuplicateLinkDefinitions: DiagnosticLevel.warning,
  ignoreLinks: [],
};

function peakRssMb() {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : Math.round(process.resourceUsage().maxRSS / 1024);
}

async function pass(service, workspace, token) {
  let diagnostics = 0;
  const docs = [...(await workspace.getAllMarkdownDocuments())];
  for (const doc of docs) diagnostics += (await service.computeDiagnostics(doc, OPTIONS, token)).length;
  return { documents: docs.length, diagnostics };
}

async function main() {
  const dir = resolve(process.argv[2]);
  const md = MarkdownIt({ html: true });
  const started = performance.now();
  const workspace = new FolderWorkspace(dir);
  const parser = { slugifier: githubSlugifier, tokenize: async (doc) => md.parse(doc.getText(), {}) };
  const service = createLanguageService({ workspace, parser, logger: { level: 0, log() {} } });
  const token = new CancellationTokenSource().token;
  const cold = await pass(service, workspace, token);
  const coldMs = performance.now() - started;
  process.stdout.write('cold done\n'); // the parent times the cold pass from spawning this process to this line
  const warmStart = performance.now();
  const warm = await pass(service, workspace, token);
  const warmMs = performance.now() - warmStart;
  if (warm.diagnostics !== cold.diagnostics) throw new Error('warm pass disagrees with cold pass');
  process.stdout.write(JSON.stringify({ coldMs: Math.round(coldMs), warmMs: Math.round(warmMs), documents: cold.documents, diagnostics: cold.diagnostics, peakRssMb: peakRssMb() }) + '\n');
  service.dispose();
}

void main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e) + '\n');
  process.exitCode = 1;
});
