#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs every test suite of xforth and ends with one line: "N passed, M failed".
#   tests/run.sh ./xforth build/unit_tests build/fuzz
set -u
cd "$(dirname "$0")/.."
XF=$(realpath "$1")
UNIT=$2
FUZZ=$3
total_pass=0
total_fail=0

count() {   # suite passed failed
    printf '%-28s %4d passed, %d failed\n' "$1" "$2" "$3"
    total_pass=$((total_pass + $2))
    total_fail=$((total_fail + $3))
}

# -- Catch2 unit tests ---------------------------------------------------------
out=$("$UNIT" 2>&1)
if [[ $out =~ All\ tests\ passed\ \(([0-9]+)\ assertions?\ in\ ([0-9]+)\ test\ cases?\) ]]; then
    count "unit (Catch2)" "${BASH_REMATCH[2]}" 0
elif [[ $out =~ test\ cases:\ +([0-9]+)\ \|\ +([0-9]+)\ passed\ \|\ +([0-9]+)\ failed ]]; then
    echo "$out" | grep -v '^$' | head -60
    count "unit (Catch2)" "${BASH_REMATCH[2]}" "${BASH_REMATCH[3]}"
else
    echo "$out" | tail -20
    count "unit (Catch2): crashed" 0 1
fi

# -- The project's Forth tests, under the default compiler and under -O0 -------
for opt in "" "-O0"; do
    for f in tests/forth/*.fs; do
        [ "$(basename "$f")" = harness.fs ] && continue
        name="forth ${opt:+$opt }$(basename "$f" .fs)"
        out=$(timeout 60 "$XF" $opt tests/forth/harness.fs "$f" -e "report bye" 2>&1 < /dev/null)
        if [[ $out =~ forth-tests:\ ([0-9]+)\ passed,\ ([0-9]+)\ failed ]]; then
            p=${BASH_REMATCH[1]} fl=${BASH_REMATCH[2]}
            [ "$fl" != 0 ] && echo "$out" | grep -v '^$' | head -40
            count "$name" "$p" "$fl"
        else
            echo "$out" | tail -20
            count "$name: did not finish" 0 1
        fi
    done
done

# -- Transcripts: NAME.fs piped into the prompt must print NAME.out -------------
for f in tests/transcripts/*.fs; do
    name="transcript $(basename "$f" .fs)"
    if [ -n "${XFORTH_SANITIZE:-}" ] && [ "$(basename "$f")" = rstack-underflow.fs ]; then
        echo "$name: skipped under SANITIZE=1: the sanitized build runs Forth on the C++ stack (asm/runtime.cpp)"
        continue
    fi
    expected="${f%.fs}.out"
    args=""
    [ -f "${f%.fs}.args" ] && args=$(cat "${f%.fs}.args")
    actual=$(cd tests/transcripts && timeout 20 "$XF" $args < "$(basename "$f")" 2>&1; rc=$?; echo; echo "exit status $rc")
    if diff -u "$expected" <(echo "$actual") > /tmp/xforth-transcript.diff; then
        count "$name" 1 0
    else
        cat /tmp/xforth-transcript.diff | head -40
        count "$name" 0 1
    fi
done

# -- Benchmark programs at a small size (make bench runs them at full size) -------
# small-main must print bench/expected/NAME.small, under both compilers. A
# program whose "\ Needs:" line names a word xforth lacks is skipped.
for f in bench/*.fs; do
    p=$(basename "$f" .fs)
    missing=""
    for w in $(sed -n 's/^\\ Needs: //p' "$f"); do
        [ "$("$XF" -e "[DEFINED] $w . bye" 2>/dev/null)" = "-1 " ] || missing="$missing $w"
    done
    if [ -n "$missing" ]; then
        count "bench $p: skipped, lacks$missing" 0 0
        continue
    fi
    for opt in "" "-O0"; do
        out=$(timeout 20 "$XF" $opt "$f" -e "small-main bye" 2>&1 < /dev/null)
        if [ "$out" = "$(cat "bench/expected/$p.small")" ]; then
            count "bench ${opt:+$opt }$p" 1 0
        else
            echo "bench ${opt:+$opt }$p: expected '$(cat "bench/expected/$p.small")', got:"
            echo "$out" | head -10
            count "bench ${opt:+$opt }$p" 0 1
        fi
    done
done

# -- The prompt in a real terminal (tmux) ---------------------------------------
for f in tests/tty/*.sh; do
    [ "$(basename "$f")" = lib.sh ] && continue
    name="tty $(basename "$f" .sh)"
    if ! command -v tmux >/dev/null; then
        echo "$name: skipped, tmux is not installed (apt-get install tmux)"
        count "$name" 0 1
    elif out=$(timeout 60 bash "$f" "$XF" 2>&1); then
        count "$name" 1 0
    else
        echo "$out" | tail -30
        count "$name" 0 1
    fi
done

# -- Tool checks: each tests/tools/NAME.sh takes ./xforth and exits 0 on success --
for f in tests/tools/*.sh; do
    name="tools $(basename "$f" .sh)"
    if out=$(timeout 120 bash "$f" "$XF" 2>&1); then
        count "$name" 1 0
    else
        echo "$out" | tail -30
        count "$name" 0 1
    fi
done

# -- A short fuzzing campaign (make fuzz runs a long one) -------------------------
if [ -n "${XFORTH_SANITIZE:-}" ]; then
    echo "fuzz: skipped under SANITIZE=1: the sanitized build is too slow for the fuzzer's time limits"
elif out=$("$FUZZ" --xforth "$XF" --seconds 15 --corpus tests/forth 2>&1) && [[ $out =~ fuzz:\ ([0-9]+)\ inputs,\ 0\ findings ]]; then
    count "fuzz (${BASH_REMATCH[1]} inputs)" 1 0
else
    echo "$out" | tail -20
    count "fuzz" 0 1
fi

# -- The Forth-2012 test suite --------------------------------------------------
bash tests/suite.sh "$XF" > /tmp/xforth-suite.log 2>&1
while read -r tag set p fl; do
    [ "$tag" = SUITE ] && count "suite $set" "$p" "$fl"
done < /tmp/xforth-suite.log
grep -v '^SUITE ' /tmp/xforth-suite.log | grep -E 'INCORRECT|WRONG|error|Error|skipped' | head -40

echo "$total_pass passed, $total_fail failed"
[ "$total_fail" = 0 ]
