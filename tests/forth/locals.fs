\ SPDX-License-Identifier: MIT
\ LOCALS: frames on the return stack, addressed through rbp.

testing {: with arguments, uninitialized locals and outputs
: swap3 {: a b c -- c b a :} c b a ;
t{ 1 2 3 swap3 -> 3 2 1 }t
: acc {: n | sum :} n 0 ?do i sum + to sum loop sum ;
t{ 5 acc -> 10 }t
t{ 0 acc -> 0 }t   \ an uninitialized local starts at zero here

testing LOCALS| takes the top of the stack first
: lb locals| x y | x y ;
t{ 1 2 lb -> 2 1 }t

testing locals survive DO loops and the return stack
: mix {: a :} 3 0 do i >r a r> + loop ;
t{ 10 mix -> 10 11 12 }t
: nest {: a :} 2 0 do 2 0 do a i j + + loop loop ;
t{ 100 nest -> 100 101 101 102 }t

testing EXIT leaves the frame
: early {: a :} a 0< if 0 exit then a ;
t{ -5 early 7 early -> 0 7 }t

testing recursion gives each call its own frame
: fact {: n :} n 1 > if n 1- recurse n * else 1 then ;
t{ 10 fact -> 3628800 }t

testing THROW out of a definition with locals restores the catcher's frame
: thrower {: a :} a throw ;
: catcher {: x :} 42 ['] thrower catch x ;
t{ 5 catcher -> 42 42 5 }t   \ depth restored, code 42 on top, x still 5

testing locals in a DOES> part
: mk {: a :} create a , does> @ {: v :} v v * ;
t{ 7 mk sq7 sq7 -> 49 }t
