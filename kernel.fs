\ SPDX-License-Identifier: MIT
\ kernel.fs -- the part of xforth that reads naturally in Forth. It is
\ embedded in the binary and compiled at every start-up, so keep it lean.

\ -- Constants and number base -----------------------------------------------

32 constant bl ( -- char ) \ core
\G The space character.
-1 constant true ( -- flag ) \ core-ext
 0 constant false ( -- flag ) \ core-ext
 8 constant cell ( -- n )
\G The size of a cell in address units.
: decimal ( -- ) \ core
  \G Make ten the number base.
  10 base ! ;
: hex ( -- ) \ core-ext
  \G Make sixteen the number base.
  16 base ! ;

\ -- Stack and arithmetic ----------------------------------------------------

: roll ( xu xu-1 ... x0 u -- xu-1 ... x0 xu ) \ core-ext
  ?dup if swap >r 1- recurse r> swap then ;
: within ( n1 n2 n3 -- flag ) \ core-ext
  \G True when n2 <= n1 < n3, on the circle of cell values.
  over - >r - r> u< ;

\ -- Memory ------------------------------------------------------------------

: erase ( addr u -- ) \ core-ext
  0 fill ;
: blank ( addr u -- ) \ string
  bl fill ;
: buffer: ( u "name" -- ) \ core-ext
  \G Define a word that returns the address of u reserved bytes.
  create allot ;

\ -- Control structures written with POSTPONE --------------------------------

: case ( C: -- case-sys ) \ core-ext
  0 ; immediate compile-only
: of ( C: -- of-sys ) ( x1 x2 -- | x1 ) \ core-ext
  \G -- compiles to: over = if drop
  1+ >r postpone over postpone = postpone if postpone drop r> ; immediate compile-only
: endof ( C: case-sys1 of-sys -- case-sys2 ) \ core-ext
  \G -- compiles to: else
  >r postpone else r> ; immediate compile-only
: endcase ( C: case-sys -- ) ( x -- ) \ core-ext
  \G -- compiles to: drop then ... then
  postpone drop 0 ?do postpone then loop ; immediate compile-only
: cs-pick ( C: destu ... orig0|dest0 -- destu ... orig0|dest0 destu ) ( u -- ) \ tools-ext
  pick ;
: cs-roll ( C: origu|destu ... orig0|dest0 -- ... origu|destu ) ( u -- ) \ tools-ext
  roll ;

\ -- Output ------------------------------------------------------------------

: space ( -- ) \ core
  bl emit ;
: spaces ( n -- ) \ core
  0 max 0 ?do space loop ;

\ Pictured numeric output builds the number downwards from PAD.
create hold-area 256 allot
create pad-area 1024 allot
: pad ( -- c-addr ) \ core-ext
  \G A scratch buffer of 1024 characters, not used by the system.
  pad-area ;
variable hld
: <# ( -- ) \ core
  pad hld ! ;
: hold ( char -- ) \ core
  hld @ 1-  dup hold-area u< if -17 throw then  dup hld !  c! ;
: holds ( c-addr u -- ) \ core-ext
  begin dup while 1- 2dup + c@ hold repeat 2drop ;
: sign ( n -- ) \ core
  0< if [char] - hold then ;
: ud/mod ( ud1 u -- urem ud2 )
  >r 0 r@ um/mod r> swap >r um/mod r> ;
: # ( ud1 -- ud2 ) \ core
  base @ ud/mod rot  dup 9 > if 7 + then  [char] 0 + hold ;
: #s ( ud -- 0 0 ) \ core
  begin # 2dup or 0= until ;
: #> ( xd -- c-addr u ) \ core
  2drop hld @ pad over - ;

: d.r ( d n -- ) \ double
  >r tuck dabs <# #s rot sign #> r> over - spaces type ;
: d. ( d -- ) \ double
  0 d.r space ;
: . ( n -- ) \ core
  s>d d. ;
: u. ( u -- ) \ core
  0 d. ;
: .r ( n1 n2 -- ) \ core-ext
  >r s>d r> d.r ;
: u.r ( u n -- ) \ core-ext
  0 swap d.r ;
: ? ( a-addr -- ) \ tools
  @ . ;

\ -- Floating point -----------------------------------------------------------

3.14159265358979323846e fconstant pi ( F: -- r ) \ gforth
\G The double nearest to pi.
\ -- Extended characters ---------------------------------------------------------

: xhold ( xchar -- ) \ xchar-ext
  \G Add the UTF-8 encoding of xchar to the front of the pictured numeric output.
  dup $80 u< if hold exit then
  dup xc-size >r  r@ 1 ?do dup $3F and $80 or hold 6 rshift loop
  $FF00 r> rshift $FF and or hold ;
