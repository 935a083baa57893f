// The packaged extension: small, bundled, and free of sources and tests. `npm test` packages it first.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { missingTool } from '../support/missingTool';

const VSIX = 'isms-markdown.vsix';

/** Entry names from a zip's central directory (enough to list a .vsix without unzip). */
export function zipEntries(buffer: Buffer): string[] {
  const eocd = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(eocd >= 0, 'not a zip file');
  const count = buffer.readUInt16LE(eocd + 10);
  let offset = buffer.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(buffer.readUInt32LE(offset), 0x02014b50, 'bad central directory');
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    names.push(buffer.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

describe('the .vsix package', function () {
  before(function () {
    if (!existsSync(VSIX)) missingTool(this, `${VSIX} has not been built (npm run package)`);
  });

  it('is under 4 MB', () => {
    const size = statSync(VSIX).size;
    assert.ok(size < 4 * 1024 * 1024, `${size} bytes`);
  });

  it('keeps the PDF and Excel code (pdfmake, exceljs) out of the bundles the editor starts', () => {
    // Loaded from dist/exportFormats.js only when a pack is exported (server/src/exportFormats/load.ts).
    for (const bundle of ['dist/client.js', 'dist/server.js', 'dist/cli.js', 'dist/browserClient.js', 'dist/browserServer.js']) {
      const text = readFileSync(bundle, 'utf8');
      assert.ok(!text.includes('xl/worksheets/') && !text.includes('/FlateDecode'), `${bundle} holds PDF or Excel writing code`);
    }
    assert.ok(readFileSync('dist/exportFormats.js', 'utf8').includes('xl/worksheets/'));
  });

  it('holds the bundled client, server and CLI, and the web build\'s client and server', () => {
    const names = zipEntries(readFileSync(VSIX));
    const bundles = ['dist/client.js', 'dist/server.js', 'dist/cli.js', 'dist/browserClient.js', 'dist/browserServer.js', 'dist/exportFormats.js'];
    for (const f of ['extension/package.json', 'extension/readme.md', ...bundles.map((b) => `extension/${b}`)]) {
      assert.ok(names.some((n) => n.toLowerCase() === f.toLowerCase()), `${f} missing from ${names.join(', ')}`);
    }
  });

  it('holds the entry points package.json names for the desktop and the browser', () => {
    const names = zipEntries(readFileSync(VSIX));
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { main?: string; browser?: string };
    for (const [field, entry] of [['main', pkg.main], ['browser', pkg.browser]] as const) {
      assert.ok(entry, `package.json lacks "${field}"`);
      const f = `extension/${entry.replace(/^\.\//, '')}`;
      assert.ok(names.includes(f), `${f} missing from the .vsix`);
    }
  });

  it('holds the JSON Schema its yamlValidation contribution names', () => {
    const names = zipEntries(readFileSync(VSIX));
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { contributes: { yamlValidation?: { url: string }[] } };
    for (const { url } of pkg.contributes.yamlValidation ?? []) {
      const f = `extension/${url.replace(/^\.\//, '')}`;
      assert.ok(names.includes(f), `${f} missing from the .vsix`);
    }
  });

  it('has a 128×128 PNG Marketplace icon and a gallery banner', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { icon?: string; galleryBanner?: { color?: string; theme?: string } };
    const icon = manifest.icon ?? '';
    assert.ok(icon.endsWith('.png'), `icon: ${icon}`);
    const png = readFileSync(icon);
    assert.equal(png.toString('latin1', 1, 4), 'PNG', 'the icon is not a PNG');
    // IHDR: width and height are the first two big-endian words after the chunk header.
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
    assert.ok(zipEntries(readFileSync(VSIX)).includes(`extension/${icon}`), 'the icon is not in the .vsix');
    assert.match(manifest.galleryBanner?.color ?? '', /^#[0-9a-f]{6}$/i);
    assert.ok(manifest.galleryBanner?.theme === 'dark' || manifest.galleryBanner?.theme === 'light');
  });

  it('holds no sources, tests, source maps, examples or node_modules', () => {
    const names = zipEntries(readFileSync(VSIX));
    const leaked = names.filter((n) => /\.ts$|\.map$|\/test\/|\/node_modules\/|\/examples\/|\/src\/|\.test\./.test(n));
    assert.deepEqual(leaked, []);
  });
});
