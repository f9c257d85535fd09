#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs the Forth-2012 test suite (../shared/forth2012-test-suite, or
# $XFORTH_SUITE) from a temporary copy, under the default compiler and -O0:
#   - prelimtest.fth, which reports by itself;
#   - runtests.fth, the whole suite, whose closing error report gives the
#     errors of each word set (a word set whose tests never ran shows "-");
#   - the floating-point programs of src/fp.
# Prints one line per result: "SUITE <name> <passed> <failed>".
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
    out=$(timeout 60 "$XF" $opt prelimtest.fth -e bye 2>&1 < /dev/null)
    if grep -q '^0 tests failed out of' <<< "$out" && ! grep -q '^Error' <<< "$out"; then
        echo "SUITE ${tag}prelimtest 1 0"
    else
        echo "$out" | grep -E '^Error|error' | head
        echo "SUITE ${tag}prelimtest 0 1"
    fi

    rm -f blocks.fb
    out=$(timeout 240 "$XF" $opt runtests.fth -e bye 2>&1 < /dev/null)
    report=$(sed -n '/Error Report/,/^Total/p' <<< "$out")
    if [ -z "$report" ]; then
        echo "$out" | tail -15
        echo "SUITE ${tag}runtests 0 1"
    else
    echo "$out" | grep -E 'INCORRECT RESULT|WRONG NUMBER|error:' | head -20
    while IFS= read -r line; do
        [[ $line =~ ^([A-Za-z][A-Za-z -]*[a-z])\ +(-|[0-9]+)$ ]] || continue
        set_name=${BASH_REMATCH[1]// /-}
        errors=${BASH_REMATCH[2]}
        [ "$set_name" = Total ] && continue
        if [ "$errors" = 0 ]; then
            echo "SUITE ${tag}$set_name 1 0"
        else
            echo "SUITE ${tag}$set_name 0 1"
        fi
    done <<< "$report"
    fi

    # Floating point: each program after fp/ttester.fs (tests/suite-compat.fs
    # defines words of other word sets only where they are missing). Failures
    # are the lines ttester reports; a program passes when it printed none and
    # ran to its end.
    for prog in ak-fp-test.fth fatan2-test.fs ieee-arith-test.fs ieee-fprox-test.fs \
                fpzero-test.4th to-float-test.4th fpio-test.4th; do
        out=$(cd fp && timeout 60 "$XF" $opt "$here/tests/suite-compat.fs" ttester.fs "$prog" \
              -e 'cr .( SUITE-END ) cr bye' 2>&1 < /dev/null)
        fails=$(grep -cE 'INCORRECT|WRONG NUMBER|NUMBER OF' <<< "$out")
        if [ "$fails" = 0 ] && grep -q '^SUITE-END' <<< "$out"; then
            echo "SUITE ${tag}fp/${prog%.*} 1 0"
        else
            echo "$out" | grep -E 'INCORRECT|WRONG|NUMBER OF|error' | head -20
            echo "SUITE ${tag}fp/${prog%.*} 0 1"
        fi
    done
done
