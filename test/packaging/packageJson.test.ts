// package.json's settings are generated from the engine's schema; this test fails when they drift.
// Run with UPDATE_PACKAGE_JSON=1 to rewrite them. Its semantic token scopes must match the TextMate grammar.
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { contributedConfiguration } from '../../server/src/engine/config/contributes';
import { LEGEND } from '../../server/src/features/semanticTokens';

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

  it('maps each semantic token type to the scope the TextMate grammar gives the same IDs', () => {
    // Controls, risks and documents keep their colour when the server's tokens replace the grammar's.
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    const grammar = JSON.parse(readFileSync('syntaxes/isms-ids.injection.tmLanguage.json', 'utf8'));
    const scopes = pkg.contributes.semanticTokenScopes.find((s: { language: string }) => s.language === 'markdown').scopes;
    const kinds = ['control', 'risk', 'document'];
    assert.deepEqual(LEGEND.tokenTypes.map((type) => scopes[type]), kinds.map((kind) => [grammar.repository[kind].name]));
    // Distinct scopes, so themes can tell the three kinds apart.
    assert.equal(new Set(kinds.map((kind) => grammar.repository[kind].name.split('.').slice(0, 3).join('.'))).size, 3);
  });

  it('holds back each view\'s welcome text until the view first loaded (isms.loaded.<view>, set by client/src/views/tree.ts)', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    const welcome = pkg.contributes.viewsWelcome as { view: string; contents: string; when?: string }[];
    for (const view of (pkg.contributes.views.isms as { id: string }[]).map((v) => v.id)) {
      const key = `isms.loaded.${view.replace(/^isms\./, '')}`;
      const entries = welcome.filter((w) => w.view === view && w.when !== 'workbenchState == empty');
      assert.ok(entries.some((w) => w.when?.startsWith(`!${key}`) && /^Reading/.test(w.contents)), `${view}: no "Reading…" text before ${key}`);
      for (const w of entries.filter((e) => !e.when?.startsWith('!'))) assert.ok(w.when?.startsWith(`${key}`), `${view}: "${w.contents.slice(0, 40)}" shows before ${key}`);
    }
  });

  it('writes welcome texts as plain text and links (VS Code draws backticks and asterisks there as they are)', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    for (const w of pkg.contributes.viewsWelcome as { view: string; contents: string }[]) {
      const prose = w.contents.replace(/\[[^\]]*\]\([^)]*\)/g, '');
      assert.doesNotMatch(prose, /[`*_]{1,2}\S/, `${w.view}: ${w.contents}`);
    }
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
