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

  describe('documentation-site links', () => {
    // A handbook served by a static-site generator: the ISMS is content/handbook/security, served at
    // /handbook/security/; pages link to each other site-absolute, without extensions, to folders' index pages, and to
    // explicit heading IDs.
    const page = (body: string) => policy({}, body);
    const files = {
      'runbooks/_index.md': page('# Runbooks\n'),
      'runbooks/triage.md': page('# Triage\n\n## Medium/Low issues {#medium-low}\n\n#### RED{.text-danger #red}\n\n## Braces {not an id}\n'),
      'access/index.md': page('# Access\n'),
      'access/reviews.md': page('# Reviews\n'),
      'overview.md': page(
        [
          '[site](/handbook/security/runbooks/triage/) [anchor](/handbook/security/runbooks/triage/#medium-low) [attributes](/handbook/security/runbooks/triage/#red)',
          '[pretty](runbooks/triage) [folder](runbooks/) [index](access/) [other section](/handbook/people/onboarding/)',
          '[root](/) [gone](/handbook/security/runbooks/retired-page/) [sibling section](../people/benefits.md)',
          '',
        ].join('\n'),
      ),
    };

    it('resolves site-absolute links below the URL path siteRoot names, pretty and folder links, and {#id} anchors', () => {
      const found = check(files, { code, config: { siteRoot: '/handbook/security/' } });
      assert.deepEqual(found.map((d) => d.message), ['Link target runbooks/retired-page does not exist.']);
    });

    it('reads an ID anywhere in a heading attribute list, and only in one', () => {
      const found = check({ ...files, 'braces.md': page('[ok](runbooks/triage.md#red) [no](runbooks/triage.md#not)\n') }, { code });
      assert.deepEqual(found.filter((d) => d.path === 'braces.md').map((d) => d.message), ['runbooks/triage.md has no heading with the anchor #not.']);
    });

    it('without siteRoot, site-absolute links resolve at the workspace root as on GitHub (and are reported)', () => {
      const found = check(files, { code });
      assert.ok(found.some((d) => /handbook\/security\/runbooks\/triage does not exist/.test(d.message)));
      assert.ok(!found.some((d) => /target \. does not exist/.test(d.message)), 'a link to the root is never "target . does not exist"');
      assert.ok(found.some((d) => /leads outside the workspace/.test(d.message)), 'a relative link out of the folder leaves the workspace');
      assert.ok(!found.some((d) => /runbooks\/triage\.md|access|#medium-low/.test(d.message)), 'pretty, folder and {#id} links still resolve');
    });

    it('with siteRoot inside the workspace (Hugo content/), site-absolute links resolve there', () => {
      const hugo = { 'content/a.md': page('[b](/policies/b/) [gone](/policies/c/)\n'), 'content/policies/b.md': page('# B\n') };
      assert.deepEqual(check(hugo, { code, config: { siteRoot: 'content' } }).map((d) => d.data?.target), ['content/policies/c']);
    });
  });

  it('says when a link differs from an existing path only in letter case', () => {
    const found = check({ 'a.md': policy({}, '[b](Policies/Access.md) [c](policies/access.md)\n'), 'policies/access.md': '# A\n' }, { code });
    assert.equal(found.length, 1);
    assert.match(found[0].message, /^Link target Policies\/Access\.md does not exist\. policies\/access\.md exists, differing only in letter case/);
  });

  it('does not judge links into paths exclude leaves out (the file may exist; it was not read)', () => {
    const files = { 'a.md': policy({}, '[gen](build/report.md) [missing](reports/q1.md)\n') };
    assert.deepEqual(check(files, { code }).map((d) => d.data?.target), ['reports/q1.md']);
  });

  it('takes `- [label]: some words` for prose, not a link definition', () => {
    assert.deepEqual(check({ 'a.md': policy({}, '- [Date]: to be agreed\n- [Owner]: the CISO\n\n[ok]: a.md "Title"\n') }, { code }), []);
  });
});
