import { strict as assert } from 'node:assert';
import { check, policy } from '../testing/fixtures';

const code = 'link-broken';

describe(code, () => {
  it('reports a relative link to a missing Markdown file', () => {
    const found = check({ 'policies/a.md': policy({}, '[x](./missing.md)\n') }, { code });
    assert.equal(found.length, 1);
    assert.match(found[0].message, /policies\/missing\.md does not exist/);
  });

  it('reports a missing heading anchor in another file and in the same file', () => {
    const files = {
      'a.md': policy({}, '# Access reviews\n[ok](b.md#scope) [bad](b.md#nope) [self](#access-reviews) [self-bad](#gone)\n'),
      'b.md': '# Scope\n',
    };
    assert.deepEqual(check(files, { code }).map((d) => d.data?.anchor), ['nope', 'gone']);
  });

  it('reports links leaving the workspace and file: URLs without reading them', () => {
    const found = check({ 'a.md': policy({}, '[p](../../../../etc/passwd) [f](file:///etc/passwd)\n') }, { code });
    assert.equal(found.length, 2);
    assert.ok(found.every((d) => !/root:/.test(d.message)));
  });

  it('is silent on existing files, folders, encoded names, external URLs and evidence files', () => {
    const files = {
      'a.md': policy({}, '[b](b.md) [dir](records/) [sp](my%20file.md) [web](https://example.com/x.md) [mail](mailto:a@b.c) [pdf](missing.pdf)\n'),
      'b.md': '# B\n',
      'records/x.csv': '',
      'my file.md': '# Spaced\n',
    };
    assert.deepEqual(check(files, { code }), []);
  });
});
