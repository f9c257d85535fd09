#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# make bench: times each bench/NAME.fs under xforth against bench/NAME.c
# (gcc -O2 and gcc -O2 -fno-tree-vectorize; the faster is the reference)
# and, when installed, gforth-fast; then start-up time, compile speed and
# peak memory. Every run's output must equal bench/expected/NAME.out.
#
#   bash bench/run.sh               the whole benchmark (several minutes)
#   bash bench/run.sh --expected    rewrite bench/expected/ from the C programs
#
# Environment: XFORTH (default ./xforth), BENCH_ROUNDS (default 5),
# BENCH_PROGRAMS (default: all, in the order below), BENCH_GFORTH (default
# gforth-fast; empty to leave Gforth out).
set -u
cd "$(dirname "$0")/.."

XF=${XFORTH:-./xforth}
ROUNDS=${BENCH_ROUNDS:-5}
CLASSIC="sieve bubble matrix fib"
PROGRAMS=${BENCH_PROGRAMS:-"$CLASSIC tak strings objects catch nbody hashtable"}
GF=${BENCH_GFORTH-gforth-fast}
OUT=build/bench
STARTUP_RUNS=41
GEN_LINES=100000

# The arguments that make each C program do what small-main does in Forth.
declare -A SMALL=([sieve]="3" [bubble]="1" [matrix]="1" [fib]="2 20" [tak]="2 18 12 6"
                  [strings]="3" [objects]="100000" [catch]="10000" [nbody]="1000" [hashtable]="1")

die() { echo "bench: $*" >&2; exit 1; }

# -- Build the C programs and the tools -----------------------------------------
[ -x "$XF" ] || die "no $XF (run make first)"
mkdir -p "$OUT"
gcc -O2 -Wall -Wextra -o "$OUT/timeit" bench/tools/timeit.c || die "cannot build timeit"
g++ -O2 -Wall -Wextra -o "$OUT/empty" bench/tools/empty.cpp -lreadline || die "cannot build empty"
for p in $PROGRAMS; do
    [ -f "bench/$p.fs" ] && [ -f "bench/$p.c" ] || die "no bench/$p.fs or bench/$p.c"
    gcc -O2 -Wall -Wextra -o "$OUT/$p-O2" "bench/$p.c" -lm || die "cannot build $p.c"
    gcc -O2 -fno-tree-vectorize -Wall -Wextra -o "$OUT/$p-novec" "bench/$p.c" -lm || die "cannot build $p.c"
done

if [ "${1:-}" = --expected ]; then
    for p in $PROGRAMS; do
        "$OUT/$p-O2" > "bench/expected/$p.out"
        "$OUT/$p-O2" ${SMALL[$p]} > "bench/expected/$p.small"
        echo "bench/expected/$p.out: $(cat "bench/expected/$p.out")   small: $(cat "bench/expected/$p.small")"
    done
    exit 0
fi

if [ -n "$GF" ] && ! command -v "$GF" > /dev/null; then
    echo "($GF is not installed: apt-get install gforth; its column stays empty)"
    GF=""
fi

# -- Which programs xforth can run: the words a "\ Needs:" line names --------
declare -A SKIP
for p in $PROGRAMS; do
    missing=""
    for w in $(sed -n 's/^\\ Needs: //p' "bench/$p.fs"); do
        [ "$("$XF" -e "[DEFINED] $w . bye" 2>/dev/null)" = "-1 " ] || missing="$missing $w"
    done
    [ -n "$missing" ] && SKIP[$p]="xforth lacks$missing"
done

# -- Timed runs, in alternation -------------------------------------------------
# Each run appends "wall-ns rss-kib cpu-ns" to $OUT/times/IMPL.PROG; a
# wrong output or a non-zero exit status is reported at once and counted.
rm -rf "$OUT/times"
mkdir -p "$OUT/times"
mismatches=0

command_for() {   # impl prog -> the command line, in the array CMD
    case $1 in
        xforth) CMD=("$XF" "bench/$2.fs" -e "main bye") ;;
        c-O2) CMD=("$OUT/$2-O2") ;;
        c-novec) CMD=("$OUT/$2-novec") ;;
        gforth) CMD=("$GF" "./bench/$2.fs" -e "main bye") ;;   # ./ : Gforth has its own fib.fs etc.
    esac
}

