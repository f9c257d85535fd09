\ Included by the transcripts: includes bad.fs from its own directory.
2 drop
include bad.fs
