drop
1 2 .s
0 @
: r recurse 1+ ; r
1 0 /
-9223372036854775808 -1 /
: under 10 0 do drop loop ; under
: deep 1000000 0 do 0 loop ; deep
9223372036854775807 allot
here 5 allot here swap - .
.s
5 5 + .
: t ['] r catch ; t .
: u 0 ['] @ catch nip ; u .
\ Runaway recursion through a word written in C++ stops before the C++
\ code runs out of stack (a fuzzer finding: that was a fatal signal).
: deep-cpp 12345 close-file drop recurse 1+ ;
deep-cpp
3 4 + .
