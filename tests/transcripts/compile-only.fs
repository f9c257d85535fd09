1 if 2 then
.s
5 >r
r>
: ok-word ( -- n ) 3 >r r> ;
ok-word .
exit
6 .
