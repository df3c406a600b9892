#!/usr/bin/env bash
# Real-browser tests of the explorer and GraphiQL pages against a running
# server (counterpoint serve over the seeded Neo4j, built with the bundle:
# scripts/web-build.sh, then make build).
#
#   scripts/browser-test.sh [URL]     URL defaults to $EXPLORER_URL, else http://127.0.0.1:8080
#
# Installs the npm packages if needed, and Debian's chromium if
# /usr/bin/chromium is missing (as root). Runs `node --test web/tests/`,
# prints the runner's summary and exits non-zero when a test fails.
# Screenshots land in docs/explorer-*.png, docs/studio.png and
# docs/views-*.png (with SCREENSHOTS_DIR=docs). The files run one at a time, in name order: the
# studio's test (studio.test.mjs) writes to the graph that the explorer's
# tests count, so it runs after them.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
url="${1:-${EXPLORER_URL:-http://127.0.0.1:8080}}"
url="${url%/}"

"$root/scripts/web-build.sh" --deps

chromium="${CHROMIUM:-/usr/bin/chromium}"
if [[ ! -x "$chromium" ]]; then
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    echo "browser-test: installing Debian's chromium"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "browser-test: $chromium is missing; install Debian's chromium (apt-get install chromium)" >&2
    exit 1
  fi
fi

# Wait (up to 60s) for the server to answer.
for _ in $(seq 1 120); do
  if curl -fsS -o /dev/null "$url/healthz" 2>/dev/null || curl -fsS -o /dev/null "$url/" 2>/dev/null; then
    break
  fi
  sleep 0.5
done
curl -fsS -o /dev/null "$url/" || { echo "browser-test: no server answers at $url" >&2; exit 1; }

cd "$root"
echo "browser-test: node --test web/tests/ against $url"
EXPLORER_URL="$url" CHROMIUM="$chromium" node --test --test-concurrency=1 web/tests/
