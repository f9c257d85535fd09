\ SPDX-License-Identifier: MIT
\ EXCEPTION: CATCH and THROW, and every fault the system turns into a
\ standard THROW code, caught by CATCH (the same faults at the prompt are in
\ tests/transcripts/faults.fs).

testing CATCH and THROW
: t-throw ( n -- ) throw ;
t{ 0 ' t-throw catch -> 0 }t
t{ 5 ' t-throw catch -> 5 5 }t          \ depth restored, code on top
: t-nested ( -- n ) 7 ['] t-throw catch ;
t{ t-nested -> 7 7 }t
t{ -2 ' t-throw catch -> -2 -2 }t

testing ABORT and ABORT" under CATCH
: t-abort ( -- ) abort ;
t{ ' t-abort catch -> -1 }t
: t-abort" ( flag -- ) abort" message" ;
t{ 0 ' t-abort" catch -> 0 }t
t{ 1 ' t-abort" catch -> 1 -2 }t

testing hardware faults become THROW codes
: t-underflow ( -- ) 10 0 do drop loop ;
t{ ' t-underflow catch -> -4 }t
: t-overflow ( -- ) 1000000 0 do 0 loop ;
t{ ' t-overflow catch -> -3 }t
: t-recurse ( -- ) recurse 1+ ;   \ not in tail position: RECURSE ; is a jump
t{ ' t-recurse catch -> -5 }t
: t-null ( -- x ) 0 @ ;
t{ ' t-null catch -> -9 }t
: t-wild-store ( -- ) 1 -1 c! ;
t{ ' t-wild-store catch -> -9 }t
: t-bad-move ( -- ) 0 here 100 move ;
t{ ' t-bad-move catch -> -9 }t
: t-bad-type ( -- ) 0 100 type ;
t{ ' t-bad-type catch -> -9 }t
: t-bad-execute ( -- ) 0 execute ;
t{ ' t-bad-execute catch -> -9 }t

testing every dividing word throws -10 on a zero divisor, -11 on overflow
\ ( i*x n xt -- code ): CATCH xt, then drop the n items it was given.
: code-of  swap >r catch r> swap >r 0 ?do drop loop r> ;
t{ 1 0 2 ' / code-of -> -10 }t
t{ 1 0 2 ' mod code-of -> -10 }t
t{ 1 0 2 ' /mod code-of -> -10 }t
t{ 1 1 0 3 ' */ code-of -> -10 }t
t{ 1 1 0 3 ' */mod code-of -> -10 }t
t{ 1 0 0 3 ' fm/mod code-of -> -10 }t
t{ 1 0 0 3 ' sm/rem code-of -> -10 }t
t{ 1 0 0 3 ' um/mod code-of -> -10 }t
t{ -9223372036854775808 -1 2 ' / code-of -> -11 }t
t{ 0 1 1 3 ' um/mod code-of -> -11 }t

testing interpreter errors under CATCH, through EVALUATE
t{ s" no-such-word-here" ' evaluate catch nip nip -> -13 }t
t{ s" if" ' evaluate catch nip nip -> -14 }t
t{ s" :" ' evaluate catch nip nip -> -16 }t
t{ s" : t-bad 1 if ;" ' evaluate catch nip nip -> -22 }t
t{ s" /no/such/file.fs" ' included catch nip nip -> -38 }t
t{ -1 1 rshift ' allot catch nip -> -8 }t
t{ s" t-bad" forth-wordlist search-wordlist -> 0 }t   \ the failed definition is gone

testing words written in C++ check the memory a program names: -9, never a crash
\ A fault inside a library function called on a wild address cannot be
\ turned into a THROW; these words check first (found by the fuzzer).
\ code-of ( i*x n xt -- code ) is above; the address 8 is never mapped.
t{ 8 3 2 ' evaluate code-of -> -9 }t
t{ 0 0 8 3 4 ' >number code-of -> -9 }t
t{ 8 3 2 ' >float code-of -> -9 }t
t{ 8 1 ' find code-of -> -9 }t
1e t{ 8 10 2 ' represent code-of -> -9 }t fdrop
: wild-local ( -- ior ) 8 3 ['] (local) catch >r 2drop r> ; immediate
: t-wild-local ( -- n ) wild-local literal ;
t{ t-wild-local -> -9 }t

testing writing past SOURCE faults instead of corrupting the heap (found by the fuzzer)
: t-past-source ( -- ior ) source + 2000000 2 ['] erase code-of ;
t{ t-past-source -> -9 }t
: t-past-word ( "name" -- ior ) bl word count + 2000000 2 ['] erase code-of ;
t{ t-past-word xyz -> -9 }t

testing the system still works after all that
t{ 2 3 + -> 5 }t
