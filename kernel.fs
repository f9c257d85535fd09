\ SPDX-License-Identifier: MIT
\ kernel.fs -- the part of xforth that reads naturally in Forth. It is
\ embedded in the binary and compiled at every start-up, so keep it lean.

\ -- Constants and number base -----------------------------------------------

32 constant bl ( -- char ) \ core
\G The space character.
-1 constant true ( -- flag ) \ core-ext
\G All bits set: the true flag.
 0 constant false ( -- flag ) \ core-ext
\G Zero: the false flag.
 8 constant cell ( -- n ) \ gforth
\G The size of a cell in address units.
: decimal ( -- ) \ core
  \G Make ten the number base.
  10 base ! ;
: hex ( -- ) \ core-ext
  \G Make sixteen the number base.
  16 base ! ;

\ -- Stack and arithmetic ----------------------------------------------------

: roll ( xu xu-1 ... x0 u -- xu-1 ... x0 xu ) \ core-ext
  \G Move item u (0 is the top) to the top.
  ?dup if swap >r 1- recurse r> swap then ;
: within ( n1 n2 n3 -- flag ) \ core-ext
  \G True when n2 <= n1 < n3, on the circle of cell values.
  over - >r - r> u< ;

\ -- Memory ------------------------------------------------------------------

: erase ( addr u -- ) \ core-ext
  \G Store zero in u bytes from addr.
  0 fill ;
: blank ( addr u -- ) \ string
  \G Store spaces in u characters from addr.
  bl fill ;
: buffer: ( u "name" -- ) \ core-ext
  \G Define a word that returns the address of u reserved bytes.
  create allot ;

\ -- Control structures written with POSTPONE --------------------------------

: case ( C: -- case-sys ) \ core-ext
  \G Start a CASE ... OF ... ENDOF ... ENDCASE selection.
  \G -- compiles to: nothing
  0 ; immediate compile-only
: of ( C: -- of-sys ) ( x1 x2 -- | x1 ) \ core-ext
  \G When x1 equals x2, drop both and run what follows up to ENDOF.
  \G -- compiles to: over = if drop
  1+ >r postpone over postpone = postpone if postpone drop r> ; immediate compile-only
: endof ( C: case-sys1 of-sys -- case-sys2 ) \ core-ext
  \G End an OF branch: go on after ENDCASE.
  \G -- compiles to: else
  >r postpone else r> ; immediate compile-only
: endcase ( C: case-sys -- ) ( x -- ) \ core-ext
  \G End a CASE: drop the selector no OF took.
  \G -- compiles to: drop then ... then
  postpone drop 0 ?do postpone then loop ; immediate compile-only
: cs-pick ( C: destu ... orig0|dest0 -- destu ... orig0|dest0 destu ) ( u -- ) \ tools-ext
  \G Copy control-flow item u to the top of the control-flow stack.
  pick ;
: cs-roll ( C: origu|destu ... orig0|dest0 -- ... origu|destu ) ( u -- ) \ tools-ext
  \G Move control-flow item u to the top of the control-flow stack.
  roll ;

\ -- Output ------------------------------------------------------------------

: space ( -- ) \ core
  \G Show one space.
  bl emit ;
: spaces ( n -- ) \ core
  \G Show n spaces (none when n is negative).
  0 max 0 ?do space loop ;

\ Pictured numeric output builds the number downwards from PAD. Both float
\ above HERE, as the standard allows for these transient regions (3.3.3.6),
\ so that a runaway write upward from PAD meets free space, not the data of
\ the words defined so far. The data space keeps room for them (core/memory.cpp).
: hold-area ( -- c-addr )
  \G The 256 characters below PAD where pictured numeric output is built.
  here aligned ;
: pad ( -- c-addr ) \ core-ext
  \G A scratch buffer of 1024 characters above HERE, not used by the system.
  here aligned 256 + ;
variable hld ( -- a-addr )
\G The front of the pictured numeric output being built.
: <# ( -- ) \ core
  \G Start pictured numeric output.
  pad hld ! ;
: hold ( char -- ) \ core
  \G Add char to the front of the pictured numeric output.
  hld @ 1-  dup hold-area u< if -17 throw then  dup hld !  c! ;
: holds ( c-addr u -- ) \ core-ext
  \G Add a string to the front of the pictured numeric output.
  begin dup while 1- 2dup + c@ hold repeat 2drop ;
: sign ( n -- ) \ core
  \G Add a minus sign to the pictured numeric output when n is negative.
  0< if [char] - hold then ;
: ud/mod ( ud1 u -- urem ud2 )
  \G Divide ud1 by u: the remainder and the double quotient.
  >r 0 r@ um/mod r> swap >r um/mod r> ;
: # ( ud1 -- ud2 ) \ core
  \G Add the next digit of ud1 in BASE to the pictured numeric output.
  base @ ud/mod rot  dup 9 > if 7 + then  [char] 0 + hold ;
: #s ( ud -- 0 0 ) \ core
  \G Add the digits of ud, at least one, to the pictured numeric output.
  begin # 2dup or 0= until ;
: #> ( xd -- c-addr u ) \ core
  \G End pictured numeric output: the string built.
  2drop hld @ pad over - ;

: d.r ( d n -- ) \ double
  \G Show d right-aligned in a field of n characters.
  >r tuck dabs <# #s rot sign #> r> over - spaces type ;
: d. ( d -- ) \ double
  \G Show d and a space.
  0 d.r space ;
: . ( n -- ) \ core
  \G Show n in BASE and a space.
  s>d d. ;
: u. ( u -- ) \ core
  \G Show u, unsigned, and a space.
  0 d. ;
: .r ( n1 n2 -- ) \ core-ext
  \G Show n1 right-aligned in a field of n2 characters.
  >r s>d r> d.r ;
: u.r ( u n -- ) \ core-ext
  \G Show u, unsigned, right-aligned in a field of n characters.
  0 swap d.r ;
: ? ( a-addr -- ) \ tools
  \G Show the cell at a-addr.
  @ . ;

\ -- Extended characters ---------------------------------------------------------

: xhold ( xchar -- ) \ xchar-ext
  \G Add the UTF-8 encoding of xchar to the front of the pictured numeric output.
  dup $80 u< if hold exit then
  dup xc-size >r  r@ 1 ?do dup $3F and $80 or hold 6 rshift loop
  $FF00 r> rshift $FF and or hold ;
