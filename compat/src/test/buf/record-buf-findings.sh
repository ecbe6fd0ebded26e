#!/usr/bin/env bash
# Records what buf reports on the rule fixtures, the reference RulesTest compares protoshift with:
# compat/src/test/resources/breaking/buf-1.75-findings.txt (every rule run alone over all fixtures).
# The tests never run buf; run this after adding or changing a fixture, then review the diff and
# update expected/<RULE>.txt (what the rule's own fixture shows) to match.
#
# Usage (from the repository root): BUF=node_modules/.bin/buf PROTOC=/path/to/protoc \
#   compat/src/test/buf/record-buf-findings.sh
# buf: npm install @bufbuild/buf@1.75.0; protoc 4.36.2: the CLI's cache (~/.cache/protoshift/protoc/).
set -euo pipefail
cd "$(dirname "$0")/../resources/breaking"
BUF=${BUF:-buf}
PROTOC=${PROTOC:-$(ls ~/.cache/protoshift/protoc/4.36.2/protoc-4.36.2-* | head -1)}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/include/google/protobuf"
unzip -q -o -d "$work/include" "$(ls ~/.m2/repository/com/google/protobuf/protobuf-java/4.36.2/protobuf-java-4.36.2.jar)" 'google/protobuf/*.proto'
for side in previous current; do
  (cd "$side" && "$PROTOC" -I. -I"$work/include" --include_imports --include_source_info --retain_options \
    -o "$work/$side.binpb" $(find . -name '*.proto' | sed 's|^\./||' | sort) 2>/dev/null)
done
{
  echo "# buf 1.75.0 breaking findings on previous/ -> current/ (descriptor images from protoc 36.2), each rule run alone."
  echo "# path:line:column:RULE:message (path is empty where buf has no current file to point at)"
  for rule in $(sed -n 's/.*"id":"\([A-Z0-9_]*\)".*/\1/p' buf-1.75-rules.jsonl); do
    (cd "$work" && "$BUF" breaking current.binpb --against previous.binpb --error-format json \
      --config "{\"version\":\"v2\",\"breaking\":{\"use\":[\"$rule\"]}}" || true) |
      python3 -c 'import json,sys
for l in sys.stdin:
    d = json.loads(l)
    print("%s:%s:%s:%s:%s" % (d.get("path", ""), d.get("start_line", 0), d.get("start_column", 0), d["type"], d["message"]))'
  done | LC_ALL=C sort
} > buf-1.75-findings.txt
echo "wrote $(pwd)/buf-1.75-findings.txt ($(grep -vc '^#' buf-1.75-findings.txt) findings)"
