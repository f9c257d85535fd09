\ Forth runs on a return stack of its own with a guard page above its top:
\ popping more than was pushed (UNLOOP or R> in a runaway recursion) ends
\ in -6 there, and the C++ frames above stay intact: the prompt goes on.
: climb ( -- ) unloop recurse 1. ;
climb
1 2 + .
\ A CATCH frame the climb overwrote is not used: the error reaches the prompt.
: guarded ( -- ) ['] climb catch . ;
guarded
3 4 + .
: pops ( -- ) r> drop r> drop r> drop r> drop ;
pops
5 6 + .
