\ Included by the transcripts: a THROW while running a word of this file.
: deep ( n -- ) dup 0> if 1- recurse else -4 throw then ;
3 deep
