: 
1 .
create
2 .
'
3 .
5 constant
4 .
: works ( -- n ) 42 ;
works .
