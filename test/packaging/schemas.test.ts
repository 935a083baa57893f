// The published JSON Schemas (schemas/): generated from the configuration schema and the document model
// (server/src/engine/jsonSchema.ts; UPDATE_SCHEMAS=1 rewrites them), valid JSON Schema, contributed to Red Hat's
// YAML extension for .isms.yaml, and in agreement with the checker: on the example ISMS and on faulty fixtures,
// a schema rejects exactly what the checker reports.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { allSchemas, SCHEMA_BASE } from '../../server/src/engine/jsonSchema';
import { defaultConfig } from '../../server/src/engine/config/schema';
import { DOCUMENT_TYPES } from '../../server/src/engine/model';
import { md, policy } from '../../server/src/engine/testing/fixtures';
import { folderWith } from '../support/folders';
import { distFile } from '../support/dist';

const DIR = 'schemas';
const EXAMPLE = 'examples/acme-ai-isms';

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

function validator() {
  const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
  ajv.addKeyword('markdownDescription');
  for (const [path, schema] of Object.entries(allSchemas())) {
    assert.equal(schema.$id, SCHEMA_BASE + path);
    ajv.addSchema(schema);
  }
  return (path: string, data: unknown) => {
    const validate = ajv.getSchema(SCHEMA_BASE + path)!;
    return validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  };
}

const frontmatterOf = (text: string) => {
  const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  return m ? (parse(m[1]) as Record<string, unknown>) : undefined;
};

function check(dir: string) {
  const r = spawnSync(process.execPath, [distFile('cli.js'), 'check', dir, '--format', 'json', '--today', '2026-11-21'], { encoding: 'utf8' });
  return (JSON.parse(r.stdout) as { diagnostics: { file: string; code: string }[] }).diagnostics;
}
const FRONTMATTER_CODES = ['frontmatter-missing-field', 'frontmatter-invalid-value'];

