#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs the Forth-2012 test suite (../shared/forth2012-test-suite, or
# $XFORTH_SUITE) from a temporary copy, under the default compiler and -O0.
# Prints one line per word set: "SUITE <name> <passed> <failed>", where a word
# set passes when its file ran to the end with zero errors.
set -u
XF=$1
here=$(cd "$(dirname "$0")/.." && pwd)
suite=${XFORTH_SUITE:-$here/../shared/forth2012-test-suite}
if [ ! -d "$suite/src" ]; then
    echo "suite skipped: no test suite at $suite (set XFORTH_SUITE)"
    echo "SUITE missing 0 1"
    exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r "$suite/src/." "$tmp"
cd "$tmp"

for opt in "" "-O0"; do
    tag=${opt:+$opt/}
    # Preliminary tests: their own reporting, no tester.
    out=$(timeout 60 "$XF" $opt prelimtest.fth -e bye 2>&1 < /dev/null)
    if grep -q '^0 tests failed out of' <<< "$out" && ! grep -q '^Error' <<< "$out"; then
        echo "SUITE ${tag}prelimtest 1 0"
    else
        echo "$out" | grep -E '^Error|error' | head
        echo "SUITE ${tag}prelimtest 0 1"
    fi
    # Word sets, each after the ones it builds on; errors counted per file.
    run_set() {   # name files...
        local name=$1; shift
        local out
        out=$(timeout 120 "$XF" $opt tester.fr "$@" -e 'cr .( SUITE-ERRORS ) #errors @ . cr bye' 2>&1 < /dev/null)
        if [[ $out =~ SUITE-ERRORS\ ([0-9]+) ]] && [ "${BASH_REMATCH[1]}" = 0 ]; then
            echo "SUITE ${tag}$name 1 0"
        else
            echo "$out" | grep -E 'INCORRECT|WRONG|error' | head -20
            echo "SUITE ${tag}$name 0 1"
        fi
    }
    run_set core core.fr
    run_set coreplus core.fr coreplustest.fth
    for set in double memory string facility; do
        run_set "$set" core.fr utilities.fth errorreport.fth "${set}test.fth"
    done
done
