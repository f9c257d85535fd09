\ A file whose words LOCATE and HELP show (tests/transcripts/help.fs).

: square ( n -- n*n ) \ example
  \G The square of n.
  dup * ;

: cube ( n -- n*n*n ) \ example
  dup square * ;
\G The cube of n, documented after the definition.
\G Over two lines.

10 constant ten ( -- 10 )
\G Ten.
variable undocumented
