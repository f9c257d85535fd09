\ SPDX-License-Identifier: MIT
\ Doubly recursive Fibonacci: fib(34), N times.

: fib ( n -- fib[n] )
  dup 2 < if exit then
  dup 1- recurse  swap 2 - recurse + ;

: run ( n arg -- )   \ fib(arg), n times; prints the sum
  0 rot 0 ?do over fib + loop nip  ." fib " 0 .r cr ;
: main ( -- ) 60 34 run ;
: small-main ( -- ) 2 20 run ;
