// Whether a change to the export's render kept index.html byte for byte (issue 16): exports the benchmark's
// generated workspace with two builds of the CLI and compares the two files, the generation stamp (the time of the
// export) aside. Build the other side first, e.g. `git worktree add /tmp/base main && (cd /tmp/base && npm ci &&
// npm run build)`, then:
//
//   node bench/compare-export.mjs /tmp/base/dist/cli.js [dist/cli.js] [1000]
//   node bench/compare-export.mjs /tmp/base/dist/cli.js dist/cli.js bench/work/ws-600-long   # a folder as it is
//
// Exits 0 when the two are identical, 1 with the first difference otherwise.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generate } from './generate.mjs';

const [base, next = 'dist/cli.js', size = '1000'] = process.argv.slice(2);
if (!base) {
  process.stderr.write('usage: node bench/compare-export.mjs BASE_CLI_JS [NEW_CLI_JS] [DOCUMENTS | ISMS_FOLDER]\n');
  process.exit(2);
}
const work = mkdtempSync(join(tmpdir(), 'isms-compare-'));
try {
  // A number: the benchmark's generated workspace of that size; otherwise an ISMS folder (bench/export.mjs's 600-long).
  const given = !/^\d+$/.test(size);
  if (given && !existsSync(size)) throw new Error(`${size}: no such folder`);
  const ws = given ? resolve(size) : join(work, `ws-${size}`);
  if (!given) generate(Number(size), ws);
  const pages = [base, next].map((cli, i) => {
    const out = join(work, `pack-${i}`);
    const r = spawnSync(process.execPath, [resolve(cli), 'export', ws, '--out', out, '--format', 'html', '--today', '2026-11-21'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(`${cli} export failed: ${r.stderr || r.stdout}`);
    return readFileSync(join(out, 'index.html'), 'utf8').replace(/<dt>Generated<\/dt><dd>[^<]*<\/dd>/, '');
  });
  if (pages[0] === pages[1]) {
    process.stdout.write(`index.html identical (${Buffer.byteLength(pages[0])} bytes, ${given ? size : `${size} documents`}, generation stamp aside)\n`);
  } else {
    let at = 0;
    while (pages[0][at] === pages[1][at]) at++;
    process.stdout.write(`index.html differs at character ${at} of ${pages[0].length} / ${pages[1].length}:\n  ${JSON.stringify(pages[0].slice(Math.max(0, at - 80), at + 80))}\n  ${JSON.stringify(pages[1].slice(Math.max(0, at - 80), at + 80))}\n`);
    process.exitCode = 1;
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
