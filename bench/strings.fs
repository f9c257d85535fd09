\ SPDX-License-Identifier: MIT
\ String work on a 64 KiB text of the letters a-d: each round copies the
\ text into a work buffer, moves a 1 KiB block in it (overlaps allowed),
\ fills 256 bytes with one letter, counts the places where "dcba" occurs,
\ and compares 64 pairs of windows of random lengths. MOVE FILL SEARCH
\ COMPARE do the byte work. Prints the sums of the counts and of the
\ comparisons, and the sum of the final buffer.
\ Needs: COMPARE SEARCH

65536 constant size
create text size allot
create buf size allot
variable seed  12345 seed !
variable found  variable compared

: rand ( -- u )  seed @ 1103515245 * 12345 + 2147483647 and  dup seed ! ;
: random ( n -- u )  rand swap mod ;

: init-text ( -- )
  size 0 do  rand 16 rshift 4 mod [char] a +  text i + c!  loop ;

: occurrences ( -- n )   \ how many times "dcba" occurs in buf
  0 buf size
  begin s" dcba" search while  1 /string rot 1+ -rot  repeat
  2drop ;

: round ( r -- )
  text buf size move
  size 1024 - random buf +  size 1024 - random buf +   ( from to )
  2dup 1024 move
  rot  size 256 - random buf +  256  rot 4 mod [char] a +  fill
  occurrences found +!
  64 0 do
    size 512 - random buf +  size 512 - random buf +
    512 random  512 random  ( a1 a2 u1 u2 )  >r swap r>  compare  compared +!
  loop
  1024 rot 1024 compare compared +! ;

: run ( n -- )
  init-text  0 found !  0 compared !
  0 ?do i round loop
  0  size 0 do buf i + c@ + loop
  ." strings " found @ 0 .r space compared @ 0 .r space 0 .r cr ;
: main ( -- ) 15000 run ;
: small-main ( -- ) 3 run ;
