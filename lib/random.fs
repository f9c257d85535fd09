\ SPDX-License-Identifier: MIT
\ random.fs -- pseudo-random numbers for games, simulations and tests:
\ xorshift64* (Vigna, 2014), one cell of state, not for cryptography.
\ Load it with  REQUIRE random.fs  . Every run gives the same sequence
\ until SEED! starts another one.

variable rng-state ( -- a-addr ) \ xforth
\G The generator's state; never zero.
$9E3779B97F4A7C15 rng-state !

: seed! ( u -- ) \ xforth
  \G Start the sequence of seed u (0 is taken as 1).
  dup 0= - rng-state ! ;

: random ( -- u ) \ xforth
  \G The next pseudo-random cell, every bit of it usable.
  rng-state @
  dup 12 rshift xor  dup 25 lshift xor  dup 27 rshift xor
  dup rng-state !  $2545F4914F6CDD1D * ;

: choose ( u1 -- u2 ) \ xforth
  \G A pseudo-random number from 0 to u1-1, each as likely (u1 > 0).
  random um* nip ;

: cells-exchange ( a-addr1 a-addr2 -- ) \ xforth
  \G Exchange the cells at a-addr1 and a-addr2.
  2dup @ swap @ rot ! swap ! ;

: shuffle ( a-addr u -- ) \ xforth
  \G Put the u cells from a-addr in a random order (Fisher-Yates).
  begin dup 1 > while
    1-  2dup cells +  >r  2dup 1+ choose cells +  r>  cells-exchange
  repeat 2drop ;
