import { strict as assert } from 'node:assert';
import { check, md, policy } from '../testing/fixtures';

const code = 'risk-unknown';
const register = md({ type: 'risk-register', id: 'RR-1', title: 'Risks', owner: 'CISO' }, '| ID | Risk | Owner |\n|---|---|---|\n| R-001 | Phishing | CTO |\n');

describe(code, () => {
  it('reports risk IDs that no register defines', () => {
    const found = check({ 'r.md': register, 'p.md': policy({ risks: ['R-001', 'R-009'] }, 'Mitigates R-002.\n') }, { code });
    assert.deepEqual(found.map((d) => d.message.split(' ')[1]), ['R-009', 'R-002']);
  });

  it('accepts risks from registers and from risk documents', () => {
    const risk = md({ type: 'risk', id: 'R-002', title: 'Prompt injection', owner: 'ML lead' });
    assert.deepEqual(check({ 'r.md': register, 'risk.md': risk, 'p.md': policy({ risks: ['R-001'] }, 'R-002\n') }, { code }), []);
  });

  it('follows a configured risk ID pattern', () => {
    const files = { 'p.md': policy({}, 'RISK-12 and R-5\n') };
    assert.deepEqual(check(files, { code, config: { riskIdPattern: 'RISK-\\d+' } }).map((d) => d.message.split(' ')[1]), ['RISK-12']);
  });
});
