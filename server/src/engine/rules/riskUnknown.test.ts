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

  it('resolves risks written as a heading with bullet or bold fields, and a file per risk', () => {
    const headings = md(
      { type: 'risk-register', id: 'RR-1', title: 'Risks', owner: 'CISO' },
      '# Risks\n\n## R-001 Phishing\n\n- **Owner:** CTO\n- Likelihood: 3\n\n## R-002: Laptop theft\n\n**Impact**: 2\n**Controls**: 8.1, A.7.9\n',
    );
    const file = md({ type: 'risk', title: 'Ransomware', owner: 'CISO' }, '# Ransomware\n\n- Owner: CISO\n- Likelihood: 2\n');
    const files = { 'r.md': headings, 'risks/R-003.md': file, 'p.md': policy({ risks: ['R-001', 'R-002', 'R-003'] }, 'R-004\n') };
    assert.deepEqual(check(files, { code }).map((d) => d.message.split(' ')[1]), ['R-004']);
  });

  it('does not take a heading that only mentions a risk for its definition', () => {
    const text = md({ type: 'risk-register', id: 'RR-1', title: 'Risks', owner: 'CISO' }, '# Risks\n\n## Notes on R-007\n\nNothing yet.\n');
    assert.deepEqual(check({ 'r.md': text, 'p.md': policy({ risks: ['R-007'] }) }, { code }).map((d) => `${d.path} ${d.message.split(' ')[1]}`), ['p.md R-007', 'r.md R-007']);
  });
});