run_one() {   # impl prog
    command_for "$1" "$2"
    "$OUT/timeit" "$OUT/result" "${CMD[@]}" > "$OUT/stdout" 2> "$OUT/stderr"
    read -r ns kib cpu status < "$OUT/result"
    if [ "$status" != 0 ] || ! cmp -s "$OUT/stdout" "bench/expected/$2.out"; then
        mismatches=$((mismatches + 1))
        echo "!!! MISMATCH: $2 under $1 (exit status $status)"
        echo "!!!   expected: $(cat "bench/expected/$2.out")"
        echo "!!!   got:      $(head -c 300 "$OUT/stdout")"
        head -5 "$OUT/stderr" | sed 's/^/!!!   /'
        return
    fi
    echo "$ns $kib $cpu" >> "$OUT/times/$1.$2"
}

impls="c-O2 c-novec"
[ -n "$GF" ] && impls="$impls gforth"
echo "make bench: $ROUNDS rounds of: $PROGRAMS"
for p in $PROGRAMS; do
    [ -n "${SKIP[$p]:-}" ] && echo "  $p: xforth column skipped, ${SKIP[$p]}"
done
for ((r = 1; r <= ROUNDS; r++)); do
    printf '  round %d/%d:' "$r" "$ROUNDS"
    for p in $PROGRAMS; do
        printf ' %s' "$p"
        [ -z "${SKIP[$p]:-}" ] && run_one xforth "$p"
        for i in $impls; do run_one "$i" "$p"; done
    done
    echo
done

# -- Statistics -------------------------------------------------------------------
median() {   # file column -> the median (the lower middle one), or nothing
    [ -s "$1" ] || return
    awk -v c="$2" '{print $c}' "$1" | sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'
}
maxcol() {   # file column -> the largest value
    [ -s "$1" ] && awk -v c="$2" 'BEGIN {m = 0} $c > m {m = $c} END {print m}' "$1"
}
secs() { [ -n "$1" ] && awk -v n="$1" 'BEGIN {printf "%.3f", n / 1e9}' || printf -- '-'; }
ratio() { [ -n "$1" ] && [ -n "$2" ] && awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}' || printf -- '-'; }
geomean() {   # ratios... -> their geometric mean
    [ $# = 0 ] && { printf -- '-'; return; }
    printf '%s\n' "$@" | awk '{s += log($1); n++} END {printf "%.2f", exp(s / n)}'
}

table() {   # column (1 wall-clock, 3 CPU time) title
    echo
    echo "$2"
    printf '%-10s %8s %8s %5s %11s %9s %18s %11s\n' program xforth C "(C)" gforth-fast xforth/C gforth-fast/xforth "xforth RSS"
    local p x o2 nv c cv g rss set xs gs label
    declare -A XC GX
    for p in $PROGRAMS; do
        x=$(median "$OUT/times/xforth.$p" "$1")
        o2=$(median "$OUT/times/c-O2.$p" "$1")
        nv=$(median "$OUT/times/c-novec.$p" "$1")
        c=$o2 cv="O2"
        if [ -n "$nv" ] && { [ -z "$o2" ] || [ "$nv" -lt "$o2" ]; }; then c=$nv cv="nv"; fi
        [ -z "$c" ] && cv="-"
        g=$( [ -n "$GF" ] && median "$OUT/times/gforth.$p" "$1")
        rss=$(maxcol "$OUT/times/xforth.$p" 2)
        XC[$p]=$(ratio "$x" "$c")
        GX[$p]=$(ratio "$g" "$x")
        printf '%-10s %8s %8s %5s %11s %9s %18s %11s\n' "$p" "$(secs "$x")" "$(secs "$c")" "$cv" "$(secs "$g")" \
            "${XC[$p]}" "${GX[$p]}" "$( [ -n "$rss" ] && awk -v k="$rss" 'BEGIN {printf "%.1f MiB", k / 1024}' || printf -- '-')"
    done
    for set in classic all; do
        xs=() gs=()
        for p in $PROGRAMS; do
            [ $set = classic ] && [[ " $CLASSIC " != *" $p "* ]] && continue
            [ "${XC[$p]}" != - ] && xs+=("${XC[$p]}")
            [ "${GX[$p]}" != - ] && gs+=("${GX[$p]}")
        done
        label="geomean (all ${#xs[@]} with xforth times)"
        [ $set = classic ] && label="geomean (classic four)"
        printf '%-44s %9s %18s\n' "$label" "$(geomean "${xs[@]}")" "$(geomean "${gs[@]}")"
    done
}

table 1 "Median wall-clock seconds of $ROUNDS runs (the whole process, start-up included):"
table 3 "The same runs, median user+system CPU seconds (less disturbed by other load):"
echo "(C) = the faster C build: O2 = gcc -O2, nv = gcc -O2 -fno-tree-vectorize. RSS = largest max RSS."
for p in $PROGRAMS; do
    [ -n "${SKIP[$p]:-}" ] && echo "$p: no xforth time, ${SKIP[$p]}."
done
echo "Load average now: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs."

# -- Start-up ------------------------------------------------------------------------
echo
rm -f "$OUT/times/"{startup,compile}.*
timed() {   # file command... : one run, its result line appended to file
    local f=$1
    shift
    "$OUT/timeit" "$OUT/result" "$@" > /dev/null 2>&1 && cat "$OUT/result" >> "$f"
}
for ((r = 0; r < STARTUP_RUNS; r++)); do
    timed "$OUT/times/startup.xforth" "$XF" -e bye
    timed "$OUT/times/startup.empty" "$OUT/empty"
    [ -n "$GF" ] && timed "$OUT/times/startup.gforth" "$GF" -e bye
done
startup() {   # name file -> "name: W ms wall, C ms CPU, R MiB"
    awk -v w="$(median "$2" 1)" -v c="$(median "$2" 3)" -v k="$(median "$2" 2)" -v n="$1" \
        'BEGIN {printf "  %-58s %6.2f ms wall, %6.2f ms CPU, %5.1f MiB RSS\n", n, w / 1e6, c / 1e6, k / 1024}'
}
echo "Start-up, median of $STARTUP_RUNS runs:"
startup "xforth -e bye" "$OUT/times/startup.xforth"
startup "a do-nothing C++ program linking libreadline and libstdc++" "$OUT/times/startup.empty"
[ -n "$GF" ] && startup "$GF -e bye" "$OUT/times/startup.gforth"

# -- Compile speed --------------------------------------------------------------------
# GEN_LINES colon definitions, each calling the previous one, in five shapes.
gen=$(mktemp /tmp/xforth-bench-gen.XXXXXX.fs)
awk -v n="$GEN_LINES" 'BEGIN {
    print ": g0 ( n -- n ) 1+ ;"
    for (i = 1; i < n; i++) {
        p = i - 1; m = i % 5
        if (m == 0) printf ": g%d ( n -- n ) dup 1+ swap 2* + g%d ;\n", i, p
        else if (m == 1) printf ": g%d ( n -- n ) g%d 3 * 7 xor ;\n", i, p
        else if (m == 2) printf ": g%d ( n -- n ) dup 0< if negate then g%d ;\n", i, p
        else if (m == 3) printf ": g%d ( n -- n ) 0 swap 10 0 do over i + + loop nip g%d ;\n", i, p
        else printf ": g%d ( n -- n ) begin dup 100 > while 2/ repeat g%d 1- ;\n", i, p
    } }' > "$gen"
