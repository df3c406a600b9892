#!/usr/bin/env bash
# make bench: Counterpoint's benchmark, side by side with the raw Go driver (the limit) and with
# @neo4j/graphql (the peer), in one run on this machine. It may take many minutes; it prints progress.
#
# It starts its OWN Neo4j (port 7697, home .neo4j/bench, emptied first), builds and starts
# `counterpoint serve` and the peer (bench/peer), and for each scale: generates the dataset (seeded),
# measures loading against the raw UNWIND baseline, checks that the three implementations give the
# same answers, counts round trips and measures the query mix at concurrency 1 and 16. Then it writes
# docs/performance.md and docs/performance-p50.png and stops everything it started.
#
# Settings (environment):
#   BENCH_SCALES      10k,100k,1m   scales in graph elements (nodes + relationships)
#   BENCH_ROUNDS      3             rounds of the query mix (medians are taken over rounds)
#   BENCH_DURATION    3s            measurement per query, implementation and concurrency
#   BENCH_WARMUP      1s            unmeasured warm-up before each measurement
#   BENCH_MAX_REQ     3000          ...or stop a measurement after this many requests
#   BENCH_CONCURRENCY 1,16
#   BENCH_LOAD_RUNS   3             loader and raw runs at each scale (1 at 1m and above)
#   BENCH_SWEEP       1000,20000    other batch sizes to run the loader at, at BENCH_SWEEP_SCALE
#   BENCH_SWEEP_SCALE 100k
#   BENCH_SEED        20151001
#   BENCH_AIF         1             0 leaves out the AIF corpus step (issue 19: 1,400 generated AIF maps
#                                   loaded twice, first into an emptied graph, then unchanged)
#   BENCH_WORK        .neo4j/bench-work   datasets, results and logs
#
# BENCH_SCALES= (empty) runs the AIF corpus step alone.
#   NEO4J_HEAP 8g, NEO4J_PAGECACHE 2g, NEO4J_TX_MEMORY 6500m   the bench server's memory: the loader
#                     writes a dataset in one transaction, and 1M elements need more than 3 GiB of it
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

BENCH_SCALES="${BENCH_SCALES-10k,100k,1m}"
BENCH_ROUNDS="${BENCH_ROUNDS:-3}"
BENCH_DURATION="${BENCH_DURATION:-3s}"
BENCH_WARMUP="${BENCH_WARMUP:-1s}"
BENCH_MAX_REQ="${BENCH_MAX_REQ:-3000}"
BENCH_CONCURRENCY="${BENCH_CONCURRENCY:-1,16}"
BENCH_LOAD_RUNS="${BENCH_LOAD_RUNS:-3}"
BENCH_SWEEP="${BENCH_SWEEP:-1000,20000}"
BENCH_SWEEP_SCALE="${BENCH_SWEEP_SCALE:-100k}"
BENCH_SEED="${BENCH_SEED:-20151001}"
BENCH_WORK="${BENCH_WORK:-.neo4j/bench-work}"
BENCH_AIF="${BENCH_AIF:-1}"

export NEO4J_BOLT_PORT=7697 NEO4J_HOME_DIR=.neo4j/bench NEO4J_AUTH=neo4j/counterpoint-bench
export NEO4J_HEAP="${NEO4J_HEAP:-8g}" NEO4J_PAGECACHE="${NEO4J_PAGECACHE:-2g}" NEO4J_TX_MEMORY="${NEO4J_TX_MEMORY:-6500m}"
export NEO4J_URI="bolt://127.0.0.1:$NEO4J_BOLT_PORT" NEO4J_USERNAME=neo4j NEO4J_PASSWORD=counterpoint-bench NEO4J_DATABASE=
CP_PORT="${BENCH_CP_PORT:-8097}"
PEER_PORT="${BENCH_PEER_PORT:-4197}"
export BENCH_CACHED_PORT="${BENCH_CACHED_PORT:-8098}" BENCH_PPROF_PORT="${BENCH_PPROF_PORT:-6097}"

# shellcheck source=bench/lib.sh
source bench/lib.sh

started=$SECONDS
say "scales $BENCH_SCALES, $BENCH_ROUNDS rounds of $BENCH_DURATION (+$BENCH_WARMUP warm-up), concurrency $BENCH_CONCURRENCY"
mkdir -p "$BENCH_WORK/logs"
RESULTS="$BENCH_WORK/results"
rm -rf "$RESULTS"
mkdir -p "$RESULTS"

trap 'bench_stop_services; scripts/neo4j.sh stop || true' EXIT

bench_wait_for_serve
bench_build
bench_peer_install
bench_chart_env

