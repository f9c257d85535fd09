1 2 foo 3
.s
: half 2/ ;
: broken 1 if ;
: works 5 half ;
works .
if
