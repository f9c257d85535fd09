1 2 no-such-word 3
.s
: half ( n -- n/2 ) 2/ bad-word ;
20 half
: half ( n -- n/2 ) 2/ ;
20 half .
s" 7 undefined-in-evaluate" evaluate
5 .
