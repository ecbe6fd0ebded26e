#!/usr/bin/env bash
# Whole-process timing of `protoshift-compat check` and `buf breaking` on the same descriptor images
# (the synthetic schema the bench profile writes to compat/target/bench/).
#
# Usage (from the repository root, after ./mvnw -B -ntp -pl compat -am -Pbench verify -DskipTests):
#   BUF=target/buf/node_modules/.bin/buf compat/src/bench/compare-with-buf.sh [RUNS]
# Runs are interleaved (protoshift, buf, protoshift, ...) so both see the same machine load. Prints
# each run's wall and CPU (user + system) seconds, the medians and their ratios.
set -euo pipefail
RUNS=${1:-5}
# Resolved before the cd below: a relative BUF names a file in the caller's directory.
given=${BUF:-buf}
if [[ "$given" == */* ]]; then
  BUF=$(realpath -e -- "$given" 2>/dev/null) || { echo "BUF=$given: no such file (relative to $PWD)" >&2; exit 2; }
else
  BUF=$(command -v -- "$given") || { echo "BUF=$given: not on the PATH" >&2; exit 2; }
fi
cd "$(dirname "$0")/../../.."
JAR=$(ls compat/target/protoshift-compat-*-cli.jar | head -1)
DIR=compat/target/bench
[ -f "$DIR/current.binpb" ] || { echo "no $DIR/current.binpb: run the bench profile first" >&2; exit 2; }

measure() { # command... -> "wall cpu"; the command must report the known breaks (exit 1; buf: 100)
  local TIMEFORMAT='%R %U %S' out rc
  set +e
  out=$( { time "$@" >/dev/null 2>&1; } 2>&1 ); rc=$?
  set -e
  # The exit code of `time` is the command's.
  [ "$rc" -eq 1 ] || [ "$rc" -eq 100 ] || { echo "unexpected exit code $rc from: $*" >&2; exit 2; }
  echo "$out" | awk '{ printf "%.2f %.2f\n", $1, $2 + $3 }'
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

echo "protoshift: $(java -jar "$JAR" check "$DIR/current.binpb" --against "$DIR/previous.binpb" 2>/dev/null | wc -l) findings;" \
  "buf: $("$BUF" breaking "$DIR/current.binpb" --against "$DIR/previous.binpb" 2>/dev/null | wc -l) findings"
ow=(); oc=(); tw=(); tc=()
for i in $(seq "$RUNS"); do
  read -r w c < <(measure java -jar "$JAR" check "$DIR/current.binpb" --against "$DIR/previous.binpb"); ow+=("$w"); oc+=("$c")
  read -r w c < <(measure "$BUF" breaking "$DIR/current.binpb" --against "$DIR/previous.binpb"); tw+=("$w"); tc+=("$c")
  echo "run $i: protoshift ${ow[-1]} s wall, ${oc[-1]} s CPU; buf ${tw[-1]} s wall, ${tc[-1]} s CPU"
done
m() { printf '%s\n' "$@" | median; }
OW=$(m "${ow[@]}"); OC=$(m "${oc[@]}"); TW=$(m "${tw[@]}"); TC=$(m "${tc[@]}")
echo "median wall: protoshift $OW s, buf $TW s, buf/protoshift $(awk -v a="$TW" -v b="$OW" 'BEGIN{printf "%.1f", a/b}')x"
echo "median CPU:  protoshift $OC s, buf $TC s, buf/protoshift $(awk -v a="$TC" -v b="$OC" 'BEGIN{printf "%.1f", a/b}')x"
