// ISMSs written the way people write them (fixtures under test/fixtures/real-shapes/, written for these tests):
// the checker reports exactly the findings marked `expected finding (code)` in their files, and nothing else.
import { strict as assert } from 'node:assert';
import { loadWorkspace } from '../../server/src/engine/workspace/nodeLoader';
import { checkWorkspace } from '../../server/src/engine/check';
import { parseIsoDate } from '../../server/src/engine/util/dates';
import { deliberateFaults } from './example.test';

const ROOT = 'test/fixtures/real-shapes';

describe('real-world shapes', () => {
  it('control references in every notation, other standards, a German scope, a Portuguese SoA and a register of headings', async () => {
    const dir = `${ROOT}/refs-and-registers`;
    const workspace = await loadWorkspace(dir);
    const findings = checkWorkspace(workspace, { today: parseIsoDate('2026-11-21') });
    const expected = deliberateFaults(dir, 'expected finding');
    assert.ok(expected.length >= 6, expected.join('\n'));
    assert.deepEqual(findings.map((d) => `${d.path} ${d.code}`).sort(), expected, findings.map((d) => `${d.path}:${d.range.start.line + 1} ${d.code} ${d.message}`).join('\n'));
    const byCode = (code: string) => findings.find((d) => d.code === code)!;
    assert.match(byCode('control-unknown').message, /^A\.5\.39 /);
    assert.match(byCode('control-legacy-id').message, /A\.7\.1 is an ISO\/IEC 27001:2013 ID \("Prior to employment"/);
    assert.equal(byCode('evidence-missing').severity, 'hint');
    assert.match(byCode('duplicate-id').message, /Risk R-003 \("Supplier insolvency"\) is also defined at risks\/register\.md:\d+ \("Loss of the booking database"\)/);
    assert.equal(byCode('scope-missing-section').data?.section, 'interfaces');
  });

  it('reads the register of headings like table rows: fields, controls for the SoA, one risk per ID', async () => {
    const workspace = await loadWorkspace(`${ROOT}/refs-and-registers`);
    const risks = workspace.risks();
    assert.deepEqual([...risks.keys()].sort(), ['R-001', 'R-002', 'R-003', 'R-004']);
    const r1 = risks.get('R-001')!;
    assert.equal(r1.length, 1, 'the view and the treatment table are the same risk');
    assert.deepEqual([r1[0].owner, r1[0].likelihood, r1[0].impact, r1[0].treatment], ['CISO', 4, 4, 'modify']);
    assert.deepEqual(r1[0].controls.map((c) => c.id), ['A.5.15', 'A.6.3', 'A.8.5']);
    assert.deepEqual(risks.get('R-002')![0].controls.map((c) => c.id), ['A.7.9', 'A.8.1']);
    assert.deepEqual(risks.get('R-004')![0].controls.map((c) => c.id), ['A.8.7', 'A.8.13']);
    assert.equal(risks.get('R-004')![0].likelihood, 3);
    assert.equal(workspace.soaRows().length, 93);
    const policy = workspace.ismsDocuments().find((d) => d.id === 'POL-001')!;
    const ids = new Set(policy.references.filter((r) => r.kind === 'control').map((r) => r.id));
    for (const id of ['A.5.15', 'A.5.16', 'A.5.17', 'A.5.18', 'A.8.2', 'A.8.3', 'A.8.4', 'A.8.5', 'A.8.15', 'A.8.16', 'A.8.17', 'A.8.18', 'A.8.19']) assert.ok(ids.has(id), id);
  });
});
