#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# make install PREFIX=... gives a working installation: the program runs,
# REQUIRE finds files in <prefix>/share/xforth/lib (lib/ of the source tree
# is installed there, and HELP reads it), the man page is there,
# and a #!/usr/bin/env xforth script runs with its arguments and exit status.
set -u
cd "$(dirname "$0")/../.."
prefix=$(mktemp -d)
work=$(mktemp -d)
trap 'rm -rf "$prefix" "$work"' EXIT
make -s install PREFIX="$prefix" >"$work/log" 2>&1 || { cat "$work/log"; exit 1; }
[ -x "$prefix/bin/xforth" ] || { echo "no bin/xforth"; exit 1; }
[ -d "$prefix/share/xforth/lib" ] || { echo "no share/xforth/lib"; exit 1; }
man -l "$prefix/share/man/man1/xforth.1" 2>/dev/null | grep -q 'xforth - a Forth-2012 system' \
    || grep -q '^\.TH XFORTH 1' "$prefix/share/man/man1/xforth.1" || { echo "no man page"; exit 1; }
echo ': from-lib ( -- n ) 42 ;' > "$prefix/share/xforth/lib/installed-test.fs"
cd "$work"
out=$("$prefix/bin/xforth" -e 'require installed-test.fs from-lib . bye' 2>&1)
[ "$out" = "42 " ] || { echo "REQUIRE from the library: '$out'"; exit 1; }
# The library of the source tree is installed, and HELP and REQUIRE find it there.
[ -f "$prefix/share/xforth/lib/random.fs" ] || { echo "lib/random.fs not installed"; exit 1; }
out=$("$prefix/bin/xforth" -e 'help choose bye' 2>&1)
[[ $out == *"choose ( u1 -- u2 )"* && $out == *"REQUIRE random.fs"* ]] || { echo "HELP of a library word: '$out'"; exit 1; }
out=$("$prefix/bin/xforth" -e 'require random.fs 1 seed! random hex u. 5 choose 5 u< . bye' 2>&1)
[ "$out" = "47E4CE4B896CDD1D -1 " ] || { echo "REQUIRE random.fs: '$out'"; exit 1; }
printf '#!/usr/bin/env xforth\nnext-arg type space next-arg type cr 3 (bye)\n' > script
chmod +x script
out=$(PATH="$prefix/bin:$PATH" ./script one two 2>&1); rc=$?
[ "$out" = "one two" ] && [ $rc = 3 ] || { echo "script: '$out', status $rc"; exit 1; }
