import { strict as assert } from 'node:assert';
import { addCycle, formatIsoDate, parseCycle, parseIsoDate, parseIsoDateTime } from '../../server/src/engine/util/dates';
import { GlobSet, globToRegExp } from '../../server/src/engine/util/glob';
import { posix } from '../../server/src/engine/util/posixPath';
import { decodeText } from '../../server/src/engine/workspace/textFile';

describe('dates', () => {
  it('accepts real calendar dates only', () => {
    assert.equal(formatIsoDate(parseIsoDate('2024-02-29')!), '2024-02-29');
    for (const bad of ['2026-02-30', '2025-02-29', '2026-13-01', '26-01-01', '2026-1-1', 20260101, null]) assert.equal(parseIsoDate(bad), undefined, String(bad));
  });

  it('reads date-times with and without zones', () => {
    assert.equal(parseIsoDateTime('2026-11-19T02:40:00Z'), Date.UTC(2026, 10, 19, 2, 40));
    assert.equal(parseIsoDateTime('2026-11-19T02:40:00+01:00'), Date.UTC(2026, 10, 19, 1, 40));
    assert.equal(parseIsoDateTime('2026-11-19 02:40'), Date.UTC(2026, 10, 19, 2, 40));
    assert.equal(parseIsoDateTime('2026-11-19T25:00:00Z'), undefined);
  });

  it('adds cycles, clamping month ends', () => {
    const add = (d: string, c: string) => formatIsoDate(addCycle(parseIsoDate(d)!, parseCycle(c)!));
    assert.equal(add('2026-01-31', 'monthly'), '2026-02-28');
    assert.equal(add('2026-08-21', 'quarterly'), '2026-11-21');
    assert.equal(add('2026-03-01', 'P90D'), '2026-05-30');
    assert.equal(add('2024-02-29', 'P1Y'), '2025-02-28');
    assert.equal(parseCycle('P'), undefined);
    assert.equal(parseCycle('P0D'), undefined);
    assert.equal(parseCycle('P1Y2D'), undefined);
  });
});

describe('globs and paths', () => {
  it('matches exclude globs', () => {
    const set = new GlobSet(['**/node_modules/**', 'drafts/*.md', '**/*.{tmp,bak}']);
    assert.ok(set.matches('a/node_modules/x/y.md'));
    assert.ok(set.matches('node_modules/y.md'));
    assert.ok(set.matches('drafts/a.md') && !set.matches('drafts/sub/a.md'));
    assert.ok(set.matches('x/y.bak') && !set.matches('x/y.md'));
    assert.ok(set.excludesFolder('node_modules') && !set.excludesFolder('drafts'));
    assert.ok(globToRegExp('a?c').test('abc'));
  });

  it('normalises POSIX paths', () => {
    assert.equal(posix.join('policies', '../records/./x.md'), 'records/x.md');
    assert.equal(posix.normalize('../../etc/passwd'), '../../etc/passwd');
    assert.equal(posix.relative('a/b', 'a/c/d.md'), '../c/d.md');
  });
});

describe('text decoding', () => {
  it('decodes UTF-8 and refuses binary, invalid UTF-8 and oversized files', () => {
    assert.deepEqual(decodeText(Buffer.from('# ok é'), 100), { text: '# ok é' });
    assert.match((decodeText(Buffer.from([0x23, 0, 0x41]), 100) as { problem: string }).problem, /binary/);
    assert.match((decodeText(Buffer.from([0x23, 0xff, 0xfe, 0x41]), 100) as { problem: string }).problem, /UTF-8/);
    assert.match((decodeText(Buffer.alloc(200, 65), 100) as { problem: string }).problem, /limit/);
  });
});
