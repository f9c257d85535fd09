#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Leaving xforth keeps the work: BYE (which leaves by quick_exit), (BYE) and
# the end of the input each flush the output and save updated block buffers.
set -u
XF=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
check() {   # how-it-ends code
    rm -f blocks.fb
    out=$("$XF" -e "1 block 65 swap c! update .( unflushed) $2" < /dev/null 2>&1)
    [ "$out" = "unflushed" ] || { echo "$1: printed '$out'"; exit 1; }
    [ "$(dd if=blocks.fb bs=1 skip=1024 count=1 2>/dev/null)" = A ] || { echo "$1: block 1 was not saved"; exit 1; }
}
check BYE bye
check "(BYE)" "0 (bye)"
check "end of input" ""
echo ok
