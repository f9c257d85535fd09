\ SPDX-License-Identifier: MIT
\ FILE and FILE EXT beyond what the standard suite checks: iors of failing
\ operations, READ-LINE at its limits, INCLUDE-FILE and nested INCLUDED.
\ Files are made in /tmp under a name unique to this process (from the
\ address of data space) and deleted at the end.

: str= ( c-addr1 u1 c-addr2 u2 -- flag )
  rot over <> if drop 2drop false exit then
  0 ?do over i + c@ over i + c@ <> if 2drop false unloop exit then loop 2drop true ;

\ tmp ( c-addr u -- c-addr2 u2 ) "/tmp/xforth-test-<id>-" followed by the
\ name, in one of two buffers used in turn.
\ The process id, the first field of /proc/self/stat: data space addresses
\ repeat between processes (it is mapped in the low 2 GiB).
: process-id ( -- n )
  s" /proc/self/stat" r/o open-file throw >r
  pad 32 r@ read-file throw drop  r> close-file throw
  0 0 pad 32 >number 2drop drop ;
process-id constant tmp-id
create name-bufs 512 allot
variable which  variable name-len
: name-buf ( -- c-addr ) name-bufs which @ 256 * + ;
: +name ( c-addr u -- ) tuck name-buf name-len @ + swap move name-len +! ;
: tmp-prefix ( -- ) s" /tmp/xforth-test-" +name tmp-id 0 <# #s #> +name s" -" +name ;
: tmp ( c-addr u -- c-addr2 u2 )
  which @ 1 xor which !  0 name-len !  tmp-prefix +name  name-buf name-len @ ;
: tmp-base ( c-addr u -- c-addr2 u2 ) \ the same name without "/tmp/"
  tmp 5 /string ;

create buf 100 allot
variable fid
: fn-a s" a.txt" tmp ;
: fn-b s" b.txt" tmp ;

\ ------------------------------------------------------------------------------
testing R/O R/W W/O BIN
t{ r/o r/w = r/o w/o = r/w w/o = or or -> false }t
t{ r/o bin r/o = r/w bin r/w = w/o bin w/o = or or -> false }t

\ ------------------------------------------------------------------------------
testing CREATE-FILE WRITE-LINE WRITE-FILE CLOSE-FILE
t{ fn-a w/o create-file swap fid ! -> 0 }t
t{ s" first line" fid @ write-line -> 0 }t
t{ s" 0123456789abcdefghij" fid @ write-line -> 0 }t
t{ s\" crlf line\r" fid @ write-line -> 0 }t
t{ s" " fid @ write-line -> 0 }t
t{ s" no newline" fid @ write-file -> 0 }t
t{ fid @ file-size -> 54 0 0 }t
t{ fid @ file-position -> 54 0 0 }t
t{ fid @ close-file -> 0 }t

\ ------------------------------------------------------------------------------
testing READ-LINE: short buffers, CR LF, no final newline, end of file
t{ fn-a r/o open-file swap fid ! -> 0 }t
t{ buf 100 fid @ read-line -> 10 true 0 }t
t{ buf 10 s" first line" str= -> true }t
t{ buf 8 fid @ read-line -> 8 true 0 }t        \ longer than the buffer: in pieces
t{ buf 8 s" 01234567" str= -> true }t
t{ buf 8 fid @ read-line -> 8 true 0 }t
t{ buf 4 fid @ read-line -> 4 true 0 }t        \ exactly the rest: the end is still ahead
t{ buf 4 s" ghij" str= -> true }t
t{ buf 4 fid @ read-line -> 0 true 0 }t        \ ... and comes now
t{ buf 100 fid @ read-line -> 9 true 0 }t      \ CR LF ends a line
t{ buf 9 s" crlf line" str= -> true }t
t{ buf 0 fid @ read-line -> 0 true 0 }t        \ an empty buffer reads nothing
t{ buf 100 fid @ read-line -> 0 true 0 }t      \ an empty line
t{ buf 100 fid @ read-line -> 10 true 0 }t     \ the last line has no newline
t{ buf 10 s" no newline" str= -> true }t
t{ buf 100 fid @ read-line -> 0 false 0 }t     \ end of file
t{ buf 100 fid @ read-line -> 0 false 0 }t
t{ buf 0 fid @ read-line -> 0 false 0 }t
t{ fid @ file-position -> 54 0 0 }t

