#!/usr/bin/env bash
# Regenerates deploy/k8s/base/schakel.yaml and base/config/<service>.textproto from what
# schakeld declares (`schakeld dependencies`): run it after a service's calls or outbox routes
# change. tests/e2e/k8s_test.sh fails while the committed files differ from what this makes.
#   deploy/k8s/generate.sh [SCHAKELD] [OUT_DIR]
# SCHAKELD defaults to build/release's (then build/ci's); OUT_DIR to deploy/k8s/base.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
SCHAKELD="${1:-}"
if [[ -z "$SCHAKELD" ]]; then
  for b in release ci; do
    [[ -x "$ROOT/build/$b/services/schakeld/schakeld" ]] && SCHAKELD="$ROOT/build/$b/services/schakeld/schakeld" && break
  done
fi
[[ -x "$SCHAKELD" ]] || { echo "generate.sh: no schakeld binary (build first, or name one)" >&2; exit 1; }
OUT="${2:-$HERE/base}"
[[ -d "$HERE/tools/node_modules/js-yaml" ]] || npm ci --no-audit --no-fund --prefix "$HERE/tools"
deps="$(mktemp)"
trap 'rm -f "$deps"' EXIT
"$SCHAKELD" dependencies >"$deps"
node "$HERE/tools/generate.mjs" "$deps" "$OUT"
