\ SPDX-License-Identifier: MIT
\ The harness of the project's own Forth tests:
\   T{ 1 2 + -> 3 }T
\ checks the depth and the values left between T{ and ->, against those
\ between -> and }T. Failures show the file, line and source; REPORT prints
\ "forth-tests: N passed, M failed" for tests/run.sh to count.

variable start-depth
variable actual-depth
create actual-results 64 cells allot
variable #passed  0 #passed !
variable #failed  0 #failed !

: t{ ( -- ) depth start-depth ! ;
: -> ( i*x -- )
  depth start-depth @ - dup actual-depth !
  0 ?do actual-results i cells + ! loop ;
: test-failed ( c-addr u -- )
  cr ." FAIL: " type ." : " source type cr
  1 #failed +!
  depth start-depth @ - 0 max 0 ?do drop loop ;
: }t ( i*x -- )
  depth start-depth @ - actual-depth @ <> if s" wrong number of results" test-failed exit then
  actual-depth @ 0 ?do
    actual-results i cells + @ <> if s" incorrect result" test-failed unloop exit then
  loop
  1 #passed +! ;
: testing ( "ccc<eol>" -- ) postpone \ ; immediate
: report ( -- )
  cr ." forth-tests: " #passed @ 0 .r ."  passed, " #failed @ 0 .r ."  failed" cr ;
