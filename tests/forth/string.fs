\ SPDX-License-Identifier: MIT
\ STRING and STRING EXT beyond what the standard suite checks.

create buf 64 allot
: s= ( c-addr1 u1 c-addr2 u2 -- flag ) compare 0= ;
\ A result string with a count, checked against the expected string.
: check ( c-addr1 u1 n c-addr2 u2 -- flag n ) rot >r s= r> ;

\ ------------------------------------------------------------------------------
testing -TRAILING removes spaces only
t{ s" ab  " -trailing nip -> 2 }t
t{ s" ab	" -trailing nip -> 3 }t     \ a tab stays
t{ s"    " -trailing nip -> 0 }t
t{ buf 0 -trailing -> buf 0 }t
: trim ( c-addr u -- c-addr u' ) -trailing ;
t{ s" x " trim s" x" s= -> -1 }t

testing /STRING, with and without a literal
t{ s" abcdef" 2 /string s" cdef" s= -> -1 }t
t{ s" abcdef" 2 /string -2 /string s" abcdef" s= -> -1 }t
: skip2 ( c-addr u -- c-addr' u' ) 2 /string ;
: back2 ( c-addr u -- c-addr' u' ) -2 /string ;
: skip-n ( c-addr u n -- c-addr' u' ) /string ;
t{ buf 10 skip2 -> buf 2 + 8 }t
t{ buf 10 back2 -> buf 2 - 12 }t
t{ buf 10 3 skip-n -> buf 3 + 7 }t
t{ buf 10 0 /string -> buf 10 }t

testing COMPARE orders by unsigned characters, then by length
t{ s" a" s" b" compare s" b" s" a" compare -> -1 1 }t
t{ s" ab" s" abc" compare s" abc" s" ab" compare -> -1 1 }t
t{ s" " s" " compare -> 0 }t
t{ s\" \x80" s" a" compare -> 1 }t
t{ s" ABC" s" abc" compare -> -1 }t   \ case sensitive
: cmp ( c-addr1 u1 c-addr2 u2 -- n ) compare ;
t{ s" same" s" same" cmp -> 0 }t

testing SEARCH
: aaab ( -- c-addr u ) s" aaab" ;
t{ aaab s" aab" search -> aaab 1 /string -1 }t
t{ s" abc" s" abcd" search nip nip -> 0 }t
t{ s" abc" s" c" search s" c" check -> -1 -1 }t
t{ s" abc" s" x" search rot drop -> 3 0 }t
t{ buf 0 s" " search -> buf 0 -1 }t

testing SLITERAL keeps its own copy
: text ( -- c-addr u ) s" hello" ;
text buf swap cmove
: copied ( -- c-addr u ) [ buf 5 ] sliteral ;
s" XXXXX" buf swap cmove
t{ copied text s= -> -1 }t
t{ copied drop buf = -> 0 }t
: empty-lit ( -- c-addr u ) [ buf 0 ] sliteral ;
t{ empty-lit nip -> 0 }t

testing CMOVE CMOVE> propagate in opposite directions
t{ s" abcdef" buf swap cmove buf buf 1+ 4 cmove buf 6 s" aaaaaf" s= -> -1 }t
t{ s" abcdef" buf swap cmove buf 1+ buf 4 cmove> buf 6 s" eeeeef" s= -> -1 }t
t{ s" abcdef" buf swap cmove buf buf 2 + 0 cmove buf 6 s" abcdef" s= -> -1 }t

testing BLANK
t{ buf 4 blank buf 6 s"     ef" s= -> -1 }t

\ ------------------------------------------------------------------------------
testing UNESCAPE doubles every %
t{ s" 100%" buf unescape s" 100%%" s= -> -1 }t
t{ s" %%" buf unescape s" %%%%" s= -> -1 }t
t{ s" " buf unescape nip -> 0 }t
t{ s" a%b" buf unescape drop -> buf }t

testing REPLACES SUBSTITUTE
: subst ( c-addr u -- c-addr' u' n ) buf 64 substitute ;
s" World" s" who" replaces
t{ s" Hello %who%!" subst s" Hello World!" check -> -1 1 }t
t{ s" %WHO%" subst s" World" check -> -1 1 }t   \ names are case-insensitive
t{ s" %who%%who%" subst s" WorldWorld" check -> -1 2 }t
t{ s" 50%% off" subst s" 50% off" check -> -1 0 }t
t{ s" %nobody% %who%" subst s" %nobody% World" check -> -1 1 }t
\ after an unknown name, parsing resumes after its closing delimiter
t{ s" %x%who%" subst s" %x%who%" check -> -1 0 }t
t{ s" tail %who" subst s" tail %who" check -> -1 0 }t
t{ s" %" subst s" %" check -> -1 0 }t
t{ s" " subst rot drop -> 0 0 }t
\ replacing again changes the text; the text buffer may be reused
buf 8 + 3 char z fill
buf 8 + 3 s" who" replaces
buf 8 + 3 char y fill
t{ s" %who%" subst s" zzz" check -> -1 1 }t
s" " s" who" replaces
t{ s" <%who%>" subst s" <>" check -> -1 1 }t
\ the replacement is not scanned again
s" %who%" s" self" replaces
t{ s" %self%" subst s" %who%" check -> -1 1 }t

testing SUBSTITUTE reports a result too long with a negative n
t{ s" abcdef" buf 5 substitute nip nip 0< -> -1 }t
t{ s" abcdef" buf 6 substitute nip nip -> 0 }t
s" 0123456789" s" ten" replaces
t{ s" %ten%" buf 9 substitute nip nip -> -78 }t
t{ s" %ten%" buf 10 substitute nip nip -> 1 }t

testing SUBSTITUTE with source and destination overlapping
t{ s" a%ten%b" buf swap cmove buf 7 buf 40 substitute -> buf 12 1 }t
t{ buf 12 s" a0123456789b" s= -> -1 }t
t{ s" xx%ten%" buf 20 + swap cmove buf 20 + 7 buf 21 + 40 substitute -> buf 21 + 12 1 }t
t{ buf 21 + 12 s" xx0123456789" s= -> -1 }t

testing UNESCAPE then SUBSTITUTE gives back the text
t{ s" %ten% 5%" buf 32 + unescape buf 32 substitute s" %ten% 5%" check -> -1 0 }t

testing REPLACES rejects a name with the delimiter
: replaces-ior ( c-addr1 u1 c-addr2 u2 -- ior ) ['] replaces catch >r 2drop 2drop r> ;
t{ s" x" s" a%b" replaces-ior -> -79 }t

testing a wild address is -9 in every string word (found by the fuzzer: REPLACES died of terminate())
: wild ( -- addr ) 8 ;
: read-only ( -- addr ) ['] dup @ ;   \ native code: readable, not writable
\ CATCH, and only its code kept of what it leaves (3 or 4 cells)
: catch3 ( i*x xt -- ior ) catch >r 2drop drop r> ;
: catch4 ( i*x xt -- ior ) catch >r 2drop 2drop r> ;
t{ wild 1 s" x" ' replaces catch4 -> -9 }t
t{ s" x" wild 1 ' replaces catch4 -> -9 }t
t{ wild 1 s" abc" ' compare catch4 -> -9 }t
t{ s" abc" wild 1 ' compare catch4 -> -9 }t
t{ wild 1 s" abc" ' search catch4 -> -9 }t
t{ s" abc" wild 1 ' search catch4 -> -9 }t
t{ wild 1 buf 8 ' substitute catch4 -> -9 }t
t{ s" abc" wild 8 ' substitute catch4 -> -9 }t
t{ s" abc" read-only 8 ' substitute catch4 -> -9 }t
t{ wild 1 buf ' unescape catch3 -> -9 }t
t{ s" abc" read-only ' unescape catch3 -> -9 }t
\ the system still works after them
t{ s" abc" s" abc" compare -> 0 }t
