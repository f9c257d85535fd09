s" before bye" type cr
: leave ( -- ) 3 (bye) ;
leave
4 .
