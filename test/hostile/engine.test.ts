// Hostile files through the engine: a clear finding or a skip for each, ranges inside the document, and
// nothing read from outside the workspace. Mocha's timeout is the hang detector.
import { strict as assert } from 'node:assert';
import { rmSync } from 'node:fs';
import { loadWorkspace } from '../../server/src/engine/workspace/nodeLoader';
import { checkWorkspaceDetailed } from '../../server/src/engine/check';
import { parseIsoDate } from '../../server/src/engine/util/dates';
import { parseDocument } from '../../server/src/engine/parse/document';
import { HOSTILE_CASES } from './cases';
import { hostileFolder, OUTSIDE_CONTENT } from './folder';

describe('hostile files: engine', function () {
  this.timeout(30_000);
  let dir: string;
  before(() => (dir = hostileFolder()));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('checks a folder of hostile files, with the expected finding for each', async () => {
    const workspace = await loadWorkspace(dir);
    const { diagnostics } = checkWorkspaceDetailed(workspace, { today: parseIsoDate('2026-11-21') });
    for (const c of HOSTILE_CASES) {
      const codes = diagnostics.filter((d) => d.path === c.file).map((d) => d.code);
      for (const expected of new Set(c.expect)) {
        assert.equal(codes.filter((x) => x === expected).length, c.expect.filter((x) => x === expected).length, `${c.name}: ${codes.join(', ')}`);
      }
      assert.ok(!codes.includes('rule-failed'), c.name);
    }
    assert.ok(!diagnostics.some((d) => d.code === 'rule-failed'), JSON.stringify(diagnostics.filter((d) => d.code === 'rule-failed')));
    // Ranges lie inside their documents.
    for (const d of diagnostics) {
      const doc = workspace.getDocument(d.path);
      if (doc) assert.ok(d.range.end.line < doc.lineCount && d.range.start.line <= d.range.end.line, `${d.path} ${d.code} ${JSON.stringify(d.range)}`);
    }
  });

  it('never reads through symlinks that leave the workspace, nor excluded folders', async () => {
    const workspace = await loadWorkspace(dir);
    const { diagnostics } = checkWorkspaceDetailed(workspace, { today: parseIsoDate('2026-11-21') });
    const link = diagnostics.filter((d) => d.path === 'passwd-link.md');
    assert.deepEqual(link.map((d) => d.code), ['file-unreadable']);
    assert.match(link[0].message, /outside the workspace/);
    assert.ok(!workspace.markdownDocuments().some((d) => d.path.startsWith('etc-link/') || d.path.startsWith('node_modules/')));
    for (const d of diagnostics) assert.doesNotMatch(d.message, OUTSIDE_CONTENT);
  });

  it('parses each hostile text directly without throwing', () => {
    for (const c of HOSTILE_CASES) {
      const content = c.content();
      const text = typeof content === 'string' ? content : content.toString('utf8');
      const doc = parseDocument(c.file, text, { riskIdPattern: 'R-\\d+' });
      assert.ok(doc.lineCount >= 1, c.name);
    }
  });
});
