// The bundled example is correct except for its deliberate faults, each marked in the files with
// `deliberate fault (code)`. The checker must report exactly those: one finding per marker, in its file.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadWorkspace } from '../../server/src/engine/workspace/nodeLoader';
import { checkWorkspace } from '../../server/src/engine/check';
import { parseIsoDate } from '../../server/src/engine/util/dates';

const EXAMPLE = 'examples/acme-ai-isms';

/** `file code` for every deliberate-fault marker (or `marker`) in the example's Markdown (README.md excepted). */
export function deliberateFaults(root = EXAMPLE, marker = 'deliberate fault'): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.md') && full !== join(root, 'README.md')) {
        for (const m of readFileSync(full, 'utf8').matchAll(new RegExp(`${marker} \\(([a-z0-9-]+)\\)`, 'g'))) found.push(`${relative(root, full)} ${m[1]}`);
      }
    }
  };
  walk(root);
  return found.sort();
}

describe('the bundled example', () => {
  it('reports exactly its deliberate faults on the demo date', async () => {
    const workspace = await loadWorkspace(EXAMPLE);
    const found = checkWorkspace(workspace, { today: parseIsoDate('2026-11-21') }).map((d) => `${d.path} ${d.code}`);
    const expected = deliberateFaults();
    assert.ok(expected.length >= 5, expected.join('\n'));
    assert.deepEqual(found.sort(), expected);
  });

  it('is an ISMS worth checking: every document type, 93 SoA rows, AI risks', async () => {
    const workspace = await loadWorkspace(EXAMPLE);
    const types = new Set(workspace.ismsDocuments().map((d) => d.type));
    for (const t of ['scope', 'policy', 'procedure', 'risk-register', 'soa', 'risk-treatment-plan', 'objectives', 'audit', 'management-review', 'exception', 'record', 'supplier-register', 'asset-inventory', 'action-log']) {
      assert.ok(types.has(t as never), t);
    }
    assert.equal(new Set(workspace.soaRows().map((r) => r.controlId)).size, 93);
    const descriptions = [...workspace.risks().values()].flat().map((r) => r.description ?? '').join('\n').toLowerCase();
    for (const threat of ['weight', 'poison', 'prompt injection', 'inversion', 'membership inference', 'shadow ai']) assert.match(descriptions, new RegExp(threat));
  });
});
