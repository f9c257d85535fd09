\ An uncaught error names the active words, innermost first. Each word has
\ a DO loop, so that none of them is inlined into its caller.
: inner  ( n -- n )  3 0 do loop  0 / ;
: middle ( n -- n )  3 0 do loop  inner 1+ ;
: outer  ( n -- n )  3 0 do loop  middle 1+ ;
7 outer
\ A hardware fault names them the same way.
: fetch-null ( -- x )  3 0 do loop  0 @ ;
: fetcher    ( -- x )  3 0 do loop  fetch-null 1+ ;
fetcher
\ CATCH forgets the trace of what it caught; a re-THROW starts a new one.
: rethrow ( n -- n )  3 0 do loop  ['] outer catch throw 2 + ;
: top     ( n -- n )  3 0 do loop  rethrow 1+ ;
7 top
\ An error caught and handled leaves no trace for the next error.
: quiet ( -- n )  7 ['] outer catch nip ;
quiet .
1 2 + .
