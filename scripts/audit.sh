#!/usr/bin/env bash
# GraphQL-over-HTTP conformance: runs the graphql-http audit suite (auditServer,
# pinned in test/audit/package-lock.json) against a running server and fails
# when any MUST or SHOULD audit fails.
#
# Usage: scripts/audit.sh [URL]
#   URL  the GraphQL endpoint; default $AUDIT_URL, else http://127.0.0.1:8080/graphql
#
# The server must run with introspection on (GRAPHQL_INTROSPECTION=true, the
# default): some audits query __type. Neo4j need not be up: the audit's
# queries touch no data. Needs Node 20 or later and npm; installs the audit's
# packages with `npm ci` the first time.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="$ROOT/test/audit"
URL="${1:-${AUDIT_URL:-http://127.0.0.1:8080/graphql}}"

command -v node >/dev/null || { echo "audit.sh: node not found (Node 20 or later is needed)" >&2; exit 1; }
if [[ ! -d "$DIR/node_modules/graphql-http" ]]; then
  (cd "$DIR" && npm ci --no-audit --no-fund)
fi
cd "$DIR"
AUDIT_URL="$URL" exec node audit.mjs
