\ SPDX-License-Identifier: MIT
\ Takeuchi's function (the Gabriel benchmark form, returning z): deep calls
\ with little work in each. tak(24, 16, 8), N times.

: tak ( x y z -- n )
  over 3 pick < 0= if nip nip exit then   \ y >= x: the answer is z
  2 pick 1- 2 pick 2 pick recurse >r       \ tak(x-1, y, z)
  over 1- over 4 pick recurse >r           \ tak(y-1, z, x)
  dup 1- 3 pick 3 pick recurse             \ tak(z-1, x, y)
  nip nip nip  r> r> swap rot recurse ;

: run ( x y z n -- )   \ tak(x, y, z), n times; prints the sum
  0 swap 0 ?do  >r 2 pick 2 pick 2 pick tak r> +  loop
  nip nip nip  ." tak " 0 .r cr ;
: main ( -- ) 24 16 8 150 run ;
: small-main ( -- ) 18 12 6 2 run ;
