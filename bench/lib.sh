#!/usr/bin/env bash
# Helpers shared by scripts/bench.sh and scripts/bench-smoke.sh (sourced, not run). They start and
# stop only the processes they started, by pid.

say() { echo "bench: $*"; }

# bench_wait_for_serve: `counterpoint serve` must exist and build; poll a while for it.
bench_wait_for_serve() {
  local deadline=$((SECONDS + ${BENCH_SERVE_WAIT:-600}))
  until [[ -f cmd/counterpoint/serve.go ]] && go build -o /dev/null ./cmd/counterpoint 2>/dev/null; do
    if ((SECONDS >= deadline)); then
      echo "bench: cmd/counterpoint does not build a serve command yet" >&2
      go build -o /dev/null ./cmd/counterpoint
      return 1
    fi
    say "waiting for cmd/counterpoint/serve.go to build..."
    sleep 15
  done
}

bench_build() {
  say "building bin/counterpoint and bin/counterpoint-bench"
  go build -o bin/counterpoint ./cmd/counterpoint
  go build -o bin/counterpoint-bench ./cmd/counterpoint-bench
}

# bench_peer_install: the peer's packages, exactly as its lock file pins them.
bench_peer_install() {
  command -v node >/dev/null || { echo "bench: node not found (the peer needs Node 20)" >&2; return 1; }
  if [[ ! -d bench/peer/node_modules/@neo4j/graphql || bench/peer/package-lock.json -nt bench/peer/node_modules/.package-lock.json ]]; then
    say "installing the peer's packages (npm ci)"
    (cd bench/peer && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# bench_chart_env: a virtual environment with matplotlib, pinned, for the chart.
bench_chart_env() {
  BENCH_PYTHON="$PWD/.venv-bench/bin/python"
  if [[ ! -x "$BENCH_PYTHON" ]] || ! "$BENCH_PYTHON" -c 'import matplotlib' 2>/dev/null ||
    [[ bench/report/requirements.txt -nt .venv-bench/.installed ]]; then
    say "creating .venv-bench with matplotlib (bench/report/requirements.txt)"
    python3 -m venv .venv-bench
    .venv-bench/bin/pip install --quiet --disable-pip-version-check -r bench/report/requirements.txt
    touch .venv-bench/.installed
  fi
}

# bench_wait_url URL PID NAME: wait until URL answers 200, or the process dies.
bench_wait_url() {
  local url="$1" pid="$2" name="$3" deadline=$((SECONDS + 300))
  until curl -fsS -o /dev/null "$url" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "bench: $name (pid $pid) exited" >&2; return 1; }
    ((SECONDS < deadline)) || { echo "bench: $name did not answer $url within 300s" >&2; return 1; }
    sleep 0.3
  done
}

# bench_address PID OUT LOG SED_EXPR WHAT SECONDS: wait until process PID prints its address into OUT (found by
# the sed expression SED_EXPR) and print it, localhost as 127.0.0.1; fail, showing LOG, when the process exits
# first or prints no address within SECONDS.
bench_address() {
  local pid="$1" out="$2" log="$3" expr="$4" what="$5" deadline=$((SECONDS + $6)) base=""
  until base="$(sed -n "$expr" "$out" | head -n 1)" && [[ -n "$base" ]]; do
    kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; echo "bench: $what exited" >&2; return 1; }
    ((SECONDS < deadline)) || { echo "bench: $what printed no address" >&2; return 1; }
    sleep 0.2
  done
  echo "${base/localhost/127.0.0.1}"
}