for ((r = 0; r < 3; r++)); do
    timed "$OUT/times/compile.xforth" "$XF" "$gen" -e bye
    # Gforth's default dictionary (about 4 MB) holds only some 60000 of these.
    [ -n "$GF" ] && timed "$OUT/times/compile.gforth" "$GF" -m 256M "$gen" -e bye
done
compiled() {   # name file startup-file -> lines per second, start-up subtracted
    if [ ! -s "$2" ] || [ "$(awk '{print $4}' "$2" | sort -u)" != 0 ]; then
        printf '  %-14s failed\n' "$1"
        return
    fi
    awk -v w="$(median "$2" 1)" -v c="$(median "$2" 3)" -v sw="$(median "$3" 1)" -v sc="$(median "$3" 3)" \
        -v k="$(median "$2" 2)" -v n="$GEN_LINES" -v name="$1" 'BEGIN {
        printf "  %-14s %8.0f lines/s wall (%.2f s), %8.0f lines/s CPU (%.2f s), %5.1f MiB RSS\n",
            name, n / ((w - sw) / 1e9), (w - sw) / 1e9, n / ((c - sc) / 1e9), (c - sc) / 1e9, k / 1024 }'
}
echo "Compile speed: $GEN_LINES lines of colon definitions, median of 3 loads, start-up subtracted:"
compiled xforth "$OUT/times/compile.xforth" "$OUT/times/startup.xforth"
[ -n "$GF" ] && compiled "$GF" "$OUT/times/compile.gforth" "$OUT/times/startup.gforth"
rm -f "$gen"

echo
if [ "$mismatches" != 0 ]; then
    echo "!!! $mismatches run(s) printed the wrong result: see the MISMATCH lines above"
    exit 1
fi
echo "All outputs matched bench/expected/."
