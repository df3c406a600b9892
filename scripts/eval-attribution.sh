#!/usr/bin/env bash
# Scores the suggestions pass (package suggest) against a folder in PolNeAR's
# format: PATH/text/*.txt, PATH/attributions/*.ann and, to judge pronoun
# speakers, PATH/corenlp/*.txt.xml. Prints quotation precision and recall
# (exact), speaker accuracy by kind of speaker, time per article, and the
# failures by kind with examples (-examples N; 0 for none).
# How gold is read: docs/suggestions.md, "Outside news".
#
#   scripts/eval-attribution.sh [-examples N] PATH
set -euo pipefail
if [ $# -lt 1 ]; then
	echo "usage: scripts/eval-attribution.sh [-examples N] PATH" >&2
	exit 2
fi
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN="$(mktemp -d "${TMPDIR:-/tmp}/eval-attribution.XXXXXX")"
trap 'rm -rf "$BIN"' EXIT
(cd "$ROOT" && go build -o "$BIN/eval-attribution" ./cmd/eval-attribution)
"$BIN/eval-attribution" "$@"