testing READ-FILE REPOSITION-FILE FILE-POSITION
t{ 6 0 fid @ reposition-file -> 0 }t
t{ buf 4 fid @ read-file -> 4 0 }t
t{ buf 4 s" line" str= -> true }t
t{ fid @ file-position -> 10 0 0 }t
t{ 50 0 fid @ reposition-file -> 0 }t
t{ buf 100 fid @ read-file -> 4 0 }t            \ a short read at the end
t{ buf 100 fid @ read-file -> 0 0 }t            \ nothing at the end is no error
t{ 1000 0 fid @ reposition-file -> 0 }t         \ past the end is allowed
t{ fid @ file-position -> 1000 0 0 }t
t{ buf 100 fid @ read-file -> 0 0 }t
t{ -1 -1 fid @ reposition-file -> -73 }t
t{ 0 1 fid @ reposition-file -> -73 }t
t{ s" x" fid @ write-file -> -75 }t              \ R/O
t{ s" x" fid @ write-line -> -76 }t
t{ fid @ close-file -> 0 }t

\ ------------------------------------------------------------------------------
testing W/O does not truncate; R/W switches between reading and writing
t{ fn-a w/o open-file swap fid ! -> 0 }t
t{ s" FIRST" fid @ write-file -> 0 }t
t{ buf 10 fid @ read-file nip -> -70 }t          \ W/O
t{ fid @ file-size -> 54 0 0 }t
t{ fid @ close-file -> 0 }t
t{ fn-a r/w open-file swap fid ! -> 0 }t
t{ buf 100 fid @ read-line -> 10 true 0 }t
t{ buf 10 s" FIRST line" str= -> true }t
t{ s" ABCD" fid @ write-file -> 0 }t             \ after a read, without a seek
t{ buf 6 fid @ read-file -> 6 0 }t               \ after a write, without a seek
t{ buf 6 s" 456789" str= -> true }t
t{ 11 0 fid @ reposition-file -> 0 }t
t{ buf 100 fid @ read-line -> 20 true 0 }t
t{ buf 20 s" ABCD456789abcdefghij" str= -> true }t

testing RESIZE-FILE FILE-SIZE FLUSH-FILE
t{ 5 0 fid @ resize-file -> 0 }t
t{ fid @ file-size -> 5 0 0 }t
t{ 0 0 fid @ reposition-file -> 0 }t
t{ buf 100 fid @ read-line -> 5 true 0 }t
t{ buf 100 fid @ read-line -> 0 false 0 }t
t{ 2000 0 fid @ resize-file -> 0 }t
t{ fid @ file-size -> 2000 0 0 }t
t{ s" end" fid @ write-file fid @ flush-file -> 0 0 }t
t{ -1 -1 fid @ resize-file -> -74 }t
t{ fid @ close-file -> 0 }t

