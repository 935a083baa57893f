// The README's rule and settings tables are generated from the rule registry and the configuration schema;
// this test fails when they drift. Run with UPDATE_README=1 to rewrite them.
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { RULES, ENGINE_CODES } from '../../server/src/engine/rules/registry';
import { SETTINGS } from '../../server/src/engine/config/schema';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function rulesTable(): string {
  const rows = [...RULES, ...ENGINE_CODES.map((c) => ({ ...c, family: 'engine' }))].map(
    (r) => `| <a id="${r.code}"></a>\`${r.code}\` | ${r.family} | ${r.defaultSeverity} | ${cell(r.description)} | ${cell(r.fix)} |`,
  );
  return ['| Code | Family | Default | What it checks | How to fix |', '|---|---|---|---|---|', ...rows].join('\n');
}

function settingsTable(): string {
  const rows = SETTINGS.map((s) => `| \`${s.key}\` | \`isms.${s.key}\` | \`${JSON.stringify(s.default)}\` | ${cell(s.description)} |`);
  return ['| `.isms.yaml` key | VS Code setting | Default | Meaning |', '|---|---|---|---|', ...rows].join('\n');
}

function replaceBlock(text: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  assert.ok(i >= 0 && j > i, `README.md lacks the ${start} … ${end} block`);
  return text.slice(0, i + start.length) + '\n' + content + '\n' + text.slice(j);
}

describe('README.md', () => {
  it('documents every rule code and every setting, as generated', () => {
    const readme = readFileSync('README.md', 'utf8');
    const expected = replaceBlock(replaceBlock(readme, 'rules', rulesTable()), 'settings', settingsTable());
    if (process.env.UPDATE_README) writeFileSync('README.md', expected);
    assert.equal(readme, expected, 'run: UPDATE_README=1 node scripts/test-all.mjs packaging');
  });

  it('opens with the two commands that install and run the demo and the tests', () => {
    const head = readFileSync('README.md', 'utf8').split('\n').slice(0, 20).join('\n');
    assert.match(head, /npm ci && npm run demo/);
    assert.match(head, /npm ci && npm test/);
  });
});
