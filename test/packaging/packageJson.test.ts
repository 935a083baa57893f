// package.json's settings are generated from the engine's schema; this test fails when they drift.
// Run with UPDATE_PACKAGE_JSON=1 to rewrite them.
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { contributedConfiguration } from '../../server/src/engine/config/contributes';

describe('package.json', () => {
  it('contributes exactly the settings of the configuration schema', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    const expected = contributedConfiguration();
    if (process.env.UPDATE_PACKAGE_JSON) {
      pkg.contributes.configuration = expected;
      writeFileSync('package.json', JSON.stringify(pkg, null, 2) + '\n');
    }
    assert.deepEqual(pkg.contributes.configuration, expected, 'run: UPDATE_PACKAGE_JSON=1 npm test -- packaging');
  });
});

describe('engines.vscode', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  const editors = JSON.parse(readFileSync('test/vscode/editors.json', 'utf8')) as Record<'current' | 'oldest', { vscode: string }>;
  const minor = (version: string) => version.replace(/^\^/, '').split('.').slice(0, 2).join('.');

  it('names the oldest VS Code the extension-host suite runs in (test/vscode/editors.json)', () => {
    assert.equal(pkg.engines.vscode, `^${minor(editors.oldest.vscode)}.0`);
  });

  it('is not newer than the API types the client compiles against', () => {
    // vsce refuses a package whose @types/vscode is newer than engines.vscode; an older one would hide new APIs.
    assert.equal(minor(pkg.devDependencies['@types/vscode']), minor(editors.oldest.vscode));
  });
});
