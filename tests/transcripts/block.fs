: process-id ( -- n ) s" /proc/self/stat" r/o open-file throw >r pad 32 r@ read-file throw drop r> close-file throw 0 0 pad 32 >number 2drop drop ;
process-id constant id
: blocks-name ( -- c-addr u ) id 0 <# #s s" /tmp/xforth-transcript-" holds #> ;
blocks-name open-blocks
: text ( u line c-addr n -- ) 2swap swap block swap 64 * + swap move update ;
3 buffer 1024 blank  4 buffer 1024 blank  5 buffer 1024 blank
3 0 s\" ( a screen )  : greet  .\q hello\q ;" text
3 1 s" 1 2 +  \ comment to the end of the line" text
3 15 s" \ last line" text
3 list
3 load . greet cr
4 0 s" 1 2" text  4 2 s"     3 nope 4" text
4 load
blk @ . depth . cr
5 1 s" 4 load" text
5 load
flush blocks-name delete-file .
