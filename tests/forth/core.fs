\ SPDX-License-Identifier: MIT
\ CORE words beyond what the standard suite checks.

testing number prefixes and character literals
t{ #10 $10 %10 -> 10 16 2 }t
t{ $-10 #-7 -$ff -> -16 -7 -255 }t
t{ 'a' 'Z' -> 97 90 }t
t{ 1. -1. -> 1 0 -1 -1 }t

testing floored division, as in Gforth
t{ -7 2 / -7 2 mod -> -4 1 }t
t{ 7 -2 /mod -> -1 -4 }t
t{ -7 2 5 */ -> -3 }t

testing DO loops with negative +LOOP steps
: down ( -- ... ) 0 10 do i -3 +loop ;
t{ down -> 10 7 4 1 }t  \ ends when the index crosses the -1/0 boundary
: nested ( -- n ) 0 3 0 do 4 0 do j 10 * i + + loop loop ;
t{ nested -> 138 }t

testing ?DO skips an empty range
: count-up ( n -- count ) 0 swap 0 ?do 1+ loop ;
t{ 0 count-up 5 count-up -> 0 5 }t

\ ---------------------------------------------------------------------------
\ Helpers for the tests below.
: str= ( c-addr1 u1 c-addr2 u2 -- flag )
  rot over <> if 2drop drop false exit then
  0 ?do over i + c@ over i + c@ <> if 2drop false unloop exit then loop
  2drop true ;
: defined? ( "name" -- flag ) bl word find nip 0<> ;

\ ---------------------------------------------------------------------------
testing PICK ROLL TUCK NIP
t{ 1 2 3 0 pick -> 1 2 3 3 }t
t{ 1 2 3 2 pick -> 1 2 3 1 }t
: pick-c ( a b c -- a b c a ) 2 pick ;
t{ 7 8 9 pick-c -> 7 8 9 7 }t
t{ 1 2 3 4 3 roll -> 2 3 4 1 }t
t{ 1 2 3 1 roll -> 1 3 2 }t
t{ 1 2 3 0 roll -> 1 2 3 }t
: roll-c ( a b c -- b c a ) 2 roll ;
t{ 1 2 3 roll-c -> 2 3 1 }t
t{ 1 2 tuck -> 2 1 2 }t
t{ 1 2 3 nip -> 1 3 }t
: tuck-nip ( a b -- b a b b ) tuck dup nip ;
t{ 5 6 tuck-nip -> 6 5 6 }t

\ ---------------------------------------------------------------------------
testing 2>R 2R> 2R@ order and nesting
: 2r-a ( -- 1 2 1 2 ) 1 2 2>r 2r@ 2r> ;
t{ 2r-a -> 1 2 1 2 }t
: 2r-b ( -- 2 1 ) 1 2 2>r r> r> ;
t{ 2r-b -> 2 1 }t
: 2r-c ( -- ) 1 2 >r >r 2r> ;
t{ 2r-c -> 2 1 }t
: 2r-d ( -- ) 1 2 2>r 3 4 2>r 2r> 2r@ 2r> 2drop ;
t{ 2r-d -> 3 4 1 2 }t
: 2r-loop ( -- x ) 0  3 0 do 10 20 2>r i + 2r> + + loop ;
t{ 2r-loop -> 93 }t

\ ---------------------------------------------------------------------------
testing <> U> 0> 0<> WITHIN
t{ 1 1 <> 1 2 <> -1 1 <> -> 0 -1 -1 }t
t{ 1 0 u> 0 1 u> -1 1 u> 1 -1 u> -> -1 0 -1 0 }t
t{ 0 0> 1 0> -1 0> -> 0 -1 0 }t
t{ 0 0<> 1 0<> -1 0<> -> 0 -1 -1 }t
: cmp-c ( a b -- f1 f2 f3 f4 ) 2dup <> >r 2dup u> >r drop dup 0> swap 0<> r> r> ;
t{ 3 -3 cmp-c -> -1 -1 0 -1 }t
t{ -3 3 cmp-c -> 0 -1 -1 -1 }t
t{ 0 0 cmp-c -> 0 0 0 0 }t
t{ 5 1 10 within 1 1 10 within 10 1 10 within 0 1 10 within -> -1 -1 0 0 }t
t{ -5 -10 -1 within -1 -10 -1 within -> -1 0 }t
t{ 0 10 1 within 11 10 1 within 5 10 1 within -> -1 -1 0 }t  \ wraps around

\ ---------------------------------------------------------------------------
testing VALUE TO, interpreted and compiled
5 value v1
t{ v1 -> 5 }t
t{ 7 to v1 v1 -> 7 }t
: set-v1 ( x -- ) to v1 ;
: get-v1 ( -- x ) v1 ;
t{ 9 set-v1 get-v1 v1 -> 9 9 }t
-1 value v2
t{ v2 v1 -> -1 9 }t
t{ s" 1 to dup" ' evaluate catch nip nip -> -32 }t

\ ---------------------------------------------------------------------------
testing DEFER IS ACTION-OF DEFER@ DEFER!
defer df1
t{ ' dup is df1 5 df1 -> 5 5 }t
t{ action-of df1 -> ' dup }t
: set-df1 ( xt -- ) is df1 ;
: get-df1 ( -- xt ) action-of df1 ;
t{ ' drop set-df1 1 2 df1 -> 1 }t
t{ get-df1 -> ' drop }t
t{ ' df1 defer@ -> ' drop }t
t{ ' swap ' df1 defer! 1 2 df1 -> 2 1 }t
: use-df1 ( a b -- ? ) df1 ;
t{ 1 2 use-df1 -> 2 1 }t
t{ ' over is df1 1 2 use-df1 -> 1 2 1 }t
defer df2
t{ ' df2 catch 0<> -> true }t
t{ s" ' dup is dup" ' evaluate catch nip nip -> -32 }t

\ ---------------------------------------------------------------------------
testing :NONAME and RECURSE
t{ :noname 1 2 + ; execute -> 3 }t
:noname ( n -- n! ) dup 1 > if dup 1- recurse * then ; constant fact-xt
t{ 5 fact-xt execute 1 fact-xt execute -> 120 1 }t
: fib ( n -- fib ) dup 2 < if exit then dup 1- recurse swap 2 - recurse + ;
t{ 0 fib 1 fib 10 fib 20 fib -> 0 1 55 6765 }t
: gcd ( a b -- gcd ) ?dup if tuck mod recurse then ;
t{ 48 18 gcd 17 5 gcd -> 6 1 }t

\ ---------------------------------------------------------------------------
testing CASE OF ENDOF ENDCASE
: cs1 ( n -- x )
  case 1 of 111 endof 2 of 222 endof 3 of 333 endof dup 1000 + swap endcase ;
t{ 1 cs1 2 cs1 3 cs1 4 cs1 -1 cs1 -> 111 222 333 1004 999 }t
: cs2 ( n -- ) case endcase ;
t{ 5 cs2 -> }t
: cs3 ( a b -- x )
  case 1 of case 1 of 11 endof 2 of 12 endof 10 swap endcase endof
       2 of drop 20 endof
       2drop 0 0 endcase ;
t{ 1 1 cs3 2 1 cs3 5 1 cs3 1 2 cs3 1 7 cs3 -> 11 12 10 20 0 }t
: cs4 ( -- sum ) 0 5 0 do i case 0 of 1 endof 3 of 30 endof 100 swap endcase + loop ;
t{ cs4 -> 331 }t

\ ---------------------------------------------------------------------------
testing PARSE PARSE-NAME
: p# ( "ccc#" -- c-addr u ) [char] # parse ;
t{ p# abc# s" abc" str= -> true }t
t{ p# # nip -> 0 }t
t{ p#  lead# s"  lead" str= -> true }t
t{ parse-name   hello   s" hello" str= -> true }t
t{ s" parse-name" evaluate nip -> 0 }t
: pn ( "name" -- u ) parse-name nip ;
t{ pn abcdefg -> 7 }t

\ ---------------------------------------------------------------------------
testing S\" escapes
t{ s\" \a\b\e\f\l\n\q\r\t\v\z\\" nip -> 12 }t
t{ s\" \a\b\e\f\l\q\r\t\v\z\\" drop dup c@ swap 1+ dup c@ swap 1+ dup c@ swap 1+ dup c@ swap
   1+ dup c@ swap 1+ dup c@ swap 1+ dup c@ swap 1+ dup c@ swap 1+ dup c@ swap 1+ dup c@ swap 1+ c@
   -> 7 8 27 12 10 34 13 9 11 0 92 }t
t{ s\" \m" drop dup c@ swap 1+ c@ -> 13 10 }t
t{ s\" \x41\x7a\x00" drop dup c@ swap 1+ dup c@ swap 1+ c@ -> 65 122 0 }t
t{ s\" a\"b" s\" a\qb" str= -> true }t
: sq1 ( -- c-addr u ) s\" x\ty" ;
t{ sq1 nip sq1 drop 1+ c@ -> 3 9 }t

\ ---------------------------------------------------------------------------
testing HOLDS
t{ <# 123 0 #s s" ab" holds #> s" ab123" str= -> true }t
t{ <# s" " holds 0 0 #> nip -> 0 }t
t{ <# 0 0 # # s" -x-" holds # #> s" 0-x-00" str= -> true }t

\ ---------------------------------------------------------------------------
testing BUFFER: ERASE UNUSED
16 buffer: buf1
16 buffer: buf2
t{ buf1 aligned buf1 = -> true }t
t{ buf2 buf1 - 16 >= buf1 buf2 - 16 >= or -> true }t
t{ 42 buf1 ! -7 buf1 cell+ ! buf1 @ buf1 cell+ @ -> 42 -7 }t
t{ buf1 16 -1 fill buf1 5 erase buf1 c@ buf1 4 + c@ buf1 5 + c@ -> 0 0 255 }t
t{ buf1 0 erase buf1 5 + c@ -> 255 }t
t{ unused 100 allot unused - -100 allot -> 100 }t
t{ unused 0> -> true }t

\ ---------------------------------------------------------------------------
testing MARKER
: mk-a ( -- n ) 1 ;
marker mk1
: mk-a ( -- n ) 2 ;
: mk-b ( -- n ) 3 ;
t{ mk-a mk-b -> 2 3 }t
mk1
t{ mk-a -> 1 }t
t{ defined? mk-b -> false }t
t{ defined? mk1 -> false }t
t{ here marker mk2 100 allot mk2 here = -> true }t
marker mk3  create mk-c 5 ,  mk3
t{ defined? mk-c defined? mk-a -> false true }t

\ ---------------------------------------------------------------------------
testing SAVE-INPUT RESTORE-INPUT in a file and in a string
variable siv  -1 siv !
: si-restore ( i*x n | -- ) siv @ if 0 siv ! restore-input throw then ;
t{ 11111 save-input
si-restore 22222 -> 11111 22222 }t
variable si-inc  0 si-inc !
: si1 ( -- ) si-inc @ >in +! 15 si-inc ! ;
: si$ ( -- c-addr u ) s" save-input si1 restore-input 12345" ;
t{ si$ evaluate si-inc @ -> 0 2345 15 }t
: drop-n ( i*x n -- ) 0 ?do drop loop ;
t{ save-input drop-n -> }t

\ ---------------------------------------------------------------------------
testing C" and [COMPILE]
: cq1 ( -- c-addr ) c" hello" ;
t{ cq1 c@ cq1 count s" hello" str= -> 5 true }t
: cq2 ( -- c-addr ) c" " ;
t{ cq2 c@ -> 0 }t
: my-dup ( x -- x x ) [compile] dup ;
t{ 4 my-dup -> 4 4 }t
: my-then ( -- ) [compile] then ; immediate
: mt ( f -- x ) 1 swap if 2 my-then 3 ;
t{ 0 mt -1 mt -> 1 3 1 2 3 }t

\ ---------------------------------------------------------------------------
testing number prefixes in compiled code and double-cell numbers
: np1 ( -- ... ) $ff #-3 %-11 'z' ;
t{ np1 -> 255 -3 -3 122 }t
t{ hex #10 %10 10 decimal -> 10 2 16 }t
t{ $10. #-1. -> 16 0 -1 -1 }t
: np2 ( -- d ) -$7fffffffffffffff. ;
t{ np2 -> -9223372036854775807 -1 }t
t{ 36 base ! z 10 decimal -> 35 36 }t

\ ---------------------------------------------------------------------------
testing nested DO loops with LEAVE, UNLOOP EXIT, I and J
: nl1 ( -- ... ) 3 0 do 10 0 do i 2 = if leave then i j + loop loop ;
t{ nl1 -> 0 1 1 2 2 3 }t
: nl2 ( -- i j ) 3 0 do 3 0 do i j * 2 = if i j unloop unloop exit then loop loop 99 ;
t{ nl2 -> 2 1 }t
: nl3 ( -- ... ) 2 0 do nl2 i loop ;
t{ nl3 -> 2 1 0 2 1 1 }t
: nl4 ( -- ... ) 5 0 ?do i 3 = if leave then i 2 +loop 0 0 ?do 99 loop ;
t{ nl4 -> 0 2 4 }t
: nl5 ( -- n ) 0 4 0 do 4 0 do 4 0 do 1+ loop loop loop ;
t{ nl5 -> 64 }t
: nl6 ( -- ... ) 2 0 do 3 0 do j loop loop ;
t{ nl6 -> 0 0 0 1 1 1 }t
: nl7 ( n -- ... ) 0 ?do i dup 2 = if drop unloop exit then loop -1 ;
t{ 5 nl7 1 nl7 0 nl7 -> 0 1 0 -1 -1 }t

\ ---------------------------------------------------------------------------
testing DOES> with several children
: mk-const ( x "name" -- ) create , does> @ ;
1 mk-const one   2 mk-const two   -5 mk-const minus-five
t{ one two minus-five -> 1 2 -5 }t
: adder ( n "name" -- ) create , does> @ + ;
10 adder add10  20 adder add20
t{ 1 add10 1 add20 add10 -> 11 31 }t
: use-adders ( n -- n' ) add10 add20 one + ;
t{ 0 use-adders -> 31 }t
t{ ' one >body @ ' add20 >body @ -> 1 20 }t
: counter ( "name" -- ) create 0 , does> ( -- n ) 1 over +! @ ;
counter c1  counter c2
t{ c1 c1 c2 c1 c2 -> 1 2 1 3 2 }t
: arr ( n "name" -- ) create cells allot does> ( i -- addr ) swap cells + ;
3 arr a1  3 arr a2
t{ 5 0 a1 ! 6 2 a1 ! 7 0 a2 ! 0 a1 @ 2 a1 @ 0 a2 @ -> 5 6 7 }t
: cond-does ( x "name" -- ) create , does> @ dup 0< if negate then ;
-4 cond-does pos4  9 cond-does pos9
t{ pos4 pos9 -> 4 9 }t

\ ---------------------------------------------------------------------------
testing CATCH THROW across colon definitions, loops and EVALUATE
: th1 ( n -- ) throw ;
: th2 ( n -- ) 1 2 rot th1 3 ;
: th3 ( n -- ) >r 10 20 r> th2 30 ;
t{ 0 ' th3 catch -> 10 20 1 2 3 30 0 }t
t{ 7 ' th3 catch nip -> 7 }t
t{ 1 2 -9 ' th3 catch nip nip nip -> -9 }t
: th-in-loop ( -- ) 10 0 do i 3 = if i throw then loop ;
: outer-loop ( -- n ) 0 3 0 do ['] th-in-loop catch + i + loop ;
t{ outer-loop -> 12 }t
: ev-throw ( -- ) s" 1 2 -7 throw 3" evaluate ;
t{ ' ev-throw catch -> -7 }t
: ev-inner ( -- ) s" 200 ev-throw 300" evaluate ;
: ev-nest ( -- ) s" 100 ev-inner 400" evaluate ;
t{ ' ev-nest catch -> -7 }t
t{ s" 5 6 + -3 throw" ' evaluate catch nip nip -> -3 }t
t{ s" undefined-word-xyz" ' evaluate catch nip nip -> -13 }t
t{ 1 2 s" 3 4" ' evaluate catch -> 1 2 3 4 0 }t
: th-deep ( n -- ) 1- dup 0> if recurse else 999 throw then ;
: c-deep ( -- ... ) 3 4 5 10 ['] th-deep catch -111 ;
t{ c-deep -> 3 4 5 0 999 -111 }t
: ab1 ( f -- ) abort" not shown" ;
t{ 0 ' ab1 catch -> 0 }t
t{ 1 ' ab1 catch nip -> -2 }t
t{ ' abort catch -> -1 }t
: catch-twice ( -- a b ) ['] th-in-loop catch ['] th-in-loop catch ;
t{ catch-twice -> 3 3 }t
: nested-catch ( -- a b ) ['] ev-throw catch -4 ['] th1 catch nip ;
t{ nested-catch -> -7 -4 }t

\ ---------------------------------------------------------------------------
testing kernel.fs words from other word sets: DNEGATE DABS BLANK /STRING CS-PICK CS-ROLL
t{ 1 0 dnegate -> -1 -1 }t
t{ -1 -1 dnegate -> 1 0 }t
t{ 0 0 dnegate -> 0 0 }t
t{ 0 1 dnegate -> 0 -1 }t
t{ -5 -1 dabs 5 0 dabs -> 5 0 5 0 }t
t{ 0 -1 dabs -> 0 1 }t
t{ buf1 16 erase buf1 3 blank buf1 c@ buf1 2 + c@ buf1 3 + c@ -> 32 32 0 }t
t{ s" abcdef" 2 /string s" cdef" str= -> true }t
t{ s" abc" 0 /string nip -> 3 }t
t{ s" abc" 3 /string nip -> 0 }t
: cs-until ( -- n ) 0 begin 1+ [ 0 cs-pick ] dup 3 = until dup 2 > until ;
t{ cs-until -> 3 }t
: cs-swap ( f -- x ) if ahead [ 1 cs-roll ] then 1 exit then 2 ;
t{ 0 cs-swap -1 cs-swap -> 1 2 }t

testing pictured numeric output: <# # #S #> HOLD SIGN PAD
t{ <# 0 0 #s #> s" 0" str= -> true }t
t{ <# -1 0 #s #> s" 18446744073709551615" str= -> true }t
t{ <# 42 0 # # # #> s" 042" str= -> true }t
t{ <# -42 dup abs 0 #s rot sign #> s" -42" str= -> true }t
t{ hex <# ff 0 #s #> decimal s" FF" str= -> true }t
t{ <# 1 0 #s char x hold #> s" x1" str= -> true }t
t{ pad pad = pad aligned pad - -> true 0 }t
t{ pad here u> -> true }t   \ PAD floats above HERE, clear of the data defined so far
: kept ( -- c-addr u ) s" still here" ;
: erase-from-pad ( -- n ) pad pad ['] erase catch nip nip ;
t{ erase-from-pad -> -9 }t   \ a runaway write from PAD meets the guard page ...
t{ kept s" still here" str= -> true }t           \ ... not the words' data below it
t{ 7 0 2 ud/mod -> 1 3 0 }t
t{ -1 -1 10 ud/mod -> 5 -7378697629483820647 1844674407370955161 }t
: hold-too-much ( -- ) <# 300 0 do [char] x hold loop ;
t{ ' hold-too-much catch -> -17 }t
t{ <# 0 0 #s #> s" 0" str= -> true }t  \ the pictured area works after the overflow
