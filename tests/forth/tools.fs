\ SPDX-License-Identifier: MIT
\ TOOLS and TOOLS EXT beyond what the standard suite checks. DUMP, .S, ?,
\ SEE, WORDS and ORDER output is checked by tests/transcripts/tools.fs.

: str= ( c-addr1 u1 c-addr2 u2 -- flag )
  rot over <> if drop 2drop false exit then
  0 ?do over i + c@ over i + c@ <> if 2drop false unloop exit then loop 2drop true ;

\ ------------------------------------------------------------------------------
testing [IF] [ELSE] [THEN] nesting across lines
t{ true [if] 1
     false [if] 2
       [else] 3
     [then]
   [else] 4
     true [if] 5 [else] 6 [then]
   [then] -> 1 3 }t
t{ false [if] 1
     true [if] 2 [else] 3 [then]
     false [if] 4 [else] 5 [then]
   [else] 6
     false [if] 7
       false [if] 8 [else] 9 [then]
     [else] 10
     [then]
   [then] -> 6 10 }t
t{ 0 [if] [if] [else] [then] 11 [else] 12 [then] -> 12 }t
testing [IF] is case-insensitive and a text scan
t{ 0 [If] 1 [ELSE] 2 [Then] -> 2 }t
t{ 0 [if] 1 [Else] 2 [tHEN] -> 2 }t
t{ 0 [IF] 1 [IF] 2 [ELSE] 3 [THEN] 4 [ELSE] 5 [THEN] -> 5 }t
t{ 0 [if] ( [then] 1 [then] -> 1 }t   \ a scan: the [THEN] after ( counts
t{ 0 [if] undefined-word :::: [then] 7 -> 7 }t
testing [IF] in definitions and in EVALUATE
: cond-1 [ 1 ] [if] 10 [else] 20 [then] ;
t{ cond-1 -> 10 }t
t{ s" 0 [if] 1 [else] 2 [then] 3" evaluate -> 2 3 }t
t{ s" 0 [if] 1 2" evaluate 4 -> 4 }t       \ a string ends the scan
t{ [then] 5 -> 5 }t

\ ------------------------------------------------------------------------------
testing [DEFINED] [UNDEFINED]
t{ [defined] dup [defined] DUP [defined] no-such-word-here -> true true false }t
t{ [undefined] dup [undefined] no-such-word-here -> false true }t
: def-1 [defined] swap literal [undefined] swap literal ;
t{ def-1 -> true false }t

\ ------------------------------------------------------------------------------
testing N>R NR>
: ntr-1 ( i*x n -- i*x n ) n>r nr> ;
t{ 1 2 3 3 ntr-1 -> 1 2 3 3 }t
t{ 9 0 ntr-1 -> 9 0 }t
: ntr-2 ( i*x n -- n i*x ) n>r 100 nr> ;
t{ 5 6 2 ntr-2 -> 100 5 6 2 }t
: ntr-3 ( x*10 -- x*10 ) n>r r@ nr> drop ;   \ the count is on top of the return stack
t{ 1 2 3 4 4 ntr-3 -> 4 1 2 3 4 }t
: ntr-count ( i*x n -- n ) n>r r> dup 0 ?do rdrop loop ;
t{ 7 8 2 ntr-count -> 2 }t
: ntr-big ( -- n ) 100 0 do i loop 100 n>r 7 nr> drop 0 100 0 do + loop + ;
t{ ntr-big -> 4957 }t
: ntr-underflow ( -- ior ) 1 2 5 ['] ntr-1 catch >r 2drop drop r> ;
t{ ntr-underflow -> -4 }t
: ntr-negative ( -- ior ) -1 ['] ntr-1 catch nip ;
t{ ntr-negative -> -4 }t

\ ------------------------------------------------------------------------------
testing NAME>STRING NAME>INTERPRET NAME>COMPILE
: nt-of ( c-addr u -- nt ) forth-wordlist search-wordlist 0= if 0 then ;
: nt-word 42 ;
: nt-imm 43 ; immediate
t{ s" nt-word" nt-of name>string s" nt-word" str= -> true }t
t{ s" dup" nt-of name>string nip -> 3 }t
t{ s" nt-word" nt-of name>interpret execute -> 42 }t
t{ s" nt-imm" nt-of name>compile -> s" nt-imm" nt-of ' execute }t
t{ s" nt-word" nt-of name>compile -> s" nt-word" nt-of ' compile, }t
: nc-1 [ s" nt-word" nt-of name>compile execute ] ;
t{ nc-1 -> 42 }t
: nc-2 [ s" nt-imm" nt-of name>compile execute ] literal ;
t{ nc-2 -> 43 }t

\ ------------------------------------------------------------------------------
testing TRAVERSE-WORDLIST visits the newest word first, until false
wordlist constant tw
get-current tw set-current
: tw-a 1 ; : tw-b 2 ; : tw-c 3 ; : tw-b 4 ;
set-current
: (all) ( i*x nt -- i*x x true ) name>interpret execute true ;
t{ ' (all) tw traverse-wordlist -> 4 3 2 1 }t
: (two) ( n nt -- n' flag ) drop 1+ dup 2 < ;
t{ 0 ' (two) tw traverse-wordlist -> 2 }t
: (count) ( n nt -- n+1 true ) drop 1+ true ;
t{ 0 ' (count) wordlist traverse-wordlist -> 0 }t
t{ 0 ' (count) tw traverse-wordlist -> 4 }t
:noname ( n nt -- n+1 true ) drop 1+ true ; constant count-xt
t{ 0 count-xt forth-wordlist traverse-wordlist 100 > -> true }t
t{ 0 ' (count) 0 ' traverse-wordlist catch nip nip nip -> -12 }t

\ ------------------------------------------------------------------------------
testing SYNONYM
: syn-a 10 ;
synonym syn-b syn-a
t{ syn-b -> 10 }t
: syn-i 20 ; immediate
synonym syn-j syn-i
t{ : syn-k syn-j literal ; syn-k -> 20 }t
5 value syn-v
synonym syn-w syn-v
t{ 6 to syn-w syn-v -> 6 }t
variable syn-var
synonym syn-var2 syn-var
t{ 7 syn-var2 ! syn-var @ -> 7 }t
synonym my-dup dup
t{ 3 my-dup -> 3 3 }t
: syn-c 8 my-dup ;
t{ syn-c -> 8 8 }t
synonym my-if if
t{ : syn-d my-if 1 else 2 then ; 0 syn-d -> 2 }t
t{ s" synonym syn-x no-such-word" ' evaluate catch nip nip -> -13 }t

\ ------------------------------------------------------------------------------
testing FORGET
: fg-1 1 ;
here constant fg-here
variable fg-var 99 ,
: fg-2 2 ;
: fg-1 3 ;
t{ fg-1 -> 3 }t
forget fg-var
t{ [defined] fg-var [defined] fg-2 -> false false }t
t{ fg-1 -> 1 }t
t{ here fg-here = -> true }t
t{ s" forget dup" ' evaluate catch nip nip -> -15 }t
t{ s" forget no-such-word" ' evaluate catch nip nip -> -13 }t
wordlist constant fg-wl
get-current fg-wl set-current : fg-3 ; set-current
forget fg-wl
t{ [defined] fg-wl -> false }t

\ ------------------------------------------------------------------------------
testing DUMP faults on unreadable memory, .S and ? leave the stack alone
t{ 0 16 ' dump catch nip nip -> -9 }t
t{ here 0 dump -> }t
t{ 1 2 .s -> 1 2 }t

\ ------------------------------------------------------------------------------
testing ENVIRONMENT? answers for these word sets
t{ s" TOOLS" environment? -> true true }t
t{ s" tools-ext" environment? -> false true }t   \ no ;CODE ASSEMBLER CODE EDITOR
t{ s" SEARCH-ORDER" environment? s" SEARCH-ORDER-EXT" environment? -> true true true true }t
t{ s" WORDLISTS" environment? -> 16 true }t
t{ s" FILE" environment? s" FILE-EXT" environment? -> true true true true }t
t{ s" BLOCK" environment? s" BLOCK-EXT" environment? -> true true true true }t

\ ------------------------------------------------------------------------------
testing #! ARGC ARG GETENV: run as xforth harness.fs tools.fs -e "report bye"
#! this line is a comment 1 2 3
t{ argc -> 3 }t
t{ 1 arg s" -e" compare -> 0 }t
t{ 2 arg s" report bye" compare -> 0 }t
t{ 0 arg nip 0> -> true }t
t{ 3 arg -> 0 0 }t
t{ -1 arg -> 0 0 }t
t{ s" XFORTH_SURELY_NOT_SET" getenv -> 0 0 }t
t{ s" PATH" getenv nip 0> -> true }t
\ a wild name is -9, never a crash in libc (found by the fuzzer)
: wild-getenv 46 1 ['] getenv catch >r 2drop r> ;
t{ wild-getenv -> -9 }t
