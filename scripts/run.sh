#!/usr/bin/env bash
# make run: a local Neo4j when NEO4J_URI is not set, the seed data, then the
# service (API and explorer) in the foreground on LISTEN_ADDR (default :8080).
# Ctrl-C stops the service; the local Neo4j keeps running for the next
# `make run` (stop it with `make neo4j-stop`).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

if [[ -z "${NEO4J_URI:-}" ]]; then
  export NEO4J_BOLT_PORT="${NEO4J_BOLT_PORT:-7687}"
  export NEO4J_AUTH="${NEO4J_AUTH:-neo4j/counterpoint-dev}"
  scripts/neo4j.sh start
  export NEO4J_URI="bolt://127.0.0.1:${NEO4J_BOLT_PORT}"
  if [[ "$NEO4J_AUTH" == none ]]; then export NEO4J_USERNAME=""; else
    export NEO4J_USERNAME="${NEO4J_AUTH%%/*}" NEO4J_PASSWORD="${NEO4J_AUTH#*/}"; fi
fi

bin/counterpoint load --seed
exec bin/counterpoint serve
