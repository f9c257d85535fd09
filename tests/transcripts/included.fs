include include/bad.fs
1 .
s" include/outer.fs" included
2 .
include include/throws.fs
3 .
include include/no-such-file.fs
4 .
fine .
