\ SPDX-License-Identifier: MIT
\ Bubble sort of 6000 integers, as in the Stanford integer benchmarks
\ (Bubble, with its Rand and Initarr); the list is filled and sorted N
\ times. Prints the sum over runs of sortlist[run mod 6000], after checking
\ that each sort put the smallest first and the largest last.

6000 constant elements
create sortlist elements cells allot
variable seed  variable biggest  variable littlest

: rand ( -- u )  seed @ 1309 * 13849 + 65535 and  dup seed ! ;

: initarr ( -- )
  74755 seed !  0 biggest !  0 littlest !
  elements 0 do
    rand 100000 mod 50000 -
    dup sortlist i cells + !
    dup biggest @ > if biggest ! else
    dup littlest @ < if littlest ! else drop then then
  loop ;

: bubble ( -- )   \ pass i moves the largest of the first elements-i+1 up
  elements 1 ?do
    sortlist elements i - cells over + swap ?do
      i @ i cell+ @  2dup > if i ! i cell+ ! else 2drop then
    cell +loop
  loop ;

: check ( -- )
  sortlist @ littlest @ <>  sortlist elements 1- cells + @ biggest @ <>  or
  if ." bubble: not sorted" cr then ;

: run ( n -- )
  0 swap 0 ?do
    initarr bubble check  sortlist i elements mod cells + @ +
  loop ." bubble " 0 .r cr ;
: main ( -- ) 24 run ;
: small-main ( -- ) 1 run ;
