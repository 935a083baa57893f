// An ISMS is often a folder inside a larger repository: opened at the repository root, each folder with its own
// .isms.yaml is an ISMS of its own, checked with its own configuration, and Markdown outside every ISMS is not
// checked once any exists.
import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadWorkspaces } from '../../server/src/engine/workspace/nodeLoader';
import { checkWorkspace } from '../../server/src/engine/check';
import { nestedRootsOf } from '../../server/src/engine/workspace/loader';
import { parseIsoDate } from '../../server/src/engine/util/dates';

const FIXTURE = join(process.cwd(), 'test', 'fixtures', 'nested-isms');
const today = parseIsoDate('2026-11-21')!;

describe('nested ISMSs (a folder with its own .isms.yaml)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'isms-nested-'));
    cpSync(FIXTURE, dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('loads each ISMS as its own workspace with its own configuration, and not the Markdown outside them', async () => {
    const loaded = await loadWorkspaces(dir);
    assert.deepEqual(loaded.map((l) => l.path).sort(), ['compliance/isms', 'teams/ai']);
    const isms = loaded.find((l) => l.path === 'compliance/isms')!;
    assert.deepEqual(isms.workspace.markdownDocuments().map((d) => d.path), ['policies/ai-policy.md']);
    const findings = checkWorkspace(isms.workspace, { today });
    // Its .isms.yaml enables ISO/IEC 42001: the 42001 control is known; the made-up Annex A one is not.
    assert.deepEqual(findings.map((d) => `${d.code} ${d.message.split(' ')[0]}`), ['control-unknown A.5.99']);
    const all = loaded.flatMap((l) => l.workspace.markdownDocuments().map((d) => d.path));
    assert.ok(!all.some((p) => /onboarding|README/.test(p)), 'Markdown outside every ISMS is not loaded');
  });

  it('a root with its own configuration keeps its files, minus those of the ISMSs nested in it', async () => {
    writeFileSync(join(dir, '.isms.yaml'), 'rules:\n  locker-missing-document: off\n');
    const loaded = await loadWorkspaces(dir);
    assert.deepEqual(loaded.map((l) => l.path).sort(), ['', 'compliance/isms', 'teams/ai']);
    const outer = loaded.find((l) => l.path === '')!;
    assert.deepEqual(outer.workspace.markdownDocuments().map((d) => d.path).sort(), ['README.md', 'docs/onboarding.md']);
  });

  it('without any .isms.yaml, the folder is one workspace as before', async () => {
    rmSync(join(dir, 'compliance/isms/.isms.yaml'));
    rmSync(join(dir, 'teams/ai/.isms.yaml'));
    const loaded = await loadWorkspaces(dir);
    assert.deepEqual(loaded.map((l) => l.path), ['']);
    assert.equal(loaded[0].workspace.markdownDocuments().length, 4);
  });

  it('finds the outermost nested roots in a flat listing (the client file system)', () => {
    assert.deepEqual(nestedRootsOf(['a.md', '.isms.yaml', 'x/.isms.yaml', 'x/y/.isms.yml', 'z/w/.isms.yaml', 'z/w.md']), ['x', 'z/w']);
  });
});
