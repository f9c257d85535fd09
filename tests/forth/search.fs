\ SPDX-License-Identifier: MIT
\ SEARCH and SEARCH EXT, and VOCABULARY, beyond what the standard suite checks.
\ Tests that empty the search order do it inside a definition that restores it.

only forth definitions

\ ------------------------------------------------------------------------------
testing FORTH-WORDLIST GET-CURRENT GET-ORDER at start-up
t{ get-current forth-wordlist = -> true }t
t{ get-order -> forth-wordlist 1 }t

\ ------------------------------------------------------------------------------
testing WORDLIST SEARCH-WORDLIST
wordlist constant wl1
wordlist constant wl2
t{ wl1 wl2 = wl1 forth-wordlist = or -> false }t
: (find-dup) s" dup" ;
t{ (find-dup) forth-wordlist search-wordlist nip -> -1 }t
t{ s" DuP" forth-wordlist search-wordlist -> ' dup -1 }t   \ case-insensitive
t{ s" (" forth-wordlist search-wordlist nip -> 1 }t      \ immediate
t{ (find-dup) wl1 search-wordlist -> 0 }t
t{ s" " forth-wordlist search-wordlist -> 0 }t
t{ s" no-such-word-anywhere" forth-wordlist search-wordlist -> 0 }t
t{ s" dup" 0 ' search-wordlist catch nip nip nip -> -12 }t   \ not a wid

\ ------------------------------------------------------------------------------
testing SET-CURRENT puts definitions in another wordlist
wl1 set-current
: sw-word 111 ;
: sw-imm 222 ; immediate
forth-wordlist set-current
t{ s" sw-word" wl1 search-wordlist nip -> -1 }t
t{ s" sw-imm" wl1 search-wordlist nip -> 1 }t
t{ s" sw-word" forth-wordlist search-wordlist -> 0 }t
t{ s" sw-word" wl1 search-wordlist drop execute -> 111 }t
t{ 0 ' set-current catch nip -> -12 }t

\ ------------------------------------------------------------------------------
testing SET-ORDER ALSO PREVIOUS ONLY FORTH DEFINITIONS
t{ get-order wl1 swap 1+ set-order sw-word previous -> 111 }t
t{ also wl1 get-order nip nip nip previous -> 2 }t
: only-wl1 ( -- wid n ) wl1 1 set-order get-order forth ;
t{ only-wl1 -> wl1 1 }t
: order-depth ( -- n ) get-order dup >r 0 ?do drop loop r> ;
t{ only order-depth -> 1 }t
t{ also also order-depth only -> 3 }t
t{ -1 set-order get-order -> forth-wordlist 1 }t
: empty-order ( -- n ) get-order 0 set-order get-order >r set-order r> ;
t{ empty-order -> 0 }t
\ FORTH on an empty order installs the Forth wordlist
: forth-on-empty ( -- wid n ) get-order 0 set-order forth get-order 2>r set-order 2r> ;
t{ forth-on-empty -> forth-wordlist 1 }t
t{ get-order wl2 swap 1+ set-order definitions get-current previous definitions -> wl2 }t
t{ get-current -> forth-wordlist }t
\ The first wordlist of the order is searched first
wl2 set-current : sw-word 333 ; forth-wordlist set-current
t{ get-order wl1 wl2 rot 2 + set-order sw-word previous previous -> 333 }t
t{ get-order wl2 wl1 rot 2 + set-order sw-word previous previous -> 111 }t

\ ------------------------------------------------------------------------------
testing search-order overflow -49 and underflow -50
: fill-order ( -- ) 15 0 do also loop ;
t{ fill-order order-depth ' also catch only -> 16 -49 }t
: too-many ( -- ior ) 17 0 do forth-wordlist loop 17 ['] set-order catch >r
    18 0 do drop loop r> ;
t{ too-many -> -49 }t
t{ -2 ' set-order catch nip -> -24 }t
: previous-on-empty ( -- ior ) get-order 0 set-order ['] previous catch >r set-order r> ;
t{ previous-on-empty -> -50 }t
: definitions-on-empty ( -- ior ) get-order 0 set-order ['] definitions catch >r set-order r> ;
t{ definitions-on-empty -> -50 }t
: also-on-empty ( -- ior ) get-order 0 set-order ['] also catch >r set-order r> ;
t{ also-on-empty -> -50 }t
t{ order-depth -> 1 }t
\ PREVIOUS may empty the order, as in Gforth
: previous-to-empty ( -- n ) get-order forth-wordlist 1 set-order previous get-order >r set-order r> ;
t{ previous-to-empty -> 0 }t

\ ------------------------------------------------------------------------------
testing VOCABULARY
vocabulary voc1
vocabulary voc2
: first-wid ( -- wid ) get-order swap >r 1- 0 ?do drop loop r> ;
t{ also voc1 first-wid previous ' voc1 >body = -> true }t
also voc1 definitions
: v-word 1 ;
voc2 definitions
: v-word 2 ;
previous definitions
t{ [defined] v-word -> false }t
t{ also voc1 v-word previous -> 1 }t
t{ also voc2 v-word previous -> 2 }t
t{ also voc1 voc2 v-word previous -> 2 }t     \ a vocabulary replaces the first wordlist
t{ order-depth -> 1 }t
t{ s" v-word" ' voc1 >body search-wordlist nip -> -1 }t
: use-voc1 ( -- n ) also voc1 s" v-word" get-order over >r 0 ?do drop loop r> search-wordlist drop execute previous ;
t{ use-voc1 -> 1 }t

\ ------------------------------------------------------------------------------
testing FIND and the interpreter follow the order
: c-vword c" v-word" ;
t{ c-vword find nip -> 0 }t
t{ also voc1 c-vword find nip previous -> -1 }t

only forth definitions

\ ------------------------------------------------------------------------------
testing a wid is no address: writing through one is -9 (found by the fuzzer: GET-CURRENT n BLANK wiped the dictionary)
: wid-blank ( wid -- ior ) 64 ['] blank catch >r 2drop r> ;
t{ get-current wid-blank -> -9 }t
t{ forth-wordlist wid-blank -> -9 }t
t{ wl1 wid-blank -> -9 }t
t{ s" wid-blank" forth-wordlist search-wordlist nip -> -1 }t   \ the dictionary is intact
: wild-search ( -- ior ) 8 3 forth-wordlist ['] search-wordlist catch >r 2drop drop r> ;
t{ wild-search -> -9 }t
