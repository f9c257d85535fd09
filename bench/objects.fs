\ SPDX-License-Identifier: MIT
\ Defining words (CREATE DOES>), VALUEs and DEFERred words at work: a
\ 64-bit LCG in a VALUE, a DEFERred mixer switched with IS every 256 steps,
\ a histogram of the top 10 bits of the mixed numbers (an array made by a
\ defining word), counters that count when executed, and a running total
\ in a VALUE. Prints the total, the two counters and the sum of the squares
\ of the histogram's counts.

: array ( n "name" -- )   create cells allot  does> ( i -- addr ) swap cells + ;
: counter ( "name" -- )   create 0 ,  does> ( -- ) 1 swap +! ;

1024 array hist
counter evens  counter odds
0 value seed
0 value total
defer mix ( u -- u' )

: mix-a ( u -- u' )  dup 7 lshift xor ;
: mix-b ( u -- u' )  dup 9 rshift xor ;
: rand ( -- u )  seed 6364136223846793005 * 1442695040888963407 +  dup to seed ;

: step ( -- )
  rand mix 54 rshift            ( bucket )
  dup 1 and if odds else evens then
  dup total + to total
  hist 1 swap +! ;

: run ( n -- )
  0 hist 1024 cells erase
  0 ?do
    i 255 and 0= if  i 256 and if ['] mix-a else ['] mix-b then is mix  then
    step
  loop
  0  1024 0 do  i hist @ dup * +  loop
  ." objects " total 0 .r space
  ['] evens >body @ 0 .r space  ['] odds >body @ 0 .r space
  0 .r cr ;
: main ( -- ) 100000000 run ;
: small-main ( -- ) 100000 run ;
