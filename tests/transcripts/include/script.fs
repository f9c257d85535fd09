#!/usr/bin/env xforth
\ A script: prints its arguments, takes them off the command line, exits 5.
.( args: ) argc 1- . cr
: show-args ( -- ) begin next-arg dup while type cr repeat 2drop ;
show-args
argc . cr
5 (bye)
