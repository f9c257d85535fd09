\ SPDX-License-Identifier: MIT
\ CORE words beyond what the standard suite checks.

testing number prefixes and character literals
t{ #10 $10 %10 -> 10 16 2 }t
t{ $-10 #-7 -$ff -> -16 -7 -255 }t
t{ 'a' 'Z' -> 97 90 }t
t{ 1. -1. -> 1 0 -1 -1 }t

testing floored division, as in Gforth
t{ -7 2 / -7 2 mod -> -4 1 }t
t{ 7 -2 /mod -> -1 -4 }t
t{ -7 2 5 */ -> -3 }t

testing DO loops with negative +LOOP steps
: down ( -- ... ) 0 10 do i -3 +loop ;
t{ down -> 10 7 4 1 }t  \ ends when the index crosses the -1/0 boundary
: nested ( -- n ) 0 3 0 do 4 0 do j 10 * i + + loop loop ;
t{ nested -> 138 }t

testing ?DO skips an empty range
: count-up ( n -- count ) 0 swap 0 ?do 1+ loop ;
t{ 0 count-up 5 count-up -> 0 5 }t
