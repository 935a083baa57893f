import { strict as assert } from 'node:assert';
import { declaresIsmsType, ismsSignal, judgePresence } from './presence';

describe('presence: is this folder an ISMS?', () => {
  it('a document declaring an ISMS type in its frontmatter', () => {
    assert.equal(declaresIsmsType('---\ntitle: Access\ntype: policy\n---\n# Access'), true);
    assert.equal(declaresIsmsType('\uFEFF---\r\ntype: "risk-register" # the register\r\n---\r\n'), true);
  });

  it('not a `type` outside frontmatter, nor a type that is no ISMS type', () => {
    assert.equal(declaresIsmsType('# Notes\n\ntype: policy\n'), false);
    assert.equal(declaresIsmsType('---\ntype: blog-post\n---\n'), false);
    assert.equal(declaresIsmsType('---\nlayout: post\n---\ntype: policy\n'), false);
  });

  it('text about the standard or its controls, and the file names of an ISMS', () => {
    assert.equal(ismsSignal('docs/intro.md', 'We follow ISO/IEC 27001:2022.'), 'text');
    assert.equal(ismsSignal('x.md', 'Implements A.5.15 and A.8.2.'), 'text');
    assert.equal(ismsSignal('policies/access-control.md', '# Access'), 'name');
    assert.equal(ismsSignal('risk-register.md', '# Register'), 'name');
    assert.equal(ismsSignal('README.md', '# A library\n\nInstall it with npm. Version 1.5.2.'), undefined);
    assert.equal(ismsSignal('SECURITY.md', 'Report vulnerabilities to security@example.com (our security policy).'), undefined);
  });

  it('judges a folder: typed documents, then the standard named, then two ISMS file names', () => {
    assert.equal(judgePresence([{ typed: false, signal: undefined }, { typed: true, signal: undefined }]), 'isms');
    assert.equal(judgePresence([{ typed: false, signal: 'text' }]), 'candidate');
    assert.equal(judgePresence([{ typed: false, signal: 'name' }, { typed: false, signal: 'name' }]), 'candidate');
    assert.equal(judgePresence([{ typed: false, signal: 'name' }, { typed: false, signal: undefined }]), 'none');
    assert.equal(judgePresence([]), 'none');
  });
});
