import { strict as assert } from 'node:assert';
import { check } from '../testing/fixtures';
import { IsmsWorkspace } from '../workspace/workspace';
import { parseConfigFile, resolveConfig } from '../config/load';

const code = 'config-invalid';

function workspaceWithConfig(text: string): IsmsWorkspace {
  const file = parseConfigFile('.isms.yaml', text);
  const { config, diagnostics } = resolveConfig([{ data: file.data, path: '.isms.yaml', keyRanges: file.keyRanges }]);
  return new IsmsWorkspace(config, [...file.diagnostics, ...diagnostics], '.isms.yaml');
}

describe(code, () => {
  it('reports unknown settings and wrong types on their line, keeping the default', () => {
    const workspace = workspaceWithConfig('reviewDueSoonDays: soon\ncatalogs: [iso27001-2022]\nbogus: 1\nrules: { review-overdue: loud }\n');
    const found = check(workspace, { code });
    assert.deepEqual(found.map((d) => d.range.start.line), [0, 2, 3]);
    assert.equal(workspace.config.reviewDueSoonDays, 30);
  });

  it('reports YAML errors and an invalid risk pattern', () => {
    assert.equal(check(workspaceWithConfig('rules: [\n'), { code }).length >= 1, true);
    assert.match(check(workspaceWithConfig('riskIdPattern: "R-(\\\\d+"\n'), { code })[0].message, /regular expression/);
  });

  it('is silent on a valid file and applies it', () => {
    const workspace = workspaceWithConfig('catalogs: [iso27001-2022, iso42001-2023]\nrules:\n  review-due-soon: off\n');
    assert.deepEqual(check(workspace, { code }), []);
    assert.equal(workspace.config.rules['review-due-soon'], 'off');
  });
});

describe(`${code}: patterns`, () => {
  it('rejects a cadence that is not a review cycle', () => {
    const workspace = workspaceWithConfig('managementReviewCadence: fortnightly-ish\n');
    assert.match(check(workspace, { code })[0].message, /managementReviewCadence/);
    assert.equal(workspace.config.managementReviewCadence, 'quarterly');
  });
});

describe(`${code}: risk ID patterns that could hang`, () => {
  it('refuses nested repetition and keeps the default pattern', () => {
    for (const pattern of ['(R+)+-\\\\d', '(\\\\w*)*x', '((a|b)+)+']) {
      const workspace = workspaceWithConfig(`riskIdPattern: "${pattern}"\n`);
      assert.match(check(workspace, { code })[0]?.message ?? '', /exponential/, pattern);
      assert.equal(workspace.config.riskIdPattern, 'R-\\d+');
    }
  });

  it('accepts ordinary patterns', () => {
    for (const pattern of ['RISK-\\\\d{3}', 'R-\\\\d+', '(?:R|RSK)-\\\\d+', '[A-Z]{2,4}-\\\\d+']) {
      assert.deepEqual(check(workspaceWithConfig(`riskIdPattern: "${pattern}"\n`), { code }), [], pattern);
    }
  });
});
