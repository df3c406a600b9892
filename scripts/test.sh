#!/usr/bin/env bash
# make test: every test, against real parts.
#
#  1. a throw-away local Neo4j (its own port and data folder, so it never
#     touches the `make run` graph);
#  2. Go unit and integration tests against it (go vet, staticcheck and a
#     check that go generate changes nothing first);
#  3. the reliability trials' short run (kills, an outage, floods) and a few
#     seconds of each fuzz target;
#  4. the service itself over a freshly seeded graph, and against it:
#     the graphql-http audit, the explorer's browser tests, the notebook;
#  5. the benchmark's smoke run;
#  6. everything stopped.
#
# With NEO4J_URI already set, step 1 is skipped and that server is used (and
# wiped). In CI (CI=true) an integration test that cannot reach Neo4j fails.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
mkdir -p .neo4j

own_neo4j=false
if [[ -z "${NEO4J_URI:-}" ]]; then
  own_neo4j=true
  export NEO4J_BOLT_PORT="${TEST_NEO4J_BOLT_PORT:-7688}"
  export NEO4J_HOME_DIR=".neo4j/test"
  export NEO4J_AUTH="neo4j/counterpoint-test"
  export NEO4J_URI="bolt://127.0.0.1:${NEO4J_BOLT_PORT}" NEO4J_USERNAME=neo4j NEO4J_PASSWORD=counterpoint-test
fi

SERVE_PORT="${TEST_SERVE_PORT:-18080}"
SERVE_URL="http://127.0.0.1:${SERVE_PORT}"
serve_pid=""
cleanup() {
  if [[ -n "$serve_pid" ]]; then kill "$serve_pid" 2>/dev/null || true; wait "$serve_pid" 2>/dev/null || true; fi
  if $own_neo4j; then scripts/neo4j.sh stop || true; fi
}
trap cleanup EXIT

fresh_neo4j() {
  if $own_neo4j; then
    scripts/neo4j.sh stop >/dev/null 2>&1 || true
    rm -rf "$NEO4J_HOME_DIR"
    scripts/neo4j.sh start
  fi
}

failures=()
step() { echo; echo "== $*"; }

step "build the explorer bundle and the binary"
scripts/web-build.sh
go build -o bin/counterpoint ./cmd/counterpoint

step "start Neo4j"
fresh_neo4j

step "go vet, staticcheck (pinned in go.mod) and the generated code"
go vet ./...
go tool staticcheck ./... || failures+=("staticcheck")
scripts/generate-check.sh || failures+=("generated code out of date")

step "go test: unit and integration tests against $NEO4J_URI"
# -p 1: the integration tests of different packages share one database.
set +e
go test -p 1 -count=1 -v ./... 2>&1 | tee .neo4j/go-test.log | grep -Ev '^=== (RUN|PAUSE|CONT)'
status=${PIPESTATUS[0]}
set -e
[[ $status -eq 0 ]] || failures+=("go test")
if grep -q -- '--- SKIP' .neo4j/go-test.log; then
  echo "skipped tests:"; grep -- '--- SKIP' .neo4j/go-test.log
  if [[ "${CI:-}" == "true" ]]; then failures+=("tests were skipped in CI"); fi
fi

step "go test -race: resolvers and server (in memory), where a request's list elements, fields and requests run on goroutines of their own"
go test -race -count=1 ./resolvers ./server || failures+=("go test -race")

step "reliability trials, short: loader and Neo4j killed, an outage under clients, the floods (promises only, no timing)"
# They kill and restart Neo4j: the test server here, or else one of their own.
if $own_neo4j; then
  RELIABILITY_PORT_BASE="${TEST_RELIABILITY_PORT_BASE:-18081}" scripts/reliability/run.sh short || failures+=("reliability trials")
