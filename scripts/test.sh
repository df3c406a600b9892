#!/usr/bin/env bash
# make test: start a throw-away local Neo4j (its own port and data folder, so
# it never touches the `make run` graph), run every test against it, stop it.
# With NEO4J_URI already set, the tests use that server instead and nothing
# is started. In CI (CI=true) integration tests fail rather than skip.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

if [[ -z "${NEO4J_URI:-}" ]]; then
  export NEO4J_BOLT_PORT="${TEST_NEO4J_BOLT_PORT:-7688}"
  export NEO4J_HOME_DIR=".neo4j/test"
  export NEO4J_AUTH="neo4j/counterpoint-test"
  export NEO4J_URI="bolt://127.0.0.1:${NEO4J_BOLT_PORT}" NEO4J_USERNAME=neo4j NEO4J_PASSWORD=counterpoint-test
  rm -rf "$NEO4J_HOME_DIR"   # every run starts from an empty server
  trap 'scripts/neo4j.sh stop || true' EXIT
  scripts/neo4j.sh start
fi

echo "== go vet"
go vet ./...
echo "== go test (unit and integration, against $NEO4J_URI)"
# -p 1: the integration tests of different packages share one database.
mkdir -p .neo4j
set +e
go test -p 1 -count=1 -v ./... 2>&1 | tee .neo4j/go-test.log | grep -Ev '^=== (RUN|PAUSE|CONT)'
status=${PIPESTATUS[0]}
set -e
if grep -q -- '--- SKIP' .neo4j/go-test.log; then
  echo "skipped tests:"; grep -- '--- SKIP' .neo4j/go-test.log
  if [[ "${CI:-}" == "true" ]]; then echo "FAIL: tests were skipped in CI"; exit 1; fi
fi
exit "$status"
