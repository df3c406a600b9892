#!/usr/bin/env bash
# Runs every fuzz target in turn, one worker each, and prints one line per
# target: its name, how long it ran, the inputs tried, the new interesting
# inputs, and whether it found anything (a finding leaves its input under the
# package's testdata/fuzz/<target>/, where `go test` replays it from then on).
#
# Usage: scripts/reliability/fuzz.sh [fuzztime]     (default 10m; `make test` uses 3s)
#   FUZZ_TARGETS="pkg:Name ..."  a subset (default: all eight)
#   FUZZ_LOG_DIR                 where each target's full output goes (default .neo4j/fuzz)
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
fuzztime="${1:-10m}"
targets="${FUZZ_TARGETS:-./server:FuzzTransport .:FuzzNormalizeQuote .:FuzzText ./format/datasetjson:FuzzDecodeValidate ./store:FuzzCursor ./suggest:FuzzQuotes ./format/aif:FuzzDecodeAIF ./format/datasetjson:FuzzDuplicateKey ./format/datasetjson:FuzzSplit}"
logdir="${FUZZ_LOG_DIR:-.neo4j/fuzz}"
mkdir -p "$logdir"
failed=0
printf '%-20s %-8s %12s %10s %s\n' target time execs new result
for t in $targets; do
  pkg="${t%%:*}" name="${t##*:}"
  log="$logdir/$name.log"
  go test -run "^$" -fuzz "^${name}\$" -fuzztime "$fuzztime" -parallel 1 -timeout 0 "$pkg" >"$log" 2>&1
  rc=$?
  # A finding always writes its input ("Failing input written to …"). Go's
  # fuzzing engine can instead fail a short run with only "context deadline
  # exceeded" when -fuzztime ends while a worker is starting: that is no
  # finding, so the target runs once more, and is reported as such if it
  # happens again.
  engine_deadline() { [[ $1 -ne 0 ]] && ! grep -q 'Failing input written to' "$log" && grep -q 'context deadline exceeded' "$log"; }
  if engine_deadline $rc; then
    go test -run "^$" -fuzz "^${name}\$" -fuzztime "$fuzztime" -parallel 1 -timeout 0 "$pkg" >"$log" 2>&1
    rc=$?
    if engine_deadline $rc; then rc=99; fi
  fi
  # The last progress line: "fuzz: elapsed: 10m0s, execs: 123 (205/sec), new interesting: 4 (total: 40)".
  last="$(grep -E '^fuzz: elapsed: .*execs: [0-9]+' "$log" | tail -n 1)"
  execs="$(sed -nE 's/.*execs: ([0-9]+).*/\1/p' <<<"$last")"
  new="$(sed -nE 's/.*new interesting: ([0-9]+).*/\1/p' <<<"$last")"
  case $rc in
    0) result=none-found ;;
    99) result="none-found (the engine's deadline cut both runs short; see $log)" ;;
    *) result="FOUND (see $log)"; failed=1 ;;
  esac
  printf '%-20s %-8s %12s %10s %s\n' "$name" "$fuzztime" "${execs:-?}" "${new:-?}" "$result"
done
exit $failed
