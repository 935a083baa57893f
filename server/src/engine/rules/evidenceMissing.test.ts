import { strict as assert } from 'node:assert';
import { check, md, policy } from '../testing/fixtures';
import { fullSoaRows, soaDoc } from './auditFixtures';

const code = 'evidence-missing';

describe(code, () => {
  it('reports links and evidence entries to missing non-Markdown files', () => {
    const found = check({ 'a.md': policy({ evidence: ['records/pentest-2026.pdf', 'records/here.pdf'] }, '![shot](img/mfa.png)\n'), 'records/here.pdf': '' }, { code });
    assert.deepEqual(found.map((d) => d.data?.target).sort(), ['img/mfa.png', 'records/pentest-2026.pdf']);
  });

  it('is silent when the evidence exists', () => {
    assert.deepEqual(check({ 'a.md': policy({}, '[report](r.pdf)\n'), 'r.pdf': '' }, { code }), []);
  });

  describe('SoA Status and Evidence columns', () => {
    const soa = (change: Parameters<typeof fullSoaRows>[0]) => ({ 'soa.md': soaDoc(fullSoaRows(change)), 'p.md': policy() });

    it('reports an implemented control whose Evidence cell points at nothing', () => {
      const found = check(soa((r) => (r.control === 'A.8.8' ? { ...r, evidence: '—' } : r.control === 'A.8.9' ? { ...r, evidence: 'see the wiki' } : r)), { code });
      assert.deepEqual(found.map((d) => d.data?.controlId), ['A.8.8', 'A.8.9']);
      assert.match(found[0].message, /A\.8\.8 is marked "implemented" but its Evidence cell points at nothing/);
      assert.equal(found[0].severity, 'warning');
      // Evidence named in words is a hint to link it, never "points at nothing".
      assert.match(found[1].message, /A\.8\.9's evidence is described in words \("see the wiki"\), not linked/);
      assert.equal(found[1].severity, 'hint');
    });

    it('counts a described Evidence cell as evidence when another column names the implementing document', () => {
      const header = '| Control | Applicable | Justification | Status | Implementing document | Evidence |\n|---|---|---|---|---|---|\n';
      const rows = (doc: string) => fullSoaRows().map((r) => `| ${r.control} | yes | R-001 | implemented | ${doc} | Quarterly access review minutes |`).join('\n');
      const text = (doc: string) => md({ type: 'soa', id: 'SOA-001', title: 'SoA', owner: 'CISO' }, header + rows(doc) + '\n');
      assert.deepEqual(check({ 'soa.md': text('Access control policy'), 'p.md': policy() }, { code }), []);
      assert.equal(check({ 'soa.md': text(''), 'p.md': policy() }, { code }).every((d) => d.severity === 'hint'), true);
    });

    it('accepts links, paths, URLs and document IDs as evidence', () => {
      const evidence: Record<string, string> = { 'A.8.1': 'records/mdm-export.pdf', 'A.8.2': 'https://wiki.example/pam', 'A.8.3': 'POL-001 §4', 'A.8.4': '[POL-001](p.md)' };
      const found = check(soa((r) => (evidence[r.control] ? { ...r, evidence: evidence[r.control] } : r)), { code });
      assert.deepEqual(found, []);
    });

    it('is silent for partial, planned, not implemented and excluded controls, and without an Evidence column', () => {
      const statuses: Record<string, Partial<{ status: string; applicable: string }>> = {
        'A.8.1': { status: 'partially implemented' },
        'A.8.2': { status: 'planned' },
        'A.8.3': { status: 'not implemented' },
        'A.8.4': { status: 'excluded', applicable: 'no' },
      };
      assert.deepEqual(check(soa((r) => (statuses[r.control] ? { ...r, ...statuses[r.control], evidence: '' } : r)), { code }), []);
      assert.deepEqual(check({ 'soa.md': soaDoc(fullSoaRows(), ['control', 'applicable', 'justification', 'status']) }, { code }), []);
    });
  });
});
