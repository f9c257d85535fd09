\ Runaway writes that start at an address xforth gave out stop at a guard
\ page (-9) before they reach xforth's own state: the prompt goes on.
\ From SCR (the system variables' page) down, and from BASE up:
here -1 scr cmove>
decimal 1 2 + .
base 100000 erase
decimal 3 4 + .
\ From PAD up through the free data space (it floats above HERE):
: kept ( -- c-addr u ) s" kept" ;
pad pad erase
kept type cr
\ The top of an empty stack is the guard zone's address, even after a line
\ that underflowed: a write through it stops there (-4), not in xforth's
\ memory (a fuzzer finding: `: g0 of` left a pointer in that slot).
: g0 of
0 pick 2291276210676633960 blank
decimal 5 6 + .
\ A number that is no xt cannot send EXECUTE anywhere: after a wild store,
\ the bytes at HERE pointed into xforth's own text (a fuzzer finding).
here $403001 , execute
decimal 7 8 + .
