#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# SEE shows a colon definition's source as written, over two lines, and the
# x86-64 code it became, with the called word named; and the other kinds.
# (sq is small enough to be inlined; cube touches the return stack, so it
# is called.)
XF=$1
out=$(printf ': sq ( n -- n2 )\n  dup * ;\n: cube ( n -- n3 ) dup >r sq r> * ;\n: quad ( n -- n9 ) cube cube 1+ ;  : later ;\nsee quad see sq\n5 constant five see five\n3 value v see v\ndefer d  %s  see d\n: mk create , does> @ ; 4 mk four see four\nsee dup see emit\nvariable var see var  synonym six five see six\nvocabulary editor see editor\n' "' quad is d" | "$XF" 2>&1)
fail() { echo "SEE: $1"; echo "$out"; exit 1; }
grep -qx ': quad ( n -- n9 ) cube cube 1+ ;' <<<"$out" || fail "source of quad"
grep -qx ': sq ( n -- n2 )' <<<"$out" || fail "first line of sq"
grep -qx '  dup \* ;' <<<"$out" || fail "second line of sq"
[ "$(grep -cE '^  [0-9A-F]+  call +0x[0-9a-f]+ \\ cube$' <<<"$out")" = 2 ] || fail "calls of cube by name"
grep -qE '^  [0-9A-F]+  imul +rbx, rbx$' <<<"$out" || fail "imul in sq"
grep -qE '^  [0-9A-F]+  lea +rbx, \[rbx \+ 1\]$' <<<"$out" || fail "1+ in quad"
grep -qx '5 Constant five' <<<"$out" || fail "constant"
grep -qE 'mov +ebx, 5$' <<<"$out" || fail "constant code"
grep -qx '3 Value v' <<<"$out" || fail "value"
grep -qx "Defer d  ' quad IS d" <<<"$out" || fail "defer"
grep -qx 'four Create ... DOES>' <<<"$out" || fail "does"
grep -qE 'jmp +0x[0-9a-f]+ \\ mk\+[0-9]+$' <<<"$out" || fail "does code named"
grep -qx 'DUP ( x -- x x ) primitive' <<<"$out" || fail "primitive"
grep -qx 'EMIT ( x -- ) built-in' <<<"$out" || fail "built-in"
[ "$(grep -cE '^  [0-9A-F]+  ret' <<<"$out")" -ge 4 ] || fail "ret"
grep -qx 'Variable var' <<<"$out" || fail "variable"
grep -qx '5 Constant six' <<<"$out" || fail "synonym"
grep -qx 'Vocabulary editor' <<<"$out" || fail "vocabulary"
exit 0
