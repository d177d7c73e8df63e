#!/usr/bin/env bash
# Installs code-server 4.100.3 (VS Code 1.100.3, the last release that runs on Node 20) into a cache
# folder for scripts/test-vscode.mjs, the way that works without network beyond npm and Debian:
# no install scripts (one downloads ripgrep from GitHub), native modules rebuilt by hand, ripgrep
# from Debian. Usage: scripts/install-code-server.sh DIR   (default ~/.cache/lblint-code-server)
set -euo pipefail
CS="${1:-${LBLINT_CODE_SERVER:-$HOME/.cache/lblint-code-server}}"
if [ -x "$CS/node_modules/.bin/code-server" ] && [ -f "$CS/.complete" ]; then
  echo "code-server already installed in $CS"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
if ! command -v chromium >/dev/null || ! command -v rg >/dev/null || ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
  apt-get update -qq
  apt-get install -y -qq libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config ripgrep chromium >/dev/null
fi
command -v node-gyp >/dev/null || npm install -g --no-audit --no-fund node-gyp@12 >/dev/null
mkdir -p "$CS"
cd "$CS"
npm install --ignore-scripts --no-audit --no-fund code-server@4.100.3 >/dev/null
npm rebuild argon2 >/dev/null
cd node_modules/code-server/lib/vscode
npm install --omit=dev --ignore-scripts --no-audit --no-fund >/dev/null
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
npm_config_yes=true npm rebuild --unsafe-perm >/dev/null
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sf code-linux.sh code-server)
(cd bin/helpers && ln -sf browser-linux.sh browser.sh)
(cd extensions && npm install --omit=dev --unsafe-perm --no-audit --no-fund >/dev/null)
touch "$CS/.complete"
echo "code-server installed in $CS"