# bench_start_services CP_PORT PEER_PORT LOGDIR TAG: start Counterpoint and the peer on 127.0.0.1
# (a port of 0 picks a free one); sets CP_PID, CP_URL, PPROF_URL (its profiles), CACHED_PID, CACHED_URL
# (a second Counterpoint with CACHE_ENABLED=true, on BENCH_CACHED_PORT or a free one), LIMIT_HTTP_PID,
# LIMIT_HTTP_URL (the limit over HTTP, on BENCH_LIMIT_HTTP_PORT or a free one), PEER_PID, PEER_URL.
# BENCH_TOOL_BIN names the counterpoint-bench binary (default bin/counterpoint-bench). BENCH_CP_BIN names the
# counterpoint binary (default bin/counterpoint).
bench_start_services() {
  local cp_port="$1" peer_port="$2" logs="$3" tag="$4"
  local cp_address='s/^counterpoint: serving on \(http:[^ ]*\).*/\1/p'
  mkdir -p "$logs"
  # RATE_LIMIT=0: the load generator is one client firing thousands of requests at concurrency 16.
  # PPROF_ADDR: the profiles the report's cost tables come from (loopback only).
  PPROF_PORT="${BENCH_PPROF_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
  PPROF_URL="http://127.0.0.1:$PPROF_PORT"
  LISTEN_ADDR="127.0.0.1:$cp_port" RATE_LIMIT=0 PPROF_ADDR="127.0.0.1:$PPROF_PORT" "${BENCH_CP_BIN:-bin/counterpoint}" serve \
    >"$logs/counterpoint-$tag.out" 2>"$logs/counterpoint-$tag.log" &
  CP_PID=$!
  local base
  base="$(bench_address "$CP_PID" "$logs/counterpoint-$tag.out" "$logs/counterpoint-$tag.log" "$cp_address" "counterpoint serve" 60)" || return 1
  bench_wait_url "$base/readyz" "$CP_PID" "counterpoint serve"
  CP_URL="$base/graphql"
  say "counterpoint serve: pid $CP_PID, $CP_URL"

  # The same binary again with its response cache on, reported apart (cache on).
  LISTEN_ADDR="127.0.0.1:${BENCH_CACHED_PORT:-0}" RATE_LIMIT=0 CACHE_ENABLED=true "${BENCH_CP_BIN:-bin/counterpoint}" serve \
    >"$logs/counterpoint-cached-$tag.out" 2>"$logs/counterpoint-cached-$tag.log" &
  CACHED_PID=$!
  base="$(bench_address "$CACHED_PID" "$logs/counterpoint-cached-$tag.out" "$logs/counterpoint-cached-$tag.log" "$cp_address" "counterpoint serve (cached)" 60)" || return 1
  bench_wait_url "$base/readyz" "$CACHED_PID" "counterpoint serve (cached)"
  CACHED_URL="$base/graphql"
  say "counterpoint serve with CACHE_ENABLED=true: pid $CACHED_PID, $CACHED_URL"

  # The limit behind a plain net/http handler: what HTTP alone costs (mix.LimitHandler), reported apart.
  "${BENCH_TOOL_BIN:-bin/counterpoint-bench}" limit-http --listen "127.0.0.1:${BENCH_LIMIT_HTTP_PORT:-0}" \
    >"$logs/limit-http-$tag.out" 2>"$logs/limit-http-$tag.log" &
  LIMIT_HTTP_PID=$!
  base="$(bench_address "$LIMIT_HTTP_PID" "$logs/limit-http-$tag.out" "$logs/limit-http-$tag.log" \
    's/^limit-http: serving on \(http:[^ ]*\)\/query.*/\1/p' "the limit over HTTP" 60)" || return 1
  bench_wait_url "$base/healthz" "$LIMIT_HTTP_PID" "the limit over HTTP"
  LIMIT_HTTP_URL="$base/query"
  say "the limit over HTTP: pid $LIMIT_HTTP_PID, $LIMIT_HTTP_URL"

  PEER_PORT="$peer_port" node bench/peer/server.mjs >"$logs/peer-$tag.log" 2>&1 &
  PEER_PID=$!
  base="$(bench_address "$PEER_PID" "$logs/peer-$tag.log" "$logs/peer-$tag.log" \
    's/^peer: @neo4j\/graphql serving on \(http:[^ ]*\)\/graphql.*/\1/p' "the peer" 120)" || return 1
  bench_wait_url "$base/healthz" "$PEER_PID" "the peer"
  PEER_URL="$base/graphql"
  say "peer (@neo4j/graphql): pid $PEER_PID, $PEER_URL"
}

# bench_stop_services: stop what bench_start_services started, by pid.
bench_stop_services() {
  local pid
  for pid in "${CP_PID:-}" "${CACHED_PID:-}" "${LIMIT_HTTP_PID:-}" "${PEER_PID:-}"; do
    [[ -n "$pid" ]] || continue
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      kill -KILL "$pid" 2>/dev/null || true
    fi
  done
  CP_PID="" CACHED_PID="" LIMIT_HTTP_PID="" PEER_PID=""
}
