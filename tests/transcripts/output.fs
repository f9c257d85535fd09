0 . 42 . -42 . cr
-9223372036854775808 . 9223372036854775807 . cr
-1 u. 0 u. cr
5 4 .r -5 4 .r 123456 2 .r cr
5 4 u.r -1 22 u.r cr
-1 -1 d. 0 1 d. cr
-5 -1 8 d.r 1 0 3 d.r cr
variable v  77 v !  v ? cr
hex ff . -ff . ff u. decimal 255 . cr
2 base ! 101 . decimal cr
3 spaces char * emit space char * emit 0 spaces -2 spaces char * emit cr
65 emit s" xyz" type cr
.( printed while interpreting) cr
: greet ( -- ) ." hello, " s" world" type ;
greet cr
