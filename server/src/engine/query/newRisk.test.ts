import { strict as assert } from 'node:assert';
import { applied, check, md, workspaceOf } from '../testing/fixtures';
import { registerDoc } from '../rules/auditFixtures';
import { appendRiskRow, knownOwners, riskRegisterTargets } from './newRisk';

/** A register whose columns are in an order of its own, with a 4-point likelihood scale. */
const OWN_ORDER = md(
  { type: 'risk-register', id: 'RR-002', title: 'Supplier risks', owner: 'Head of Procurement', likelihood_scale: '1-4', impact_scale: 5 },
  '# Supplier risks\n\n| Ref | Impact | Likelihood | Owner | Risk | Rating | Decision | Notes |\n|---|---|---|---|---|---|---|---|\n| R-07 | 3 | 2 | Head of Procurement | Supplier outage | 6 | share | insured |\n\nAfter the table.\n',
);

async function append(files: Record<string, string>, path: string, values: Parameters<typeof appendRiskRow>[2]) {
  const workspace = workspaceOf(files);
  const result = await appendRiskRow(workspace, path, values, async (p) => files[p]);
  assert.ok(result, 'a row is appended');
  assert.equal(result.edit.path, path);
  return { ...result, text: applied(files[path], result.edit.edits) };
}

describe('New Risk: a row appended to a register', () => {
  it('writes the values in the register\'s own column order, with the next free ID and the score', async () => {
    const { id, line, text } = await append({ 'risk/suppliers.md': OWN_ORDER }, 'risk/suppliers.md', { description: 'Supplier | loses data', owner: 'CFO', likelihood: 3, impact: 4, treatment: 'modify' });
    assert.equal(id, 'R-08');
    const lines = text.split('\n');
    assert.equal(lines[line], '| R-08 | 4 | 3 | CFO | Supplier \\| loses data | 12 | modify | |');
    assert.equal(lines[line + 1], '', 'the blank line after the table stays');
    const after = { 'risk/suppliers.md': text };
    const risk = workspaceOf(after).risks().get('R-08')?.[0];
    assert.equal(risk?.owner, 'CFO');
    assert.equal(risk?.likelihood, 3);
    assert.equal(risk?.impact, 4);
    assert.equal(risk?.score, 12);
    assert.deepEqual(check(after).filter((d) => d.code.startsWith('risk-')).map((d) => d.code), []);
  });

  it('leaves what was not given empty (no score either), and the checker asks for it', async () => {
    const register = md(
      { type: 'risk-register', id: 'RR-001', title: 'Risk register', owner: 'CISO' },
      '# Risks\n\n| ID | Risk | Owner | Likelihood | Impact | Score | Treatment | Controls | Accepted by | Status |\n|---|---|---|---|---|---|---|---|---|---|\n| R-001 | Phishing | CISO | 2 | 3 | 6 | modify | A.8.24 | — | open |\n| R-004 | Outage | CISO | 1 | 3 | 3 | retain | | CEO | open |\n',
    );
    const { id, line, text } = await append({ 'risk/register.md': register }, 'risk/register.md', { description: 'Laptop theft', likelihood: 2 });
    assert.equal(id, 'R-005');
    assert.equal(text.split('\n')[line], '| R-005 | Laptop theft | | 2 | | | | | | |');
    const found = check({ 'risk/register.md': text }, { code: 'risk-field-missing' });
    assert.equal(found.length, 1, found.map((d) => d.message).join('\n'));
    assert.equal(found[0].range.start.line, line);
    assert.match(found[0].message, /Risk R-005 has no owner, impact or treatment decision\./);
    assert.deepEqual(check({ 'risk/register.md': text }, { code: 'risk-score-mismatch' }), []);
  });

  it('keeps the register\'s CRLF line breaks', async () => {
    const crlf = OWN_ORDER.replace(/\n/g, '\r\n');
    const { text } = await append({ 'r.md': crlf }, 'r.md', { description: 'Fire' });
    assert.doesNotMatch(text.replace(/\r\n/g, ''), /\n/, 'no bare line feed');
    assert.match(text, /\| R-07 [^\r\n]*\|\r\n\| R-08 \| \| \| \| Fire \| \| \| \|\r\n\r\nAfter the table\./);
  });

  it('skips an ID taken elsewhere in the ISMS', async () => {
    const other = md({ type: 'risk', id: 'R-08', title: 'Taken', owner: 'CFO', likelihood: 1, impact: 1, treatment: 'retain' }, '# Taken\n');
    const { id } = await append({ 'r.md': OWN_ORDER, 'risk/r-08.md': other }, 'r.md', { description: 'Next' });
    assert.equal(id, 'R-09');
  });

  it('is refused for a document without a risk table', async () => {
    const workspace = workspaceOf({ 'p.md': md({ type: 'policy', id: 'POL-001', title: 'P', owner: 'CISO' }, '# P\n') });
    assert.equal(await appendRiskRow(workspace, 'p.md', { description: 'x' }, async () => ''), undefined);
  });
});

describe('New Risk: what it offers', () => {
  it('the registers, each with its next ID, columns and scales', () => {
    const targets = riskRegisterTargets(workspaceOf({ 'risk/suppliers.md': OWN_ORDER, 'risk/register.md': registerDoc([{ id: 'R-001' }]) }));
    assert.deepEqual(
      targets.map((t) => [t.path, t.nextId, t.likelihoodScale, t.impactScale, t.risks, t.columns.join(',')]),
      [
        ['risk/register.md', 'R-002', 5, 5, 1, 'ID,Owner,Likelihood,Impact,Score,Treatment,Controls,Accepted by'],
        ['risk/suppliers.md', 'R-08', 4, 5, 1, 'Ref,Impact,Likelihood,Owner,Risk,Rating,Decision,Notes'],
      ],
    );
  });

  it('the owners the ISMS names, risk owners first, without placeholders or blanks', () => {
    const register = registerDoc([{ id: 'R-001', owner: 'Head of IT' }, { id: 'R-002', owner: 'Head of IT' }, { id: 'R-003', owner: 'TBD' }, { id: 'R-004', owner: '—' }]);
    const policyDoc = md({ type: 'policy', id: 'POL-001', title: 'P', owner: 'Chief Executive Officer' }, '# P\n');
    const placeholder = md({ type: 'policy', id: 'POL-002', title: 'Q', owner: '<owner>' }, '# Q\n');
    assert.deepEqual(knownOwners(workspaceOf({ 'r.md': register, 'p.md': policyDoc, 'q.md': placeholder })), ['Head of IT', 'Chief Executive Officer', 'CISO']);
  });
});