describe('JSON Schemas for other editors (schemas/)', function () {
  this.timeout(120_000);

  it('are generated from the configuration schema and the document model', () => {
    const expected = Object.fromEntries(Object.entries(allSchemas()).map(([p, s]) => [join(DIR, p), JSON.stringify(s, null, 2) + '\n']));
    if (process.env.UPDATE_SCHEMAS) {
      rmSync(DIR, { recursive: true, force: true });
      for (const [path, text] of Object.entries(expected)) {
        mkdirSync(join(path, '..'), { recursive: true });
        writeFileSync(path, text);
      }
    }
    assert.deepEqual(filesUnder(DIR).sort(), Object.keys(expected).sort(), 'run: UPDATE_SCHEMAS=1 node scripts/test-all.mjs packaging');
    for (const [path, text] of Object.entries(expected)) assert.equal(readFileSync(path, 'utf8'), text, `${path} is stale: run UPDATE_SCHEMAS=1 node scripts/test-all.mjs packaging`);
  });

  it('.isms.yaml: the defaults and the example pass; what the checker calls invalid fails', () => {
    const errors = validator();
    assert.deepEqual(errors('isms.schema.json', defaultConfig()), []);
    assert.deepEqual(errors('isms.schema.json', parse(readFileSync(join(EXAMPLE, '.isms.yaml'), 'utf8'))), []);
    assert.deepEqual(errors('isms.schema.json', { rules: { 'review-due-soon': 'off' }, managementReviewCadence: 'P6M', fieldAliases: { document_id: 'id' } }), []);
    // As in VS Code's settings (package.json), a rule code that does not exist is flagged: it would switch nothing.
    assert.notDeepEqual(errors('isms.schema.json', { rules: { 'no-such-rule': 'off' } }), []);
    for (const bad of ['rules:\n  review-overdue: loud\n', 'reviewDueSoonDays: soon\n', 'catalogs: [iso9001]\n', 'colour: blue\n']) {
      assert.notDeepEqual(errors('isms.schema.json', parse(bad)), [], bad);
      const dir = folderWith({ '.isms.yaml': bad, 'p.md': policy() }, 'isms-schema-');
      try {
        assert.ok(check(dir).some((d) => d.code === 'config-invalid'), `the checker accepts ${bad}`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });

  it('frontmatter: on the example ISMS the schemas reject exactly the documents the checker reports frontmatter findings on', () => {
    const errors = validator();
    const reported = new Set(check(EXAMPLE).filter((d) => FRONTMATTER_CODES.includes(d.code)).map((d) => d.file));
    assert.ok(reported.size > 0, 'the example has a deliberate frontmatter fault');
    let checked = 0;
    for (const file of filesUnder(EXAMPLE).filter((f) => f.endsWith('.md'))) {
      const data = frontmatterOf(readFileSync(file, 'utf8'));
      if (!data || typeof data.type !== 'string') continue;
      checked++;
      const path = relative(EXAMPLE, file);
      const problems = [...errors(`frontmatter/${data.type}.schema.json`, data), ...errors('frontmatter.schema.json', data)];
      assert.equal(problems.length > 0, reported.has(path), `${path}: ${problems.join('; ') || 'schema accepts it'}`);
    }
    assert.ok(checked >= 30, `${checked} documents`);
  });

  it('frontmatter: faulty values are rejected by both, and the forms the checker accepts pass', () => {
    const errors = validator();
    const cases: [Record<string, unknown>, boolean][] = [
      [{ status: 'aproved' }, false],
      [{ next_review: '2026-13-45x' }, false],
      [{ review_cycle: 'fortnightly' }, false],
      [{ controls: { a: 1 } }, false],
      [{ owner: ['a', 'b'] }, false],
      [{ owner: undefined }, false],
      [{ owner: null }, false],
      [{ owner: '' }, false],
      [{ review_cycle: 'Annually', status: 'approved', controls: 'A.5.1, A.8.28' }, true],
      [{ review_cycle: 'P90D', related: ['POL-002'] }, true],
    ];
    for (const [overrides, ok] of cases) {
      const text = policy(overrides);
      const data = frontmatterOf(text)!;
      assert.equal(errors('frontmatter/policy.schema.json', data).length === 0, ok, `schema on ${JSON.stringify(overrides)}`);
      const dir = folderWith({ '.isms.yaml': 'rules:\n  locker-missing-document: off\n', 'p.md': text }, 'isms-schema-');
      try {
        assert.equal(!check(dir).some((d) => FRONTMATTER_CODES.includes(d.code)), ok, `checker on ${JSON.stringify(overrides)}`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    // Each type's required fields: an exception without `opened`, an audit without `date`.
    assert.notDeepEqual(errors('frontmatter/exception.schema.json', frontmatterOf(md({ type: 'exception', id: 'EXC-1', title: 'x', owner: 'y' }))), []);
    assert.notDeepEqual(errors('frontmatter.schema.json', frontmatterOf(md({ type: 'audit', id: 'AUD-1', title: 'x', owner: 'y' }))), []);
    assert.notDeepEqual(errors('frontmatter.schema.json', { type: 'memo', id: 'M-1' }), []);
  });

  it('package.json contributes the .isms.yaml schema to YAML editors, the packages ship schemas/ and the README points to them', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { contributes: { yamlValidation?: { fileMatch: string[]; url: string }[] } };
    assert.deepEqual(pkg.contributes.yamlValidation, [{ fileMatch: ['.isms.yaml', '.isms.yml'], url: './schemas/isms.schema.json' }]);
    assert.match(readFileSync('.vscodeignore', 'utf8'), /^!schemas\/\*\*$/m);
    assert.match(readFileSync('.npmignore', 'utf8'), /^!schemas\/\*\*$/m);
    const readme = readFileSync('README.md', 'utf8');
    for (const t of DOCUMENT_TYPES) assert.ok(readme.includes(`schemas/frontmatter/${t}.schema.json`) || readme.includes('schemas/frontmatter/<type>.schema.json'), t);
    assert.ok(readme.includes('schemas/isms.schema.json'));
  });
});
