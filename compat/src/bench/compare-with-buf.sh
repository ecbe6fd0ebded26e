#!/usr/bin/env bash
# Whole-process timing of `protoshift-compat check` and `buf breaking` on the same descriptor images
# (the synthetic schema the bench profile writes to compat/target/bench/).
#
# Usage (from the repository root, after ./mvnw -B -ntp -pl compat -am -Pbench verify -DskipTests):
#   BUF=/path/to/buf compat/src/bench/compare-with-buf.sh [RUNS]
# Runs are interleaved (protoshift, buf, protoshift, ...) so both see the same machine load; prints
# each run, the medians and their ratio.
set -euo pipefail
cd "$(dirname "$0")/../../.."
RUNS=${1:-5}
BUF=${BUF:-buf}
JAR=$(ls compat/target/protoshift-compat-*-cli.jar | head -1)
DIR=compat/target/bench
[ -f "$DIR/current.binpb" ] || { echo "no $DIR/current.binpb: run the bench profile first" >&2; exit 2; }

seconds() { # command... -> wall seconds; checks the command found the known breaks (exit 1; buf: 100)
  local start end rc
  start=$(date +%s%N)
  set +e; "$@" >/dev/null 2>&1; rc=$?; set -e
  end=$(date +%s%N)
  [ "$rc" -eq 1 ] || [ "$rc" -eq 100 ] || { echo "unexpected exit code $rc from: $*" >&2; exit 2; }
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f\n", (e - s) / 1e9 }'
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

echo "protoshift: $(java -jar "$JAR" check "$DIR/current.binpb" --against "$DIR/previous.binpb" 2>/dev/null | wc -l) findings;" \
  "buf: $("$BUF" breaking "$DIR/current.binpb" --against "$DIR/previous.binpb" 2>/dev/null | wc -l) findings"
ours=(); theirs=()
for i in $(seq "$RUNS"); do
  ours+=("$(seconds java -jar "$JAR" check "$DIR/current.binpb" --against "$DIR/previous.binpb")")
  theirs+=("$(seconds "$BUF" breaking "$DIR/current.binpb" --against "$DIR/previous.binpb")")
  echo "run $i: protoshift ${ours[-1]} s, buf ${theirs[-1]} s"
done
o=$(printf '%s\n' "${ours[@]}" | median)
t=$(printf '%s\n' "${theirs[@]}" | median)
echo "median: protoshift $o s, buf $t s, buf/protoshift = $(awk -v t="$t" -v o="$o" 'BEGIN { printf "%.1f", t / o }')x"
