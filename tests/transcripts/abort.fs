: check ( flag -- ) abort" value out of range" ;
0 check 1 .
-1 check 2 .
3 .
1 2 3 abort
.s
: t ( -- ) 10 20 quit 30 ;
t
.s
4 .
