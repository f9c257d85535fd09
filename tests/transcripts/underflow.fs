emit
1 .
1 type
.s
depth .
1 2 fill
2 .
1 2 move
3 .
s" 1" evaluate type
4 .
