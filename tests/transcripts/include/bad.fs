\ Included by the transcripts: an error on line 3.
: fine ( -- n ) 1 ;
: broken ( -- ) fine no-such-word ;
