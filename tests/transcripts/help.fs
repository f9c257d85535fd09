\ HELP, LOCATE and WORDS with a filter (words/help.cpp)
help dup
help decimal
help \G
locate dup
locate emit
locate decimal
include include/documented.fs
help square
help cube
help ten
help undocumented
locate square
locate cube
locate ten
: typed ( n -- n' ) \ here
  \G Typed at the prompt.
  1+ ;
help typed
locate typed
create made  1 ,
locate made
help made
synonym dupe dup  help dupe
help no-such-word
locate no-such-word
wordlist constant wl  get-order wl swap 1+ set-order definitions
: apple ;  : banana ;  : Pineapple ;
words
words app
words APP
words nothing-has-this
words 
previous definitions