# The machine's own speed, measured in memory before and after the run: on a host slower than usual,
# Counterpoint's ratios shift more than the limit's, which mostly waits for Neo4j (the tenth run of
# 2026-12-05 ran about 1.5x slower than the ninth). The median ns/op of five runs, in ms.
machine_speed() {
  go test ./resolvers -run '^$' -bench '^BenchmarkClaimsPageServer$' -count 5 2>/dev/null |
    awk '/^BenchmarkClaimsPageServer/ { print $3 }' | sort -n |
    awk '{ v[NR] = $1 } END { if (NR) printf "%.2f ms", v[int((NR + 1) / 2)] / 1e6; else printf "not measured" }'
}
say "machine speed: BenchmarkClaimsPageServer in memory, before the run"
speed_before="$(machine_speed)"
say "  $speed_before"

# A fresh server: every run starts from an empty database.
scripts/neo4j.sh stop >/dev/null 2>&1 || true
rm -rf .neo4j/bench
scripts/neo4j.sh start
NEO4J_PID="$(cat .neo4j/bench.pid)"

IFS=',' read -r -a scales <<<"$BENCH_SCALES"
for scale in "${scales[@]}"; do
  scale="$(echo "$scale" | tr 'A-Z' 'a-z' | tr -d ' ')"
  [[ -n "$scale" ]] || continue
  say "=== scale $scale (elapsed $(((SECONDS - started) / 60)) min)"
  data="$BENCH_WORK/data/$scale"
  out="$RESULTS/$scale"
  bin/counterpoint-bench gen --scale "$scale" --seed "$BENCH_SEED" --out "$data"

  runs="$BENCH_LOAD_RUNS" warm="--warmup"
  case "$scale" in *m) runs=1 warm="" ;; esac
  sweep=""
  [[ "$scale" == "$BENCH_SWEEP_SCALE" ]] && sweep="$BENCH_SWEEP"
  digest=""
  [[ "$scale" == "10k" ]] && digest="--digest"
  bin/counterpoint-bench load --data "$data" --scale "$scale" --runs "$runs" --sweep "$sweep" $digest $warm \
    --neo4j-pid "$NEO4J_PID" --out "$out"

  # Fresh services for each scale, so that their peak memory is this scale's.
  bench_start_services "$CP_PORT" "$PEER_PORT" "$BENCH_WORK/logs" "$scale"
  bin/counterpoint-bench check --data "$data" --scale "$scale" --counterpoint "$CP_URL" --peer "$PEER_URL" \
    --limit-http "$LIMIT_HTTP_URL" --out "$out"
  bin/counterpoint-bench queries --data "$data" --scale "$scale" --counterpoint "$CP_URL" --peer "$PEER_URL" \
    --counterpoint-cached "$CACHED_URL" --limit-http "$LIMIT_HTTP_URL" --counterpoint-pprof "$PPROF_URL" \
    --rounds "$BENCH_ROUNDS" --duration "$BENCH_DURATION" --warmup "$BENCH_WARMUP" --max-requests "$BENCH_MAX_REQ" \
    --concurrency "$BENCH_CONCURRENCY" --counterpoint-pid "$CP_PID" --peer-pid "$PEER_PID" --out "$out"
  bench_stop_services
  bin/counterpoint-bench validate "$out" || say "WARNING: $out is not well-formed (see above); reporting it anyway"
done

if [[ "$BENCH_AIF" != 0 ]]; then
  # The AIF corpus step: the loader binary timed from outside, into the emptied graph, then unchanged.
  say "=== AIF corpus (elapsed $(((SECONDS - started) / 60)) min)"
  bin/counterpoint-bench aif-load --corpus "$BENCH_WORK/aif-corpus" --out "$RESULTS"
fi

say "machine speed: BenchmarkClaimsPageServer in memory, after the run"
speed_after="$(machine_speed)"
say "  $speed_after"

cat >"$BENCH_WORK/meta.json" <<EOF
{
  "date": "$(date -u '+%Y-%m-%d %H:%M UTC')",
  "scales_requested": "$BENCH_SCALES",
  "seed": "$BENCH_SEED",
  "duration of make bench": "$(((SECONDS - started) / 60)) min",
  "machine speed": "BenchmarkClaimsPageServer in memory, median of 5 (lower is faster): $speed_before before the run, $speed_after after it",
  "Counterpoint server": "bin/counterpoint serve, default settings (cache off; collector GOGC 300, GOMEMLIMIT auto = 64 MiB; PPROF_ADDR on loopback for the profiles)",
  "Counterpoint with the cache": "a second bin/counterpoint serve with CACHE_ENABLED=true (GOMEMLIMIT auto = 64 MiB + the cache's 64 MiB)",
  "peer server": "node bench/peer/server.mjs (Apollo Server, driver pool 100)",
  "the limit over HTTP": "bin/counterpoint-bench limit-http (the limit's statements and canonical lines behind net/http, default driver settings)"
}
EOF
bin/counterpoint-bench report --results "$RESULTS" --meta "$BENCH_WORK/meta.json" \
  --md docs/performance.md --chart docs/performance-p50.png --python "$BENCH_PYTHON"
say "done in $(((SECONDS - started) / 60)) min: docs/performance.md, docs/performance-p50.png (raw results in $RESULTS)"
