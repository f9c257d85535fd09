\ SPDX-License-Identifier: MIT
\ The byte sieve (BYTE magazine, 1981, and the Forth version published with
\ it): 8190 flags for the odd numbers 3, 5, 7, ...; counts the 1899 primes
\ found, repeated N times. Same algorithm and sizes as sieve.c.

8190 constant size
create flags size allot

: primes ( -- n )   \ one pass of the sieve; n = primes found
  flags size 1 fill
  0 size 0 do
    flags i + c@ if
      i dup + 3 +  dup i +
      begin dup size < while  0 over flags + c!  over +  repeat
      2drop 1+
    then
  loop ;

: run ( n -- )   \ n passes; prints the sum of the counts
  0 swap 0 ?do primes + loop  ." sieve " 0 .r cr ;
: main ( -- ) 40000 run ;
: small-main ( -- ) 3 run ;
