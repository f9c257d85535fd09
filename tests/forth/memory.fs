\ SPDX-License-Identifier: MIT
\ MEMORY beyond what the standard suite checks: zero-sized blocks, the
\ iors of failures, and FREE or RESIZE of addresses ALLOCATE did not return.

variable a1
variable a2

testing ALLOCATE gives distinct, aligned, writable blocks
t{ 16 allocate swap a1 ! -> 0 }t
t{ 16 allocate swap a2 ! -> 0 }t
t{ a1 @ a2 @ = -> 0 }t
t{ a1 @ aligned a1 @ = -> -1 }t
t{ 1 a1 @ ! 2 a1 @ cell+ ! a1 @ @ a1 @ cell+ @ -> 1 2 }t
t{ a1 @ free a2 @ free -> 0 0 }t

testing ALLOCATE of 0 gives a block of its own
t{ 0 allocate swap a1 ! -> 0 }t
t{ 0 allocate swap a2 ! -> 0 }t
t{ a1 @ 0= a1 @ a2 @ = -> 0 0 }t
t{ a1 @ free a2 @ free -> 0 0 }t

testing ALLOCATE failure answers -59
t{ -1 allocate nip -> -59 }t
t{ -1 1 rshift allocate nip -> -59 }t

testing FREE errors answer -60 and do not crash
t{ 8 allocate swap a1 ! -> 0 }t
t{ a1 @ free -> 0 }t
t{ a1 @ free -> -60 }t             \ freed twice
t{ here free -> -60 }t             \ data space
t{ pad 3 + free -> -60 }t
t{ 0 free -> 0 }t                  \ as C's free and Gforth

testing RESIZE keeps the contents and moves the block
t{ 4 allocate swap a1 ! -> 0 }t
t{ 123 a1 @ c! 45 a1 @ 3 + c! -> }t
t{ a1 @ 100000 resize swap a1 ! -> 0 }t
t{ a1 @ c@ a1 @ 3 + c@ -> 123 45 }t
t{ a1 @ 2 resize swap a1 ! -> 0 }t
t{ a1 @ c@ -> 123 }t

testing RESIZE to 0 keeps a valid block
t{ a1 @ 0 resize swap a1 ! -> 0 }t
t{ a1 @ 0= -> 0 }t
t{ a1 @ 16 resize swap a1 ! -> 0 }t
t{ a1 @ free -> 0 }t

testing RESIZE failure answers -61 and leaves the block as it was
t{ 8 allocate swap a1 ! -> 0 }t
t{ 77 a1 @ ! -> }t
t{ a1 @ -1 resize -> a1 @ -61 }t
t{ a1 @ @ -> 77 }t
t{ a1 @ free -> 0 }t
t{ a1 @ 8 resize -> a1 @ -61 }t    \ freed already
t{ here 8 resize -> here -61 }t

testing RESIZE of 0 allocates, as in Gforth
t{ 0 24 resize swap a1 ! -> 0 }t
t{ a1 @ 0= -> 0 }t
t{ a1 @ free -> 0 }t

testing many blocks
: churn ( -- flag )
  true 100 0 do
    i 8 * allocate if drop false and leave then
    i over c!  dup c@ i 255 and = rot and swap
    free 0<> if false and then
  loop ;
t{ churn -> -1 }t