else
  (
    unset NEO4J_URI
    export NEO4J_BOLT_PORT="${TEST_RELIABILITY_BOLT_PORT:-7689}" NEO4J_HOME_DIR=.neo4j/reliability NEO4J_AUTH=neo4j/counterpoint-test
    trap 'scripts/neo4j.sh stop >/dev/null || true' EXIT
    RELIABILITY_PORT_BASE="${TEST_RELIABILITY_PORT_BASE:-18081}" scripts/reliability/run.sh short
  ) || failures+=("reliability trials")
fi

step "fuzz targets, a few seconds each (findings stay in testdata/fuzz and fail go test from then on)"
scripts/reliability/fuzz.sh "${TEST_FUZZ_TIME:-2s}" || failures+=("fuzz")

step "serve the freshly seeded graph on $SERVE_URL"
fresh_neo4j
bin/counterpoint load --seed
LISTEN_ADDR="127.0.0.1:${SERVE_PORT}" API_TOKENS="curator:curator-test-token-1,second-curator:curator-test-token-2" bin/counterpoint serve >.neo4j/serve.log 2>&1 &
serve_pid=$!
# Ready once the schema is set up and Neo4j has planned the reads: tens of
# seconds on a freshly started Neo4j.
for _ in $(seq 1 600); do
  if curl -fsS "$SERVE_URL/readyz" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$serve_pid" 2>/dev/null; then echo "counterpoint serve exited:"; tail -20 .neo4j/serve.log; exit 1; fi
  sleep 0.5
done
curl -fsS "$SERVE_URL/readyz" >/dev/null || { echo "counterpoint serve did not become ready:"; tail -20 .neo4j/serve.log; exit 1; }

step "graphql-http audit against $SERVE_URL/graphql"
scripts/audit.sh "$SERVE_URL/graphql" || failures+=("graphql-http audit")

step "explorer in Chromium against $SERVE_URL"
scripts/browser-test.sh "$SERVE_URL" || failures+=("browser tests")

step "notebook against $SERVE_URL/graphql"
scripts/notebook-test.sh "$SERVE_URL/graphql" || failures+=("notebook")

kill "$serve_pid" 2>/dev/null || true; wait "$serve_pid" 2>/dev/null || true; serve_pid=""

step "make run as a newcomer runs it: its printed studio address and local curator token, and a first save through them"
# scripts/run.sh itself, over the test graph, with no tokens of ours: it
# makes (or reuses) .neo4j/curator-token and prints the address and token.
API_TOKENS="" API_TOKENS_FILE="" LISTEN_ADDR="127.0.0.1:${SERVE_PORT}" scripts/run.sh >.neo4j/make-run.log 2>&1 &
serve_pid=$!
for _ in $(seq 1 600); do
  if curl -fsS "$SERVE_URL/readyz" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$serve_pid" 2>/dev/null; then break; fi
  sleep 0.5
done
studio_url="$(sed -n 's/^The studio: //p' .neo4j/make-run.log | head -1)"
studio_token="$(sed -n 's/^  sign in with the local curator token //p' .neo4j/make-run.log | head -1)"
if [[ -n "$studio_url" && -n "$studio_token" ]] && curl -fsS "$SERVE_URL/readyz" >/dev/null 2>&1; then
  EXPLORER_URL="$SERVE_URL" MAKE_RUN_STUDIO="$studio_url" MAKE_RUN_TOKEN="$studio_token" \
    node --test --test-concurrency=1 web/tests-makerun/ || failures+=("make run's studio")
else
  echo "make run printed no studio address and token, or did not serve:"; tail -20 .neo4j/make-run.log
  failures+=("make run's studio")
fi
kill "$serve_pid" 2>/dev/null || true; wait "$serve_pid" 2>/dev/null || true; serve_pid=""

step "benchmark smoke run (10k elements; checks the output's form, never speed)"
scripts/bench-smoke.sh || failures+=("benchmark smoke run")

echo
if [[ ${#failures[@]} -gt 0 ]]; then
  echo "FAILED: ${failures[*]}"
  exit 1
fi
echo "make test: all steps passed"
