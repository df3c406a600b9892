#!/usr/bin/env bash
# Fails when the generated code (graph/, the resolver stubs, the server's
# test schema) is not what `go generate ./...` makes from the schemas and
# gqlgen.yml: it generates into a copy of the work tree (tracked and new
# files, as they are now) and compares, so the work tree is never touched.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
git ls-files -z --cached --others --exclude-standard -- . ':!web/node_modules' ':!web/dist' |
  while IFS= read -r -d '' f; do [[ -e "$f" ]] && printf '%s\0' "$f"; done |
  xargs -0 cp --parents -t "$tmp"
(cd "$tmp" && go generate ./...)
status=0
for dir in graph resolvers server/internal/testschema; do
  if ! diff -ru "$ROOT/$dir" "$tmp/$dir"; then status=1; fi
done
if [[ $status -ne 0 ]]; then
  echo "generate-check: the generated code above differs from what go generate makes; run go generate ./... and commit" >&2
  exit 1
fi
echo "generate-check: the generated code is up to date"
