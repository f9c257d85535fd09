\ SPDX-License-Identifier: MIT
\ lib/random.fs: the xorshift64* sequence, CHOOSE's range and spread,
\ SEED! restarting a sequence, SHUFFLE giving a permutation.

include lib/random.fs

\ ------------------------------------------------------------------------------
testing RANDOM follows xorshift64* (first values of seed 1, computed apart)
t{ 1 seed! random -> $47E4CE4B896CDD1D }t
t{ random -> -6066446928794000099 }t
testing SEED! restarts the sequence; seed 0 is seed 1
t{ 7 seed! random random  7 seed! random random  d= -> true }t
t{ 0 seed! random  1 seed! random = -> true }t

\ ------------------------------------------------------------------------------
testing CHOOSE stays in 0..u-1 and reaches every value
create seen 10 cells allot
: draw ( -- flag )   \ 1000 draws from 0..9: all in range?
  seen 10 cells erase  true
  1000 0 do 10 choose  dup 10 u< and  1 over cells seen + +!  drop loop ;
: all-seen ( -- flag ) true 10 0 do seen i cells + @ 0= if 0= then loop ;
t{ 3 seed! draw all-seen -> true true }t
t{ 1 choose 1 choose 1 choose -> 0 0 0 }t

\ ------------------------------------------------------------------------------
testing SHUFFLE is a permutation
create deck 20 cells allot
: fill-deck ( -- ) 20 0 do i deck i cells + ! loop ;
: deck-sum ( -- n ) 0 20 0 do deck i cells + @ + loop ;
: in-order? ( -- flag ) true 20 0 do deck i cells + @ i <> if 0= leave then loop ;
: has-all? ( -- flag )
  true 20 0 do  false 20 0 do deck i cells + @ j = or loop and  loop ;
t{ fill-deck 5 seed! deck 20 shuffle deck-sum has-all? in-order? -> 190 true false }t
t{ fill-deck deck 1 shuffle deck @ -> 0 }t
t{ fill-deck deck 0 shuffle in-order? -> true }t
