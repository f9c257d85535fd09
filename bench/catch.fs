\ SPDX-License-Identifier: MIT
\ CATCH and THROW in a loop: for each i, GUARDED catches around MIDDLE,
\ which catches around INNER; INNER throws i+1 when i is a multiple of 4,
\ MIDDLE rethrows codes that are multiples of 3. Prints the sum of the
\ results.

: inner ( n -- n+1 )  dup 3 and 0= if 1+ throw then 1+ ;

: middle ( n -- m )
  ['] inner catch ?dup if
    nip  dup 3 mod 0= if throw then  negate
  then 2* ;

: guarded ( n -- m )  ['] middle catch ?dup if nip 3 * then ;

: run ( n -- )  0 swap 0 ?do i guarded + loop  ." catch " 0 .r cr ;
: main ( -- ) 25000000 run ;
: small-main ( -- ) 10000 run ;
