#!/usr/bin/env node
// Everything a release checks before the two uploads (.github/workflows/release.yml), runnable offline; npm test
// runs it through test/packaging/release.test.ts.
//
//   node scripts/release-check.mjs [--tag vX.Y.Z] [--vsix isms-markdown.vsix] [--notes FILE]
//
// - package.json passes ovsx's own manifest checks (publisher, name, version, a licence: Open VSX refuses
//   unlicensed extensions) and vsce's (`vsce ls` reads and validates the manifest as `vsce publish` does);
// - CHANGELOG.md has a `## <version>` entry; with --tag the entry must not say "unreleased" and the tag must be
//   `v<version>` (a tag that does not match package.json would publish another version than the one tagged);
// - with --vsix, the package's own manifest (what both marketplaces read) has this name, publisher and version;
// - with --notes, the version's CHANGELOG entry is written to FILE (the GitHub release's text).
// Reads package.json and CHANGELOG.md in the current folder. Prints one line per check; exits 1 on the first failure.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const tag = opt('tag');
const vsix = opt('vsix');
const notes = opt('notes');

function fail(message) {
  console.error(`release-check: ${message}`);
  process.exit(1);
}
const ok = (message) => console.log(`release-check: ${message}`);

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const { version } = manifest;

// ---- the manifest, as ovsx and vsce read it --------------------------------------------------------------------
const ovsx = require('ovsx');
try {
  if (!(await ovsx.isLicenseOk(process.cwd(), manifest))) fail('package.json has no license and there is no LICENSE file: Open VSX refuses the upload');
} catch (e) {
  fail(`ovsx rejects package.json: ${e.message}`);
}
ok(`ovsx: ${manifest.publisher}.${manifest.name} ${version}, license ${manifest.license}`);
const ls = spawnSync(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'ls', '--no-dependencies'], { encoding: 'utf8' });
if (ls.status !== 0) fail(`vsce rejects package.json:\n${ls.stdout}${ls.stderr}`);
ok(`vsce: manifest valid, ${ls.stdout.trim().split('\n').length} files would be packaged`);

// ---- CHANGELOG.md and the tag ------------------------------------------------------------------------------------
const escaped = version.replace(/[.+]/g, (c) => `\\${c}`);
const changelog = readFileSync('CHANGELOG.md', 'utf8');
const heading = changelog.match(new RegExp(`^## \\[?v?${escaped}\\]?(?![\\w.-])(.*)$`, 'm'));
if (!heading) fail(`CHANGELOG.md has no "## ${version}" entry`);
if (notes) {
  const rest = changelog.slice(heading.index + heading[0].length);
  const next = rest.search(/^## /m);
  writeFileSync(notes, (next < 0 ? rest : rest.slice(0, next)).trim() + '\n');
}
if (tag !== undefined) {
  if (tag !== `v${version}`) fail(`tag ${tag} does not match package.json's version ${version} (expected v${version})`);
  ok(`tag ${tag} matches package.json`);
  if (/unreleased/i.test(heading[1])) fail(`CHANGELOG.md's entry for ${version} still says "${heading[1].trim()}"`);
}
ok(`CHANGELOG.md: ${heading[0]}`);

// ---- the packaged .vsix ------------------------------------------------------------------------------------------
if (vsix) {
  let packaged;
  try {
    packaged = await require('ovsx/lib/zip').readVSIXPackage(vsix);
    ovsx.validateManifest(packaged);
  } catch (e) {
    fail(`${vsix}: ${e.message}`);
  }
  for (const field of ['publisher', 'name', 'version']) {
    if (packaged[field] !== manifest[field]) fail(`${vsix} holds ${field} ${packaged[field]}, package.json says ${manifest[field]}`);
  }
  ok(`${vsix}: ${packaged.publisher}.${packaged.name} ${packaged.version}`);
}
