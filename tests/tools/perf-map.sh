#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# --perf-map and XFORTH_PERF_MAP=1 write /tmp/perf-PID.map: "START SIZE name"
# in hex without 0x, for the primitives, the built-ins and every definition.
XF=$1
check() {   # pid
    local map=/tmp/perf-$1.map
    [ -f "$map" ] || { echo "no $map"; return 1; }
    local bad
    bad=$(grep -vcE '^[0-9a-f]+ [0-9a-f]+ [^ ].*$' "$map")
    [ "$bad" = 0 ] || { echo "$bad malformed lines:"; grep -vE '^[0-9a-f]+ [0-9a-f]+ [^ ].*$' "$map" | head; return 1; }
    grep -qE '^[0-9a-f]{6,} [0-9a-f]+ perf-test-word$' "$map" || { echo "perf-test-word missing"; return 1; }
    grep -qE ' DUP$' "$map" || { echo "DUP missing"; return 1; }
    grep -qE ' :noname$' "$map" || { echo ":noname missing"; return 1; }
    rm -f "$map"
}
"$XF" --perf-map -e ': perf-test-word 1 ; :noname 2 ; drop bye' & pid=$!
wait $pid && check $pid || exit 1
XFORTH_PERF_MAP=1 "$XF" -e ': perf-test-word 1 ; :noname 2 ; drop bye' & pid=$!
wait $pid && check $pid || exit 1
"$XF" -e 'bye' & pid=$!
wait $pid
[ ! -e /tmp/perf-$pid.map ] || { echo "a map without being asked"; exit 1; }
# perf itself must name the word that takes the time (code memory has to look
# anonymous to perf for it to read the map).
if ! command -v perf >/dev/null || ! perf record -q -o /dev/null true >/dev/null 2>&1; then
    echo "perf-map: perf record/report not checked: perf is not installed or not allowed here"
    exit 0
fi
data=$(mktemp)
perf record -q -o "$data" "$XF" --perf-map -e ': perf-spin 0 200000000 0 do i xor loop drop ; perf-spin bye' >/dev/null 2>&1
top=$(perf report -i "$data" --stdio --sort symbol 2>/dev/null | grep -v '^#' | grep -v '^$' | head -1)
rm -f "$data"
grep -q 'perf-spin' <<<"$top" || { echo "perf report does not name perf-spin first: $top"; exit 1; }
exit 0
