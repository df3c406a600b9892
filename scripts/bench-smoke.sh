#!/usr/bin/env bash
# The benchmark's smoke run, for make test: the same code as make bench, at 10k elements and for a
# few seconds of load, against the already running Neo4j of NEO4J_URI / NEO4J_USERNAME /
# NEO4J_PASSWORD. It checks that the benchmark still runs, that the three implementations give the
# same answers, and that its output is well-formed; it asserts nothing about speed.
#
# It empties that graph first, and at the end (also on failure) empties it again and re-loads the
# seed (`go run ./cmd/counterpoint load --seed`), since other test steps may follow.
# Exit status: non-zero when anything fails or the output is malformed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
: "${NEO4J_URI:?bench-smoke.sh needs NEO4J_URI (and NEO4J_USERNAME, NEO4J_PASSWORD) of a running Neo4j}"
export NEO4J_URI NEO4J_USERNAME="${NEO4J_USERNAME:-neo4j}" NEO4J_PASSWORD="${NEO4J_PASSWORD:-}"

# shellcheck source=bench/lib.sh
source bench/lib.sh

WORK="$(mktemp -d "${TMPDIR:-/tmp}/counterpoint-bench-smoke.XXXXXX")"
BIN="$WORK/bin"
mkdir -p "$BIN"
reseed() {
  bench_stop_services
  echo "bench-smoke: emptying the graph and re-loading the seed"
  "$BIN/counterpoint-bench" wipe >/dev/null 2>&1 || go run ./cmd/counterpoint-bench wipe || true
  go run ./cmd/counterpoint load --seed >/dev/null || echo "bench-smoke: WARNING: re-loading the seed failed" >&2
  rm -rf "$WORK"
}
trap reseed EXIT
# step NAME CMD...: run CMD with its output in $WORK/NAME.log, shown only when it fails.
step() {
  local log="$WORK/$1.log"
  shift
  if ! "$@" >"$log" 2>&1; then
    cat "$log" >&2
    echo "bench-smoke: FAIL: $*" >&2
    exit 1
  fi
}

go build -o "$BIN/counterpoint" ./cmd/counterpoint
go build -o "$BIN/counterpoint-bench" ./cmd/counterpoint-bench
bench_peer_install

data="$WORK/data/10k"
out="$WORK/results/10k"
B="$BIN/counterpoint-bench"
step wipe "$B" wipe
step gen "$B" gen --scale 10k --seed 20151001 --out "$data"
step load "$B" load --data "$data" --scale 10k --runs 1 --digest --out "$out"
BENCH_CP_BIN="$BIN/counterpoint" BENCH_TOOL_BIN="$B" bench_start_services 0 0 "$WORK/logs" smoke >"$WORK/services.log"
step check "$B" check --data "$data" --scale 10k --counterpoint "$CP_URL" --peer "$PEER_URL" --limit-http "$LIMIT_HTTP_URL" --strict --out "$out"
step queries "$B" queries --data "$data" --scale 10k --counterpoint "$CP_URL" --peer "$PEER_URL" --rounds 1 \
  --counterpoint-cached "$CACHED_URL" --limit-http "$LIMIT_HTTP_URL" --counterpoint-pprof "$PPROF_URL" --profile-concurrency 16 \
  --duration 200ms --warmup 50ms --max-requests 200 --concurrency 1,16 --samples 2 \
  --counterpoint-pid "$CP_PID" --peer-pid "$PEER_PID" --out "$out"
bench_stop_services
# Malformed output fails the smoke run; nothing about speed does.
step validate "$B" validate "$out"
# The report renders from these results too (the chart only where matplotlib is at hand).
step report "$B" report --results "$WORK/results" --md "$WORK/performance.md" --chart "$WORK/performance-p50.png" \
  --python "${BENCH_PYTHON:-$ROOT/.venv-bench/bin/python}"
grep -q '^## Latency and throughput' "$WORK/performance.md" || { echo "bench-smoke: FAIL: the report has no latency tables" >&2; exit 1; }
grep -q '^## With the response cache on' "$WORK/performance.md" || { echo "bench-smoke: FAIL: the report has no cache-on tables" >&2; exit 1; }
grep -q '^## The limit over HTTP' "$WORK/performance.md" || { echo "bench-smoke: FAIL: the report has no tables of the limit over HTTP" >&2; exit 1; }
grep -q '^## Where Counterpoint.s time goes' "$WORK/performance.md" || { echo "bench-smoke: FAIL: the report has no profile tables" >&2; exit 1; }

cells="$(grep -c '"round":' "$out/queries.json" || true)"
echo "bench-smoke: ok: 10k elements loaded by the loader and the raw baseline (same graph), 7 queries equal on counterpoint, limit, the limit over HTTP and peer, $cells measurements well-formed (no speed asserted)"
