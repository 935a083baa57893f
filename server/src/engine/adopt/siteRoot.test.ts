import { strict as assert } from 'node:assert';
import { detectSiteRoot } from './siteRoot';

const page = (path: string, ...links: string[]) => ({ path, text: `# ${path}\n\n${links.map((l) => `[x](${l})`).join('\n')}\n` });

describe('detectSiteRoot', () => {
  it('finds the folder Hugo serves at / from its configuration file and the links that resolve there', () => {
    const markdown = [page('content/policies/a.md', '/policies/b/', '/policies/', '/runbooks/c/'), page('content/policies/b.md'), page('content/runbooks/c.md')];
    assert.deepEqual(detectSiteRoot(markdown, ['hugo.toml'])?.siteRoot, 'content');
    assert.equal(detectSiteRoot(markdown, []), undefined, 'without a generator configuration, content/ is not assumed');
  });

  it('finds the URL path a handbook section is served at', () => {
    const markdown = [page('a.md', '/handbook/security/b/', '/handbook/security/c/', '/handbook/security/a/#x', '/handbook/people/'), page('b.md'), page('c/_index.md')];
    const found = detectSiteRoot(markdown, []);
    assert.equal(found?.siteRoot, '/handbook/security/');
    assert.match(found!.note, /^3 of 4 site-absolute links resolve/);
  });

  it('proposes nothing when site-absolute links already resolve at the workspace root, or are too few', () => {
    assert.equal(detectSiteRoot([page('a.md', '/b.md', '/c/', '/a.md'), page('b.md'), page('c/x.md')], []), undefined);
    assert.equal(detectSiteRoot([page('a.md', '/handbook/security/b/'), page('b.md')], []), undefined);
  });
});
