#!/usr/bin/env bash
# Whole-process wall time, CPU time (user + system) and peak memory (maximum resident set size) of
# `protoshift-compat check`, with its fast path and without it (-Dprotoshift.compat.fastPath=false),
# and of `buf breaking`, on the same two descriptor images: by default the synthetic schema the
# bench profile writes to compat/target/bench/, or any PREVIOUS and CURRENT images given.
#
# Usage (after ./mvnw -B -ntp -pl compat -am -Pbench-compat verify -DskipTests, or with two images):
#   BUF=/path/to/buf compat/src/bench/compare-with-buf.sh [RUNS [PREVIOUS.binpb CURRENT.binpb]]
# Runs are interleaved (fast, full, buf, fast, ...) so all three see the same machine load. Checks
# first that the fast and the full path print the same findings. Prints each run's figures, then
# the medians and their ratios. Needs java, GNU time (/usr/bin/time) and buf.
set -euo pipefail

fail() { echo "compare-with-buf: $*" >&2; exit 2; }

# Every path is resolved before anything else (the script never changes directory).
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
RUNS=${1:-1}
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || fail "RUNS must be a positive number, was '$RUNS'"
if [ $# -ge 2 ]; then
  [ $# -eq 3 ] || fail "give both PREVIOUS and CURRENT images, or neither"
  PREVIOUS=$2
  CURRENT=$3
else
  PREVIOUS=$ROOT/compat/target/bench/previous.binpb
  CURRENT=$ROOT/compat/target/bench/current.binpb
fi
for image in "$PREVIOUS" "$CURRENT"; do
  [ -f "$image" ] || fail "no image $image (run the bench profile first: ./mvnw -B -ntp -pl compat -am -Pbench-compat verify -DskipTests)"
done
command -v realpath >/dev/null || fail "realpath not found (coreutils)"
PREVIOUS=$(realpath "$PREVIOUS")
CURRENT=$(realpath "$CURRENT")
command -v java >/dev/null || fail "java not found"
command -v awk >/dev/null || fail "awk not found"
TIME=/usr/bin/time
[ -x "$TIME" ] && "$TIME" --version 2>&1 | grep -q GNU || fail "GNU time not found at $TIME (apt-get install time)"
BUF_COMMAND=$(command -v "${BUF:-buf}") || fail "buf not found ('${BUF:-buf}'): npm install @bufbuild/buf@1.75.0, then BUF=node_modules/.bin/buf"
BUF=$(realpath "$BUF_COMMAND")
JAR=$(ls "$ROOT"/compat/target/protoshift-compat-*-cli.jar 2>/dev/null | head -1 || true)
[ -n "$JAR" ] || fail "no CLI jar in compat/target: ./mvnw -B -ntp -pl compat -am package -DskipTests"

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

FAST=(java -jar "$JAR" check "$CURRENT" --against "$PREVIOUS")
FULL=(java -Dprotoshift.compat.fastPath=false -jar "$JAR" check "$CURRENT" --against "$PREVIOUS")
BUFCHECK=("$BUF" breaking "$CURRENT" --against "$PREVIOUS")

# The exit code when the command ran: 0 or 1 (findings) for protoshift, 0 or 100 for buf.
ran() { [ "$1" -eq 0 ] || [ "$1" -eq 1 ] || [ "$1" -eq 100 ]; }

set +e
"${FAST[@]}" >"$WORK/fast.txt" 2>"$WORK/fast.err"; rc=$?
ran "$rc" || fail "protoshift failed (exit $rc): $(cat "$WORK/fast.err")"
"${FULL[@]}" >"$WORK/full.txt" 2>"$WORK/full.err"; rc=$?
ran "$rc" || fail "protoshift (full path) failed (exit $rc): $(cat "$WORK/full.err")"
"${BUFCHECK[@]}" >"$WORK/buf.txt" 2>"$WORK/buf.err"; rc=$?
ran "$rc" || fail "buf failed (exit $rc): $(cat "$WORK/buf.err")"
set -e
cmp -s "$WORK/fast.txt" "$WORK/full.txt" || fail "the fast and the full path print different findings: diff $WORK/fast.txt $WORK/full.txt"
echo "findings: protoshift $(wc -l <"$WORK/fast.txt") (fast and full path identical), buf $(wc -l <"$WORK/buf.txt")"

measure() { # command... -> "wall cpu rss_mb" from GNU time -v
  local rc
  set +e
  "$TIME" -v -o "$WORK/time.txt" "$@" >/dev/null 2>&1
  rc=$?
  set -e
  ran "$rc" || fail "$* failed (exit $rc)"
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, t, ":"); wall = (n == 3) ? t[1] * 3600 + t[2] * 60 + t[3] : t[1] * 60 + t[2] }
    /User time/ { user = $2 } /System time/ { sys = $2 } /Maximum resident set size/ { rss = $2 / 1024 }
    END { printf "%.2f %.2f %.0f\n", wall, user + sys, rss }' "$WORK/time.txt"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

declare -A figures
for i in $(seq "$RUNS"); do
  line="run $i:"
  for tool in fast full bufcheck; do
    case $tool in # a failed measurement stops the script (set -e on the assignment)
      fast) result=$(measure "${FAST[@]}") ;;
      full) result=$(measure "${FULL[@]}") ;;
      bufcheck) result=$(measure "${BUFCHECK[@]}") ;;
    esac
    read -r w c r <<<"$result"
    figures[$tool,wall]+="$w "; figures[$tool,cpu]+="$c "; figures[$tool,rss]+="$r "
    line+=" $tool $w s wall, $c s CPU, $r MB;"
  done
  echo "$line"
done
m() { printf '%s\n' ${figures[$1,$2]} | median; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
printf '%-28s %10s %10s %10s\n' "median of $RUNS" "wall s" "CPU s" "peak MB"
for tool in fast full bufcheck; do
  printf '%-28s %10s %10s %10s\n' "$tool" "$(m "$tool" wall)" "$(m "$tool" cpu)" "$(m "$tool" rss)"
done
for other in full bufcheck; do
  printf '%-28s %9sx %9sx %9sx\n' "$other / fast" "$(ratio "$(m "$other" wall)" "$(m fast wall)")" \
    "$(ratio "$(m "$other" cpu)" "$(m fast cpu)")" "$(ratio "$(m "$other" rss)" "$(m fast rss)")"
done
