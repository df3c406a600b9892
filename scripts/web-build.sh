#!/usr/bin/env bash
# Build the explorer and GraphiQL pages into web/dist, which web/web.go
# embeds in the binary (rebuild the binary afterwards: `make build`).
#
#   scripts/web-build.sh          install the npm packages if needed, then build
#   scripts/web-build.sh --deps   only install the npm packages if needed
#
# Packages are installed with `npm ci` from web/package-lock.json (exact
# versions) when web/node_modules is missing or the lock file changed since
# the last install. Everything comes from the npm registry at build time;
# the built pages load nothing from elsewhere.
set -euo pipefail

web="$(cd "$(dirname "${BASH_SOURCE[0]}")/../web" && pwd)"
cd "$web"

for tool in node npm; do
  command -v "$tool" >/dev/null || { echo "web-build: $tool is not installed (Node.js >= 20.19 is needed)" >&2; exit 1; }
done

stamp=node_modules/.counterpoint-lock.sha256
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [[ ! -d node_modules || "$(cat "$stamp" 2>/dev/null || true)" != "$want" ]]; then
  echo "web-build: npm ci (node_modules missing or package-lock.json changed)"
  npm ci --no-audit --no-fund
  echo "$want" >"$stamp"
fi

if [[ "${1:-}" == "--deps" ]]; then
  exit 0
fi

npm run build
test -f dist/index.html -a -f dist/graphiql.html || { echo "web-build: dist/ lacks index.html or graphiql.html" >&2; exit 1; }
echo "web-build: built $(find dist -type f | wc -l) files into web/dist ($(du -sh dist | cut -f1))"
