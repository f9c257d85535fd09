\ SPDX-License-Identifier: MIT
\ XCHAR and XCHAR EXT (UTF-8): the standard suite does not test them.

create xbuf 32 allot
: s= ( c-addr1 u1 c-addr2 u2 -- flag ) compare 0= ;
: xc-ior ( i*x xt -- ior ) catch nip ;   \ for one-argument words

\ ------------------------------------------------------------------------------
testing XC-SIZE at each boundary
t{ 0 xc-size $7F xc-size $80 xc-size $7FF xc-size $800 xc-size -> 1 1 2 2 3 }t
t{ $FFFF xc-size $10000 xc-size $10FFFF xc-size $1FFFFF xc-size -> 3 4 4 4 }t
t{ $200000 xc-size $3FFFFFF xc-size $4000000 xc-size $7FFFFFFF xc-size -> 5 5 6 6 }t
t{ $80000000 ' xc-size xc-ior -1 ' xc-size xc-ior -> -77 -77 }t

testing XC!+ writes UTF-8
t{ char A xbuf xc!+ xbuf - xbuf c@ -> 1 65 }t
t{ $E4 xbuf xc!+ xbuf - xbuf 2 s\" \xC3\xA4" s= -> 2 -1 }t
t{ $20AC xbuf xc!+ xbuf - xbuf 3 s\" \xE2\x82\xAC" s= -> 3 -1 }t
t{ $1F600 xbuf xc!+ xbuf - xbuf 4 s\" \xF0\x9F\x98\x80" s= -> 4 -1 }t
t{ $7FFFFFFF xbuf xc!+ xbuf - xbuf 6 s\" \xFD\xBF\xBF\xBF\xBF\xBF" s= -> 6 -1 }t
: xc!+-ior ( xchar addr -- ior ) ['] xc!+ catch nip nip ;
t{ $80000000 xbuf xc!+-ior -> -77 }t

testing XC@+ XC@ read back what XC!+ wrote
: round-trip ( xchar -- xchar' n ) xbuf xc!+ drop xbuf xc@+ swap xbuf - ;
t{ 0 round-trip $7F round-trip $80 round-trip -> 0 1 $7F 1 $80 2 }t
t{ $FFFF round-trip $10FFFF round-trip $7FFFFFFF round-trip -> $FFFF 3 $10FFFF 4 $7FFFFFFF 6 }t
t{ s" €" drop xc@ -> $20AC }t

testing XC@+ XC@ XCHAR+ throw -77 on malformed UTF-8
t{ s\" \x80" drop ' xc@ xc-ior -> -77 }t          \ a continuation byte first
t{ s\" \xFF" drop ' xc@ xc-ior -> -77 }t
t{ s\" \xC3A" drop ' xc@ xc-ior -> -77 }t         \ a continuation byte missing
t{ s\" \xE2\x82A" drop ' xchar+ xc-ior -> -77 }t
t{ s\" \xBF" drop ' xc@+ xc-ior -> -77 }t

testing XC!+? stores only what fits
t{ $20AC xbuf 2 xc!+? -> xbuf 2 0 }t
t{ $20AC xbuf 3 xc!+? -> xbuf 3 + 0 -1 }t
t{ $20AC xbuf 10 xc!+? -> xbuf 3 + 7 -1 }t
t{ char a xbuf 0 xc!+? -> xbuf 0 0 }t
t{ char a xbuf -1 xc!+? -> xbuf -1 0 }t

testing XC, compiles UTF-8 into data space
here $E4 xc, char b xc, here over - constant #xc,  constant xc,-at
t{ xc,-at #xc, s\" \xC3\xA4b" s= -> -1 }t

testing XCHAR+ XCHAR- step over whole xchars
: sample ( -- c-addr u ) s\" a\xC3\xA4\xE2\x82\xAC\xF0\x9F\x98\x80z" ;   \ a ä € 😀 z
t{ sample drop xchar+ sample drop - -> 1 }t
t{ sample drop 1+ xchar+ sample drop - -> 3 }t
t{ sample drop 3 + xchar+ sample drop - -> 6 }t
t{ sample drop 6 + xchar+ sample drop - -> 10 }t
t{ sample + 1- xchar- sample drop - -> 6 }t        \ from z back to 😀
t{ sample drop 10 + xchar- sample drop - -> 6 }t
t{ sample drop 6 + xchar- sample drop - -> 3 }t
t{ sample drop 3 + xchar- sample drop - -> 1 }t
t{ sample drop 1+ xchar- sample drop - -> 0 }t

testing X-SIZE is the size the first byte announces
t{ sample x-size sample 1 /string x-size sample 6 /string x-size -> 1 2 4 }t
t{ s\" \xE2\x82" x-size -> 3 }t                   \ as Gforth: cut off, but announced
t{ xbuf 0 x-size -> 0 }t
: x-size-ior ( c-addr u -- ior ) ['] x-size catch nip nip ;
t{ s\" \x80" x-size-ior -> -77 }t

testing +X/STRING X\STRING-
t{ sample +x/string -> sample 1 /string }t
t{ sample 1 /string +x/string -> sample 3 /string }t
t{ s\" \xE2\x82" +x/string nip -> 0 }t             \ never beyond the end
t{ xbuf 0 +x/string -> xbuf 0 }t
t{ sample x\string- -> sample 1- }t
t{ sample 1- x\string- -> sample drop 6 }t
t{ sample 1- x\string- x\string- x\string- x\string- -> sample drop 0 }t
t{ xbuf 0 x\string- -> xbuf 0 }t
t{ s\" a\x80" x\string- nip -> 1 }t                \ a stray byte is an xchar of its own

testing -TRAILING-GARBAGE drops a cut-off or malformed last xchar
t{ sample -trailing-garbage -> sample }t
t{ sample 1- -trailing-garbage -> sample 1- }t
t{ sample 2 - -trailing-garbage -> sample drop 6 }t  \ 😀 cut after 3 bytes
t{ sample 4 - -trailing-garbage -> sample drop 6 }t
t{ s\" ab\xFF" -trailing-garbage nip -> 2 }t
t{ s\" ab\x80" -trailing-garbage nip -> 2 }t
t{ xbuf 0 -trailing-garbage -> xbuf 0 }t

testing X-WIDTH XC-WIDTH count terminal columns
t{ char a xc-width $E4 xc-width $4E2D xc-width $301 xc-width 7 xc-width -> 1 1 2 0 0 }t
t{ s" abc" x-width s" äöü" x-width s" 中文" x-width -> 3 3 4 }t
t{ s" e´" x-width xbuf 0 x-width -> 2 0 }t
t{ s\" a\xFFb" x-width -> 3 }t                     \ a malformed byte takes a column

testing XHOLD puts xchars into pictured numeric output
: price ( u -- c-addr u ) 0 <# # # [char] , hold #s $20AC xhold #> ;
t{ 1234 price s" €12,34" s= -> -1 }t
t{ <# 0 0 $1F600 xhold char x xhold #> s\" x\xF0\x9F\x98\x80" s= -> -1 }t

testing CHAR and [CHAR] take the first xchar, as in Gforth
t{ char ä char € char a -> $E4 $20AC 97 }t
: euro ( -- xchar ) [char] € ;
t{ euro -> $20AC }t

testing EKEY>XCHAR
t{ char a ekey>xchar -> char a -1 }t
t{ $20AC ekey>xchar -> $20AC -1 }t
t{ k-left ekey>xchar -> k-left 0 }t

testing XKEY? answers without waiting
t{ xkey? dup 0= swap -1 = or -> -1 }t

testing ENVIRONMENT? for XCHAR and the word sets
: encoding ( -- flag flag ) s" XCHAR-ENCODING" environment? >r s" UTF-8" s= r> ;
t{ encoding -> -1 -1 }t
t{ s" MAX-XCHAR" environment? s" XCHAR-MAXMEM" environment? -> $7FFFFFFF -1 6 -1 }t
t{ s" DOUBLE" environment? s" STRING-EXT" environment? -> -1 -1 -1 -1 }t
t{ s" MEMORY-ALLOC" environment? s" FACILITY-EXT" environment? -> -1 -1 -1 -1 }t
