#!/usr/bin/env bash
# The reliability trials of docs/reliability.md, against a Neo4j this script
# may kill and restart (never the `make run` one).
#
# Usage: scripts/reliability/run.sh short|full
#   short  a few trials of each kind, seconds each (make test runs it): the
#          promises are checked, no time is judged
#   full   the numbers of docs/reliability.md: 20 loader kills, 5 Neo4j
#          kills mid-load, 60 s of 16 clients across a Neo4j kill, the
#          floods, 500 simultaneous pairs of saves of each kind, the
#          bad-input batches; then prints the table. The fuzz
#          runs are separate: scripts/reliability/fuzz.sh 10m
#
# Settings (environment):
#   NEO4J_BOLT_PORT        7689                    the Neo4j to use (started if not running);
#                                                  the trials refuse 7687, the make run graph
#   NEO4J_HOME_DIR         .neo4j/reliability      its home, as scripts/neo4j.sh takes them
#   NEO4J_AUTH             neo4j/counterpoint-test
#   RELIABILITY_PORT_BASE  18081                   serve ports: base .. base+4
#   RELIABILITY_OUT        .neo4j/reliability-<mode>  results (JSON lines), logs, generated data
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
mode="${1:-short}"
[[ "$mode" == short || "$mode" == full ]] || { echo "usage: $0 short|full" >&2; exit 2; }

export NEO4J_BOLT_PORT="${NEO4J_BOLT_PORT:-7689}"
export NEO4J_HOME_DIR="${NEO4J_HOME_DIR:-.neo4j/reliability}"
export NEO4J_AUTH="${NEO4J_AUTH:-neo4j/counterpoint-test}"
export NEO4J_URI="bolt://127.0.0.1:${NEO4J_BOLT_PORT}" NEO4J_USERNAME=neo4j NEO4J_PASSWORD="${NEO4J_AUTH#neo4j/}" NEO4J_DATABASE=
port="${RELIABILITY_PORT_BASE:-18081}"
out="${RELIABILITY_OUT:-.neo4j/reliability-$mode}"
home="${NEO4J_HOME_DIR%/}"
pid_file="$(dirname "$home")/$(basename "$home").pid"
start_cmd="NEO4J_BOLT_PORT=$NEO4J_BOLT_PORT NEO4J_HOME_DIR=$NEO4J_HOME_DIR NEO4J_AUTH=$NEO4J_AUTH scripts/neo4j.sh start"
mkdir -p "$out"
results="$out/results.jsonl"
rm -f "$results"

go build -o bin/counterpoint ./cmd/counterpoint || exit 1
go build -o bin/counterpoint-trials ./cmd/counterpoint-trials || exit 1
scripts/neo4j.sh start || exit 1

failures=()
trial() {
  local name="$1"; shift
  echo; echo "== reliability: $name"
  local script="scripts/reliability/run.sh $mode  # bin/counterpoint-trials $name $*"
  local started=$SECONDS
  if ! bin/counterpoint-trials "$name" --neo4j-uri "$NEO4J_URI" --work "$out" --results "$results" --script "$script" "$@"; then
    failures+=("$name")
  fi
  echo "($name took $((SECONDS - started))s)"
}
neo4j=(--neo4j-pid-file "$pid_file" --neo4j-start "$start_cmd")

if [[ "$mode" == short ]]; then
  trial kill-loader --trials 3 --elements 2000
  trial kill-neo4j --trials 1 --elements 2000 --no-calibrate "${neo4j[@]}"
  trial readers --elements 2000 --readers 2 --pause 20ms --port "$port"
  trial outage --clients 4 --duration 5s --kill-at 2s --port "$((port + 1))" "${neo4j[@]}"
  trial alias-flood --attackers 2 --duration 2s --port "$((port + 2))"
  trial rate-flood --requests 1500 --conns 4 --port "$((port + 3))"
  trial race --pairs 20 --wave 10 --port "$((port + 4))"
else
  trial kill-loader --trials 20 --elements 30000
  trial kill-neo4j --trials 5 --elements 30000 "${neo4j[@]}"
  trial readers --elements 100000 --readers 4 --port "$port"
  trial outage --clients 16 --duration 60s --kill-at 10s --port "$((port + 1))" "${neo4j[@]}"
  trial alias-flood --attackers 4 --duration 20s --port "$((port + 2))"
  trial rate-flood --requests 2000 --conns 8 --port "$((port + 3))"
  trial race --pairs 500 --wave 16 --port "$((port + 4))"
  # The bad-input batches: every bad request and bad dataset of the tests,
  # each a subtest that checks the answer and that nothing was written.
  echo; echo "== reliability: bad input"
  go test -p 1 -count=1 -v -run '^(TestBadInput|TestReadRefusesBadDatasets|TestReadRefusesConflictingDatasets|TestDecodeNamesEmptyFilesAndRepeatedKeys|TestOneRuleSet)$' ./e2e ./loader ./format/datasetjson >"$out/badinput.log" 2>&1
  # One trial per subtest; a test without subtests counts once.
  counts="$(awk '
    /^    --- (PASS|FAIL): / { split($3, a, "/"); subs[a[1]]++; if ($2 == "FAIL:") fail++ }
    /^--- (PASS|FAIL): /   { top[$3] = $2 }
    END {
      n = 0; line = ""
      for (t in top) { k = (t in subs) ? subs[t] : 1; n += k; if (!(t in subs) && top[t] == "FAIL:") fail++; line = line sprintf("%s %d, ", t, k) }
      printf "%d %d %s\n", n, fail + 0, substr(line, 1, length(line) - 2)
    }' "$out/badinput.log")"
  read -r total fail detail <<<"$counts"
  grep -qE '^(ok|FAIL)\s' "$out/badinput.log" || fail=$((fail + 1))
  printf '{"trial":"bad-input","trials":%d,"held":%d,"failed":%d,"measured":"%s","conditions":"%s","script":"%s"}\n' \
    "$total" $((total - fail)) "$fail" "subtests: $detail; each bad request answered with its code (never 500) and the digest unchanged, each bad dataset refused with file and JSON path, each one-rule mistake refused alike by the loader and the API" \
    "go test against the trials' Neo4j" "scripts/reliability/run.sh full  # go test -run 'TestBadInput|TestReadRefuses...|TestOneRuleSet' ./e2e ./loader ./format/datasetjson" >>"$results"
  [[ $fail -eq 0 ]] || failures+=("bad input")
fi

echo
bin/counterpoint-trials table "$results" | tee "$out/table.md"
echo
if [[ ${#failures[@]} -gt 0 ]]; then
  echo "reliability trials FAILED: ${failures[*]}"
  exit 1
fi
echo "reliability trials ($mode): every promise held"
