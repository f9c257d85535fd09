#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# --gdb registers compiled code through GDB's JIT interface: gdb's bt names
# the Forth words active at a breakpoint in a C++ helper (reached through
# the shared helper stub, "(helper)"; through >R, a DO
# loop and a helper call, which move rsp) and at a fault in a word with
# locals, down to the CATCH frame the trampoline runs them in (Forth runs on
# a return stack of its own, asm/runtime.cpp, where gdb's unwinding ends);
# info symbol names a word's address,
# also where MARKER dropped an older word.
# Without --gdb, gdb knows no word.
XF=$1
if ! command -v gdb >/dev/null; then
    echo "gdb-jit: skipped, gdb is not installed (apt-get install gdb)"
    exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/words.fs" <<'FS'
marker forget-me
: gone ( -- ) 1 >r 2 . 3 . 4 . 5 . 6 . 7 . 8 . r> drop ;
forget-me   \ its object is unregistered, and leaf takes its place
: leaf ( -- ) 7 >r .s r> drop ;
: mid ( -- ) 2 0 do leaf loop ;
: top ( -- ) mid mid ;
: with-locals {: a b :} a b + 0 ! ;
: crash ( -- ) 1 2 with-locals 0 . ;
top crash bye
FS
run_gdb() {   # xforth options...
    timeout 100 gdb -batch -nx -ex 'set pagination off' -ex 'break xf::dot_s' -ex run -ex bt \
        -ex 'frame function leaf' -ex 'info symbol $pc' -ex delete -ex continue -ex bt \
        --args "$XF" "$@" "$work/words.fs" 2>&1
}
# The functions of each bt, one line per bt: "#N  0xADDR in NAME ()" -> NAME,
# for N = 0, 1, 2 ... in a row (frame's own "#3 ..." line is not a bt).
frames() {
    awk '/^#0 / { if (line != "") print line; line = ""; next_n = 0 }
         /^#[0-9]+ / { n = substr($1, 2) + 0; if (n != next_n) next
                       sub(/ \(\)$/, ""); sub(/^.* in /, ""); line = line " " $0; next_n = n + 1 }
         END { print line }'
}

out=$(run_gdb --gdb)
bts=$(frames <<< "$out")
first=$(sed -n 1p <<< "$bts")
second=$(sed -n 2p <<< "$bts")
fail() { echo "gdb-jit: $1"; echo "$out" | tail -40; exit 1; }
[[ $first == *" xf::dot_s() helper_entry (helper) leaf mid top (catch)"* ]] \
    || fail "the breakpoint's bt was:$first"
[[ $second == " with-locals crash (catch)"* ]] || fail "the fault's bt was:$second"
grep -qE '^leaf \+ [0-9]+ in section \.text' <<< "$out" || fail "info symbol did not name leaf"

out=$(run_gdb)
bts=$(frames <<< "$out")
[[ $bts != *leaf* && $bts == *xf::dot_s* ]] || fail "without --gdb, the bt was: $bts"
exit 0
