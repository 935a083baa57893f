import { strict as assert } from 'node:assert';
import { check, md } from '../testing/fixtures';

const code = 'scope-soa-version-mismatch';
const soa = (version: string) => md({ type: 'soa', id: 'SOA-001', title: 'SoA', owner: 'CISO', version, last_reviewed: '2026-10-01' }, '# SoA\n');
const scope = (body: string, extra: Record<string, unknown> = {}) =>
  md({ type: 'scope', id: 'SCOPE-1', title: 'Scope', owner: 'CISO', last_reviewed: '2026-10-01', ...extra }, `# Scope\n\n${body}\n`);

describe(code, () => {
  it('reports a citation of an older SoA version, where it is written', () => {
    const found = check({ 'scope.md': scope('The ISMS applies in accordance with the Statement of Applicability version 2.1 (SOA-001).'), 'soa.md': soa('3.0') }, { code });
    assert.equal(found.length, 1);
    assert.match(found[0].message, /version 2\.1.*SOA-001.*version 3\.0/);
    assert.equal(found[0].range.start.line, 9);
    assert.equal(found[0].data?.actual, '3.0');
  });

  it('reads `soa_version:` and short forms (SoA v2)', () => {
    const found = check({ 'scope.md': scope('Controls per the SoA v2.', { soa_version: '2.1' }), 'soa.md': soa('2.1') }, { code });
    assert.deepEqual(found.map((d) => d.data?.cited), ['2']);
  });

  it('is silent when the versions agree (2.1 and v2.1.0), when no version is cited, or the SoA has none', () => {
    assert.deepEqual(check({ 'scope.md': scope('Per the Statement of Applicability, version v2.1.0.'), 'soa.md': soa('2.1') }, { code }), []);
    assert.deepEqual(check({ 'scope.md': scope('Per the current Statement of Applicability (SOA-001).'), 'soa.md': soa('2.1') }, { code }), []);
    assert.deepEqual(check({ 'scope.md': scope('Per the Statement of Applicability version 1.0.'), 'soa.md': md({ type: 'soa', id: 'SOA-001', title: 'SoA', owner: 'x' }, '') }, { code }), []);
  });

  it('reads other languages', () => {
    const found = check({ 'scope.md': scope('Gemäß der Erklärung zur Anwendbarkeit Version 1.4.'), 'soa.md': soa('2.0') }, { code });
    assert.equal(found.length, 1);
  });
});