\ ------------------------------------------------------------------------------
testing iors of failing operations
t{ fid @ close-file -> -62 }t                    \ closed twice
t{ 0 close-file -> -62 }t
t{ buf 10 fid @ read-file -> 0 -70 }t
t{ buf 10 fid @ read-line -> 0 false -71 }t
t{ buf 10 0 read-line -> 0 false -71 }t
t{ s" x" fid @ write-file -> -75 }t
t{ s" x" fid @ write-line -> -76 }t
t{ fid @ file-position -> 0 0 -65 }t
t{ 0 0 fid @ reposition-file -> -73 }t
t{ fid @ file-size -> 0 0 -66 }t
t{ 0 0 fid @ resize-file -> -74 }t
t{ fid @ flush-file -> -68 }t
t{ s" nonexistent.txt" tmp r/o open-file -> 0 -38 }t
t{ s" /nonexistent-dir/x.txt" r/w create-file -> 0 -63 }t
t{ fn-a 99 open-file -> 0 -69 }t                 \ no such access method
t{ fn-a 99 create-file -> 0 -63 }t
t{ s" /tmp" r/o open-file -> 0 -69 }t            \ a directory
t{ s" nonexistent.txt" tmp delete-file -> -38 }t
t{ s" nonexistent.txt" tmp fn-b rename-file -> -38 }t
t{ s" nonexistent.txt" tmp file-status -> 0 -38 }t
t{ 0 ' include-file catch nip -> -37 }t
t{ s" nonexistent.fs" tmp ' included catch nip nip -> -38 }t

testing FILE-STATUS RENAME-FILE DELETE-FILE
t{ fn-a file-status -> r/w 0 }t
t{ fn-a fn-b rename-file -> 0 }t
t{ fn-a file-status nip -> -38 }t
t{ fn-b file-status nip -> 0 }t
t{ fn-b delete-file -> 0 }t
t{ fn-b delete-file -> -38 }t

\ ------------------------------------------------------------------------------
testing INCLUDE-FILE runs the rest of a file and closes it
: line ( c-addr u -- ) fid @ write-line throw ;
t{ fn-a w/o create-file swap fid ! -> 0 }t
t{ s" 1 2 +" line s" : inc-word 10 * ;" line -> }t
t{ fid @ close-file -> 0 }t
t{ fn-a r/o open-file swap fid ! -> 0 }t
t{ fid @ include-file inc-word -> 30 }t
t{ fid @ close-file -> -62 }t                    \ INCLUDE-FILE closed it
testing INCLUDE-FILE starts at the file position
t{ fn-a r/o open-file swap fid ! -> 0 }t
t{ buf 100 fid @ read-line -> 5 true 0 }t
t{ fid @ include-file -> }t
t{ 4 inc-word -> 40 }t
testing INCLUDE-FILE closes the file after an error
t{ fn-a w/o create-file swap fid ! -> 0 }t
t{ s" 1 2 no-such-word-here 3" line -> }t
t{ fid @ close-file -> 0 }t
t{ fn-a r/o open-file swap fid ! -> 0 }t
t{ fid @ ' include-file catch nip -> -13 }t
t{ fid @ close-file -> -62 }t

\ ------------------------------------------------------------------------------
testing nested INCLUDED, names relative to the including file, SOURCE-ID
variable outer-id  variable inner-id
t{ fn-b w/o create-file swap fid ! -> 0 }t      \ b.txt: the inner file
t{ s" source-id inner-id !  100" line -> }t
t{ s" create line-buf 80 allot" line -> }t
t{ s" line-buf 80 source-id read-line 2drop constant got-len" line -> }t
t{ s" hello world" line -> }t                    \ read by READ-LINE, not interpreted
t{ s" 200 refill this rest of the line is skipped" line -> }t
t{ s" drop 300" line -> }t
t{ s" 400" line -> }t
t{ fid @ close-file -> 0 }t
t{ fn-a w/o create-file swap fid ! -> 0 }t      \ a.txt includes b.txt by its bare name
t{ s" source-id outer-id !  1" line -> }t
t{ s\" s\" " fid @ write-file s" b.txt" tmp-base fid @ write-file
   s\" \" included  2" line -> 0 0 }t
t{ s" 3" line -> }t
t{ fid @ close-file -> 0 }t
t{ fn-a included -> 1 100 200 300 400 2 3 }t
t{ got-len line-buf got-len s" hello world" str= -> 11 true }t
t{ outer-id @ inner-id @ = -> false }t
t{ outer-id @ 0= outer-id @ -1 = or -> false }t
t{ source-id outer-id @ = -> false }t
t{ outer-id @ file-position -> 0 0 -65 }t        \ closed after the include
t{ fn-a required -> }t                          \ INCLUDED counts for REQUIRED

testing INCLUDE and REQUIRE parse the name
create cmd-buf 300 allot  variable cmd-len
: cmd ( c-addr1 u1 c-addr2 u2 -- c-addr3 u3 ) \ the two strings joined
  2swap dup cmd-len ! cmd-buf swap move  tuck cmd-buf cmd-len @ + swap move
  cmd-len +!  cmd-buf cmd-len @ ;
t{ s" include " fn-a cmd evaluate -> 1 100 200 300 400 2 3 }t
t{ s" require " fn-a cmd evaluate -> }t
t{ s" require " fn-b cmd evaluate -> }t          \ included by a.txt already
t{ s" include " s" nonexistent.fs" tmp cmd ' evaluate catch nip nip -> -38 }t
t{ s" require " s" nonexistent.fs" tmp cmd ' evaluate catch nip nip -> -38 }t

\ ------------------------------------------------------------------------------
testing S" and S\" in interpretation state keep two strings
t{ s" abc" s\" d\te" 2swap s" abc" str= -rot s\" d\te" str= -> true true }t

\ Tidy up
fn-a delete-file drop
fn-b delete-file drop
t{ fn-a file-status nip fn-b file-status nip -> -38 -38 }t
