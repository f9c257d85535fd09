\ SPDX-License-Identifier: MIT
\ BLOCK and BLOCK EXT, OPEN-BLOCKS and USE, beyond what the standard suite
\ checks. The blocks live in a file in /tmp, unique to this process (from its
\ process id), deleted at the end.

: str= ( c-addr1 u1 c-addr2 u2 -- flag )
  rot over <> if drop 2drop false exit then
  0 ?do over i + c@ over i + c@ <> if 2drop false unloop exit then loop 2drop true ;

\ The process id, the first field of /proc/self/stat: data space addresses
\ repeat between processes (it is mapped in the low 2 GiB).
: process-id ( -- n )
  s" /proc/self/stat" r/o open-file throw >r
  pad 32 r@ read-file throw drop  r> close-file throw
  0 0 pad 32 >number 2drop drop ;
process-id constant tmp-id
create name-buf 256 allot  variable name-len
: +name ( c-addr u -- ) tuck name-buf name-len @ + swap move name-len +! ;
: tmp ( c-addr u -- c-addr2 u2 )
  0 name-len !  s" /tmp/xforth-test-" +name  tmp-id 0 <# #s #> +name  s" -" +name  +name
  name-buf name-len @ ;
: blocks-name ( -- c-addr u ) s" blocks.fb" tmp ;

\ write-block ( u c-addr n -- ) the text, blank-padded, as block u
: write-block ( u c-addr n -- ) rot buffer dup 1024 blank swap move update ;
\ write-line ( u line c-addr n -- ) the text at 64-character line `line` of block u
: write-line ( u line c-addr n -- ) 2swap swap block swap 64 * + swap move update ;

t{ blocks-name open-blocks -> }t

