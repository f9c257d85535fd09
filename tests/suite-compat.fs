\ SPDX-License-Identifier: MIT
\ Words the standard suite's floating-point programs use from word sets
\ that xforth may not have yet ([IF] [ELSE] [THEN] [DEFINED] [UNDEFINED]
\ from TOOLS EXT, COMPARE from STRING). Each is defined only when missing,
\ so once the system has its own this file changes nothing. Test use only.

: compat-missing? ( "name" -- flag ) bl word find nip 0= ;
: compat-?\ ( flag -- ) 0= if postpone \ then ;
: compat-upper ( char -- char' ) dup [char] a [char] z 1+ within if 32 - then ;
: compat-same? ( c-addr1 u1 c-addr2 u2 -- flag ) \ case-insensitive equality
  rot over <> if drop 2drop false exit then
  0 ?do over i + c@ compat-upper over i + c@ compat-upper <> if 2drop unloop false exit then loop
  2drop true ;
: compat-skip ( -- ) \ past the [ELSE] or [THEN] that matches, across lines
  1 begin
    begin parse-name dup while
      2dup s" [IF]" compat-same? if 2drop 1+ else
      2dup s" [ELSE]" compat-same? if 2drop 1- dup if 1+ then else
      s" [THEN]" compat-same? if 1- then then then
      ?dup 0= if exit then
    repeat 2drop
  refill 0= until drop ;

compat-missing? [IF] compat-?\ : [IF] ( flag -- ) 0= if compat-skip then ; immediate
compat-missing? [ELSE] compat-?\ : [ELSE] ( -- ) compat-skip ; immediate
compat-missing? [THEN] compat-?\ : [THEN] ( -- ) ; immediate
compat-missing? [DEFINED] compat-?\ : [DEFINED] ( "name" -- flag ) bl word find nip 0<> ; immediate
compat-missing? [UNDEFINED] compat-?\ : [UNDEFINED] ( "name" -- flag ) bl word find nip 0= ; immediate
compat-missing? COMPARE compat-?\ : compare ( c-addr1 u1 c-addr2 u2 -- n ) rot 2dup 2>r min 0 ?do over i + c@ over i + c@ 2dup <> if > if 1 else -1 then nip nip unloop 2r> 2drop exit then 2drop loop 2drop 2r> 2dup = if 2drop 0 else < if 1 else -1 then then ;
compat-missing? D>S compat-?\ : d>s ( d -- n ) drop ;
