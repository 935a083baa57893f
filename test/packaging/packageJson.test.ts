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
