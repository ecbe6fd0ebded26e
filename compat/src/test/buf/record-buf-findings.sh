#!/usr/bin/env bash
# Records what buf reports on the rule fixtures, the reference RulesTest compares protoshift with:
# compat/src/test/resources/breaking/buf-1.75-findings.txt (every rule run alone over all fixtures).
# The tests never run buf; run this after adding or changing a fixture, then review the diff and
# update expected/<RULE>.txt (what the rule's own fixture shows) to match.
#
# Usage (from anywhere; docs/compat.md):
#   npm install --no-save --prefix target/buf @bufbuild/buf@1.75.0
#   BUF=target/buf/node_modules/.bin/buf compat/src/test/buf/record-buf-findings.sh
# Needs: buf 1.75.0 ($BUF, a path or a command name; default buf); protoc 4.36.2 ($PROTOC, else the
# compat CLI's cache ($PROTOSHIFT_CACHE, default ~/.cache/protoshift), else the one the Maven build
# fetched into ~/.m2); protobuf-java 4.36.2 in ~/.m2 (any build has it); python3 and unzip.
# Fails, leaving the fixture as it was, if a tool is missing, buf or protoc fails, or buf reports nothing.
set -euo pipefail

die() { echo "record-buf-findings: $*" >&2; exit 2; }

# Resolve every tool before the cd below: a relative BUF=node_modules/.bin/buf names a file in the
# caller's directory.
resolve() { # NAME VALUE -> absolute path of an executable
  local path
  if [[ "$2" == */* ]]; then
    path=$(realpath -e -- "$2" 2>/dev/null) || die "$1=$2: no such file (relative to $PWD)"
  else
    path=$(command -v -- "$2") || die "$1=$2: not on the PATH (npm install --no-save --prefix target/buf @bufbuild/buf@1.75.0, then BUF=target/buf/node_modules/.bin/buf)"
  fi
  [ -x "$path" ] || die "$1=$2: $path is not executable"
  echo "$path"
}
BUF=$(resolve BUF "${BUF:-buf}")
version=$("$BUF" --version 2>&1) || die "$BUF --version failed: $version"
[ "$version" = "1.75.0" ] || die "the fixture records buf 1.75.0, $BUF is $version"

M2=${MAVEN_REPO:-$HOME/.m2/repository}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -n "${PROTOC:-}" ]; then
  PROTOC=$(resolve PROTOC "$PROTOC")
else
  cached=$(ls "${PROTOSHIFT_CACHE:-$HOME/.cache/protoshift}"/protoc/4.36.2/protoc-4.36.2-* 2>/dev/null | head -1 || true)
  fetched=$(ls "$M2"/com/google/protobuf/protoc/4.36.2/protoc-4.36.2-*.exe 2>/dev/null | head -1 || true)
  if [ -n "$cached" ]; then
    PROTOC=$(resolve PROTOC "$cached")
  elif [ -n "$fetched" ]; then
    cp "$fetched" "$work/protoc" && chmod +x "$work/protoc" && PROTOC=$work/protoc
  else
    die "no protoc 4.36.2: set PROTOC, or run ./mvnw -B -ntp -pl proto generate-sources once (it fetches one into $M2)"
  fi
fi
"$PROTOC" --version | grep -qx 'libprotoc 36.2' || die "PROTOC=$PROTOC is not protoc 4.36.2 ($("$PROTOC" --version))"
JAVA_PROTOS=$M2/com/google/protobuf/protobuf-java/4.36.2/protobuf-java-4.36.2.jar
[ -f "$JAVA_PROTOS" ] || die "no $JAVA_PROTOS: build once (./mvnw -B -ntp -pl proto -am package -DskipTests)"
command -v python3 >/dev/null || die "python3 is needed to read buf's JSON output"
command -v unzip >/dev/null || die "unzip is needed to read the well-known types from $JAVA_PROTOS"

cd "$(dirname "$0")/../resources/breaking"
mkdir -p "$work/include/google/protobuf"
unzip -q -o -d "$work/include" "$JAVA_PROTOS" 'google/protobuf/*.proto'
for side in previous current; do
  (cd "$side" && "$PROTOC" -I. -I"$work/include" --include_imports --include_source_info --retain_options \
    -o "$work/$side.binpb" $(find . -name '*.proto' | sed 's|^\./||' | sort))
done
rules=$(sed -n 's/.*"id":"\([A-Z0-9_]*\)".*/\1/p' buf-1.75-rules.jsonl)
[ -n "$rules" ] || die "no rule ids in $(pwd)/buf-1.75-rules.jsonl"
out=$work/findings.txt
{
  echo "# buf 1.75.0 breaking findings on previous/ -> current/ (descriptor images from protoc 36.2), each rule run alone."
  echo "# path:line:column:RULE:message (path is empty where buf has no current file to point at)"
  for rule in $rules; do
    # buf exits 100 when it reports findings, 0 when there are none; anything else is a failure.
    status=0
    (cd "$work" && "$BUF" breaking current.binpb --against previous.binpb --error-format json \
      --config "{\"version\":\"v2\",\"breaking\":{\"use\":[\"$rule\"]}}") > "$work/$rule.json" || status=$?
    [ "$status" -eq 0 ] || [ "$status" -eq 100 ] || die "buf failed on rule $rule (exit $status); see the message above"
    python3 -c 'import json,sys
for l in sys.stdin:
    d = json.loads(l)
    print("%s:%s:%s:%s:%s" % (d.get("path", ""), d.get("start_line", 0), d.get("start_column", 0), d["type"], d["message"]))' < "$work/$rule.json"
  done | LC_ALL=C sort
} > "$out"
count=$(grep -vc '^#' "$out" || true)
[ "$count" -gt 0 ] || die "buf reported no finding at all; $(pwd)/buf-1.75-findings.txt left as it was"
mv "$out" buf-1.75-findings.txt
echo "wrote $(pwd)/buf-1.75-findings.txt ($count findings)"