\ ------------------------------------------------------------------------------
testing BLOCK BUFFER: addresses, blanks past the end of the file
t{ 1 block dup aligned = -> true }t
t{ 1 block 1 block = -> true }t
t{ 1 block 2 block = -> false }t
t{ 3 buffer 3 block = -> true }t
t{ 500 block c@ 500 block 1023 + c@ -> bl bl }t
t{ 0 block drop -> }t                             \ block 0 exists
t{ -1 ' block catch nip -> -35 }t
t{ -1 ' buffer catch nip -> -35 }t

testing UPDATE SAVE-BUFFERS FLUSH EMPTY-BUFFERS
t{ 5 s" hello blocks" write-block save-buffers -> }t
t{ empty-buffers 5 block 12 s" hello blocks" str= -> true }t
t{ 5 block 5 + char X swap c! -> }t               \ not UPDATEd
t{ empty-buffers 5 block 12 s" hello blocks" str= -> true }t
t{ 5 block 5 + char X swap c! update flush -> }t
t{ 5 block 12 s" helloXblocks" str= -> true }t
t{ 6 s" six" write-block 7 block drop update empty-buffers -> }t   \ only the current one
t{ 6 block 3 s" six" str= 7 block c@ -> false bl }t
testing more blocks than buffers: the least recently used one is written back
: fill-blocks ( -- ) 40 10 do i block 1024 i fill update loop ;
: check-blocks ( -- flag ) true 40 10 do i block c@ i = and  i block 1023 + c@ i = and loop ;
t{ fill-blocks empty-buffers check-blocks -> false }t   \ the last few were never written
t{ fill-blocks check-blocks -> true }t
t{ fill-blocks flush check-blocks -> true }t
t{ empty-buffers check-blocks -> true }t
testing the blocks file: block u at u*1024
t{ blocks-name r/o open-file throw value bf -> }t
t{ bf file-size drop -> 40 1024 * 0 }t
t{ 5 1024 * 0 bf reposition-file -> 0 }t
t{ pad 12 bf read-file pad 12 s" helloXblocks" str= -> 12 0 true }t
t{ bf close-file -> 0 }t

\ ------------------------------------------------------------------------------
testing LOAD BLK
variable blk-seen
t{ 8 s" 1 2 + blk @ blk-seen !" write-block 8 load blk-seen @ -> 3 8 }t
t{ blk @ -> 0 }t
t{ 0 ' load catch nip -> -35 }t                      \ block 0 cannot be loaded
t{ -1 ' load catch nip -> -35 }t
t{ 8 s" : from-block 42 ; 7 ( a comment" write-block 8 load from-block -> 7 42 }t
testing nested LOAD and EVALUATE restore BLK and >IN
t{ 8 s\" blk @ 9 load blk @ s\q blk @\q evaluate blk @" write-block
   9 s" blk @ 100" write-block  8 load -> 8 9 100 8 0 8 }t
testing \ skips to the end of its 64-character line
t{ 8 s" 1 \ 2" write-block  8 1 s" 3" write-line  8 load -> 1 3 }t
: backslash-at ( col -- ) \ block 8: "\" at column col of line 0, " 5" on line 1
  8 s" " write-block  8 block + [char] \ swap c!  8 1 s"  5" write-line ;
t{ 63 backslash-at 8 load -> 5 }t
t{ 62 backslash-at 8 load -> 5 }t
t{ 0 backslash-at 8 load -> 5 }t
t{ 8 s" 7" write-block  8 1 s" \ 8 9" write-line  8 2 s" 10" write-line  8 load -> 7 10 }t
testing [IF] across the lines of a block
t{ 8 0 s" 0 [if] 1" write-line  8 1 s" [else] 2" write-line  8 2 s" [then] 3" write-line
   8 load -> 2 3 }t
t{ 8 s" 0 [if] 1 2" write-block 8 load 4 -> 4 }t     \ the end of the block ends the scan
testing REFILL moves to the next block, a string source cannot refill
t{ 11 s" 11 refill 99" write-block  12 s" 12 blk @" write-block  11 load -> 11 -1 12 12 }t
t{ s" refill" evaluate -> 0 }t
testing THRU
t{ 13 s" 13" write-block 14 s" 14" write-block 15 s" 15" write-block -> }t
t{ 13 15 thru -> 13 14 15 }t
t{ 14 14 thru -> 14 }t
t{ 15 13 thru -> }t
testing an error in a loaded block restores BLK
t{ 8 s" 1 2 no-such-word-here" write-block 8 ' load catch nip blk @ -> -13 0 }t
testing a block that loads itself stops with a return stack overflow
t{ 8 s" 8 load" write-block 8 ' load catch nip blk @ -> -5 0 }t
testing SAVE-INPUT and RESTORE-INPUT in a block
variable passes
t{ 8 s" 0 passes ! save-input 1 passes +! passes @ 2 < [if] restore-input [else] 0 [then] passes @"
   write-block 8 load -> 0 0 2 }t

\ ------------------------------------------------------------------------------
testing LIST SCR
t{ 8 list scr @ -> 8 }t
t{ blk @ scr @ 5 block drop scr @ -> 0 8 8 }t

\ ------------------------------------------------------------------------------
testing OPEN-BLOCKS and USE switch files, saving the updated buffers first
t{ 16 s" kept" write-block -> }t
t{ s" other.fb" tmp open-blocks 16 block c@ -> bl }t
t{ 16 s" other" write-block -> }t
create use-buf 300 allot
: use-line ( -- c-addr u ) \ "use <blocks-name>"
  s" use " use-buf swap move  blocks-name dup >r use-buf 4 + swap move  use-buf r> 4 + ;
t{ use-line evaluate -> }t
t{ 16 block 4 s" kept" str= -> true }t
t{ s" other.fb" tmp open-blocks 16 block 5 s" other" str= -> true }t
t{ s" /nonexistent-dir/x.fb" ' open-blocks catch nip nip -> -38 }t
\ writing past the buffers faults instead of overwriting xforth's data
: t-past-block ( -- ior ) 1 buffer 1024 + 2000000 ['] erase catch >r 2drop r> ;
t{ t-past-block -> -9 }t
t{ 16 block 5 s" other" str= -> true }t
t{ s" other.fb" tmp delete-file -> 0 }t
t{ blocks-name delete-file -> 0 }t
