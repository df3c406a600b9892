#!/usr/bin/env bash
# make run: a local Neo4j when NEO4J_URI is not set, the seed data, then the
# service (API and explorer) in the foreground on LISTEN_ADDR (default :8080).
# Ctrl-C stops the service; the local Neo4j keeps running for the next
# `make run` (stop it with `make neo4j-stop`).
#
# Unless API_TOKENS or API_TOKENS_FILE is set, the studio gets a local
# curator token, made once and kept beside the local Neo4j's data in
# .neo4j/curator-token (mode 0600, reused by later runs, as notebook servers
# do); the studio's address and the token are printed before the service
# starts. Delete the file for a new token.
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

# curator_token prints the local curator token, making it on first use.
curator_token() {
  local file="$ROOT/.neo4j/curator-token"
  mkdir -p "$(dirname "$file")"
  if [[ ! -s "$file" ]]; then
    (umask 077 && head -c 24 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n' >"$file.tmp" && mv "$file.tmp" "$file")
  fi
  chmod 600 "$file"
  cat "$file"
}

# studio_url is the explorer's curate mode on LISTEN_ADDR (default :8080).
studio_url() {
  local addr="${LISTEN_ADDR:-:8080}" host port
  host="${addr%:*}" port="${addr##*:}"
  case "$host" in ""|0.0.0.0|"[::]") host=localhost ;; esac
  printf 'http://%s:%s/?mode=curate' "$host" "$port"
}

bin/counterpoint load --seed
if [[ -z "${API_TOKENS:-}" && -z "${API_TOKENS_FILE:-}" ]]; then
  token="$(curator_token)"
  export API_TOKENS="local-curator:$token"
  echo
  echo "The studio: $(studio_url)"
  echo "  sign in with the local curator token $token"
  echo "  (kept in .neo4j/curator-token; set API_TOKENS or API_TOKENS_FILE to use your own tokens instead)"
  echo
fi
exec bin/counterpoint serve
