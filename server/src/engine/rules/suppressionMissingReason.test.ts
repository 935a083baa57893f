import { strict as assert } from 'node:assert';
import { check, policy } from '../testing/fixtures';
import { checkWorkspaceDetailed } from '../check';
import { workspaceOf } from '../testing/fixtures';
import { parseIsoDate } from '../util/dates';

const code = 'suppression-missing-reason';

describe('suppressions', () => {
  const legacy = (before: string, after = '') => policy({}, `${before}\nPatch per A.12.6.1.\n${after}`);

  it('hides the next line\'s finding for the named code, keeping it for review', () => {
    const files = { 'p.md': legacy('<!-- isms-disable-next-line control-legacy-id -- quoting the 2013 audit report verbatim -->') };
    assert.deepEqual(check(files, { code: 'control-legacy-id' }), []);
    const result = checkWorkspaceDetailed(workspaceOf(files), { today: parseIsoDate('2026-11-21') });
    assert.equal(result.suppressed.length, 1);
    assert.equal(result.suppressed[0].suppression.reason, 'quoting the 2013 audit report verbatim');
    assert.equal(result.suppressed[0].diagnostic.code, 'control-legacy-id');
  });

  it('does not hide other codes or other lines', () => {
    assert.equal(check({ 'p.md': legacy('<!-- isms-disable-next-line link-broken -- x -->') }, { code: 'control-legacy-id' }).length, 1);
    assert.equal(check({ 'p.md': legacy('<!-- isms-disable-next-line control-legacy-id -- x -->\nAnother line.') }, { code: 'control-legacy-id' }).length, 1);
  });

  it('hides findings between isms-disable and isms-enable', () => {
    const body = '<!-- isms-disable control-legacy-id -- legacy appendix -->\nA.12.6.1 and A.9.2.1\n<!-- isms-enable control-legacy-id -->\nA.12.1.2\n';
    const found = check({ 'p.md': policy({}, body) }, { code: 'control-legacy-id' });
    assert.deepEqual(found.map((d) => d.message.split(' ')[0]), ['A.12.1.2']);
  });

  it('hides every rule when no code is named, and supports a file-level frontmatter entry', () => {
    assert.deepEqual(check({ 'p.md': legacy('<!-- isms-disable-next-line -- transcript -->') }, { code: 'control-legacy-id' }), []);
    const file = policy({ 'isms-disable': ['control-legacy-id -- archived 2013-era procedure kept for reference'] }, 'A.12.6.1\n');
    assert.deepEqual(check({ 'p.md': file }, { code: 'control-legacy-id' }), []);
  });

  it('ignores directives inside code', () => {
    assert.equal(check({ 'p.md': legacy('```\n<!-- isms-disable-next-line control-legacy-id -- x -->\n```') }, { code: 'control-legacy-id' }).length, 1);
  });
});

describe(code, () => {
  it('reports a suppression without a reason, which still suppresses', () => {
    const files = { 'p.md': policy({}, '<!-- isms-disable-next-line control-legacy-id -->\nA.12.6.1\n') };
    assert.equal(check(files, { code }).length, 1);
    assert.deepEqual(check(files, { code: 'control-legacy-id' }), []);
  });

  it('is silent when a reason is given, and on enable comments', () => {
    assert.deepEqual(check({ 'p.md': policy({}, '<!-- isms-disable link-broken -- moved -->\n<!-- isms-enable link-broken -->\n') }, { code }), []);
  });
});
