create text s" Hello, world! 0123456789abcdef" here swap dup allot move
text 30 0 (dump)
text 5 16 (dump)
text 0 0 (dump)
1 -2 3 .s cr
255 hex .s decimal drop cr
2drop drop .s cr
variable v  -7 v !  v ? cr
5 constant five
defer d  ' five is d
vocabulary editor  vocabulary assembler
order cr
also editor order cr
definitions order cr
: e1 ;  : e2 ;  words
also assembler definitions order cr
previous previous order cr
only forth definitions order cr
