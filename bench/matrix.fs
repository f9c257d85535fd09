\ SPDX-License-Identifier: MIT
\ Integer matrix multiply, 200x200, as in the Stanford integer benchmarks
\ (Intmm, with its Rand and Initmatrix): the two matrices are filled and
\ multiplied N times. Prints the sum over runs of r[run mod 200][run mod
\ 200] and the sum of the last product.

200 constant dim
dim cells constant row   \ bytes in a row
: matrix ( "name" -- ) create dim dim * cells allot ;
matrix ma  matrix mb  matrix mr
variable seed

: rand ( -- u )  seed @ 1309 * 13849 + 65535 and  dup seed ! ;

: initmatrix ( m -- )
  dim dim * cells over + swap do
    rand 120 mod 60 -  i !
  cell +loop ;

: innerproduct ( a-row b-column -- n )   \ a walks along a row, b down a column
  0  dim 0 do
    >r  over @ over @ *  r> +
    >r  row +  swap cell+ swap  r>
  loop nip nip ;

: intmm ( -- )
  74755 seed !  ma initmatrix  mb initmatrix
  dim 0 do
    dim 0 do
      ma j row * +  mb i cells +  innerproduct
      mr j row * + i cells + !
    loop
  loop ;

: element ( i j m -- addr )  rot row * + swap cells + ;

: run ( n -- )
  0 swap 0 ?do  intmm  i dim mod dup mr element @ +  loop
  0  dim 0 do dim 0 do  j i mr element @ +  loop loop
  ." matrix " swap 0 .r space 0 .r cr ;
: main ( -- ) 100 run ;
: small-main ( -- ) 1 run ;
