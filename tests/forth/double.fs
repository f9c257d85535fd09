\ SPDX-License-Identifier: MIT
\ DOUBLE and DOUBLE EXT beyond what the standard suite checks: carries
\ across the cell boundary, the extremes, M*/ with negative and large
\ operands, and the defining words under TO and IMMEDIATE.

-1 1 rshift constant max-n
max-n invert constant min-n
-1 max-n 2constant max-d
0 min-n 2constant min-d

\ ------------------------------------------------------------------------------
testing D+ D- carry and borrow across the cell boundary
t{ -1 0 1 0 d+ -> 0 1 }t
t{ 0 1 1 0 d- -> -1 0 }t
t{ max-d 1. d+ -> min-d }t
t{ min-d 1. d- -> max-d }t
t{ -1. -1. d+ -> -2. }t
t{ 5. 7. d- -> -2. }t
: d+d- ( d1 d2 -- d3 d4 ) 2over 2over d+ 2rot 2rot d- ;
t{ 3. 10. d+d- -> 13. -7. }t

testing DNEGATE DABS
t{ 0. dnegate -> 0. }t
t{ 0 1 dnegate -> 0 -1 }t
t{ 1 0 dnegate -> -1 -1 }t
t{ min-d dnegate -> min-d }t
t{ -7. dabs 7. dabs -> 7. 7. }t
t{ 0 -1 dabs -> 0 1 }t
t{ min-d dabs -> min-d }t
: dabs-neg ( d -- d' ) dabs dnegate ;
t{ 12. dabs-neg -12. dabs-neg -> -12. -12. }t

testing D2* D2/ move bits between the cells
t{ min-n 0 d2* -> 0 1 }t
t{ 0 1 d2/ -> min-n 0 }t
t{ 1 -1 d2/ -> min-n -1 }t
t{ -3. d2/ -> -2. }t
t{ max-d d2* -> -2 -1 }t

testing M+ with and without a literal
t{ -1 0 1 m+ -> 0 1 }t
t{ 0 1 -1 m+ -> -1 0 }t
: m+1 ( d -- d' ) 1 m+ ;
: m+-1 ( d -- d' ) -1 m+ ;
: m+big ( d -- d' ) $100000000 m+ ;
t{ -1 0 m+1 -> 0 1 }t
t{ 0 1 m+-1 -> -1 0 }t
t{ 0. m+-1 -> -1. }t
t{ -1 0 m+big -> $FFFFFFFF 1 }t
t{ max-d 1 m+ -> min-d }t

testing D>S
t{ 5. d>s -7. d>s -> 5 -7 }t

testing D0= D0< D= on each cell
t{ 0 1 d0= 1 0 d0= 0. d0= -> 0 0 -1 }t
t{ 0 -1 d0< -1 0 d0< -> -1 0 }t
t{ 1 2 1 2 d= 1 2 1 3 d= 1 2 0 2 d= -> -1 0 0 }t

testing D< DU< decide on the high cell, then the low cell
t{ -1 0 0 1 d< -> -1 }t
t{ 0 1 -1 0 d< -> 0 }t
t{ 0 -1 0 0 d< 0 -1 0 0 du< -> -1 0 }t
t{ 1 5 2 5 du< 2 5 1 5 du< -> -1 0 }t
t{ min-d max-d d< max-d min-d d< -> -1 0 }t
t{ 3. 3. d< 3. 3. du< -> 0 0 }t

testing DMAX DMIN
t{ 1 -1 0 0 dmax -> 0 0 }t
t{ 1 -1 0 0 dmin -> 1 -1 }t
t{ -1 0 0 1 dmax -> 0 1 }t
t{ min-d max-d dmin min-d max-d dmax -> min-d max-d }t
t{ 4. 4. dmax 4. 4. dmin -> 4. 4. }t

testing 2ROT
t{ 1 2 3 4 5 6 2rot -> 3 4 5 6 1 2 }t
: 2rot-twice ( 6x -- 6x' ) 2rot 2rot ;
t{ 1 2 3 4 5 6 2rot-twice -> 5 6 1 2 3 4 }t

\ ------------------------------------------------------------------------------
testing M*/ floored, with a 192-bit intermediate
t{ 5. 7 11 m*/ -> 3. }t
t{ 5. -7 11 m*/ -> -4. }t
t{ -5. 7 11 m*/ -> -4. }t
t{ -5. -7 11 m*/ -> 3. }t
t{ 5. 7 -11 m*/ -> -4. }t
t{ -5. 7 -11 m*/ -> 3. }t
t{ 5. -7 -11 m*/ -> 3. }t
t{ -1. 1 2 m*/ 1. -1 2 m*/ -> -1. -1. }t
t{ 0. -5 3 m*/ -> 0. }t
t{ max-d max-n max-n m*/ -> max-d }t
t{ min-d max-n min-n m*/ -> 0 max-n }t
t{ min-d 1 1 m*/ -> min-d }t
\ 10^30 * 3 / 7 and its negation
t{ 5076944270305263616 54210108624 3 7 m*/ -> 2175833258702255835 23232903696 }t
t{ -5076944270305263616 -54210108625 3 7 m*/ -> -2175833258702255836 -23232903697 }t
t{ 5076944270305263616 54210108624 min-n max-n m*/
   -> -5076944378725480865 -54210108625 }t
t{ -4362896299872285998 6692605942 987654321 123456789 m*/
   -> -20789321820373270 53540848029 }t

: m*/-ior ( d n1 n2 -- ior ) ['] m*/ catch >r 2drop 2drop r> ;
t{ 1. 1 0 m*/-ior -> -10 }t
t{ max-d min-n max-n m*/-ior -> -11 }t
t{ min-d 1 -1 m*/-ior -> -11 }t
t{ max-d 2 1 m*/-ior -> -11 }t
t{ 7. 2 3 ' m*/ catch -> 4. 0 }t

\ ------------------------------------------------------------------------------
testing 2CONSTANT 2VARIABLE 2LITERAL
1 2 2constant two-c
t{ two-c -> 1 2 }t
: use-two-c ( -- x1 x2 ) two-c two-c d+ ;
t{ use-two-c -> 2 4 }t
t{ ' two-c >body 2@ -> 1 2 }t
2variable two-v
t{ two-v 2@ -> 0 0 }t
t{ 3 4 two-v 2! two-v 2@ -> 3 4 }t
t{ two-v cell+ @ two-v @ -> 3 4 }t
: lit2 ( -- d ) [ max-d ] 2literal ;
t{ lit2 -> max-d }t

testing 2VALUE with TO, interpreted and compiled
5 6 2value two-val
t{ two-val -> 5 6 }t
t{ 7 8 to two-val two-val -> 7 8 }t
: set-two-val ( x1 x2 -- ) to two-val ;
: get-two-val ( -- x1 x2 ) two-val ;
t{ -1 -2 set-two-val get-two-val -> -1 -2 }t
t{ ' two-val >body 2@ -> -1 -2 }t
: to-2constant ( -- ior ) s" 1 2 to two-c" ['] evaluate catch nip nip ;
t{ to-2constant -> -32 }t
5 value one-val
t{ 9 to one-val one-val -> 9 }t

testing D. D.R output
: d.-string ( d -- c-addr u ) <# tuck dabs #s rot sign #> ;
t{ min-d d.-string s" -170141183460469231731687303715884105728" compare -> 0 }t
t{ -1. dabs <# #s #> s" 1" compare -> 0 }t
