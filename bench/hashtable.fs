\ SPDX-License-Identifier: MIT
\ A hash table on the heap: each round ALLOCATEs 16384 buckets, counts
\ 100000 random keys below 2^17 in chained nodes of three cells (key,
\ count, next) ALLOCATEd one by one, looks up the keys 0..9999, and FREEs
\ every node and the buckets. Prints the sums over rounds of the number of
\ distinct keys and of the counts found.
\ Needs: ALLOCATE FREE

16384 constant #buckets
100000 constant #keys
variable buckets                   \ the table: #buckets cells
variable seed  4242 seed !

: rand ( -- u )  seed @ 1103515245 * 12345 + 2147483647 and  dup seed ! ;
: hashed ( key -- u )  2654435761 * 4294967295 and 18 rshift ;
: head ( key -- addr )  hashed cells buckets @ + ;

\ A node is three cells: the key, its count, the next node or 0.
: >count ( node -- addr )  cell+ ;
: >next ( node -- addr )  2 cells + ;

: find-key ( key -- node | 0 )
  dup head @
  begin dup while
    2dup @ = if nip exit then
    >next @
  repeat nip ;

: add ( key -- 1 | 0 )   \ counts key; 1 when it is new
  dup find-key ?dup if  nip 1 swap >count +!  0 exit  then
  3 cells allocate throw           ( key node )
  over over !  1 over >count !
  over head @ over >next !
  swap head !  1 ;

: free-chain ( node -- )  begin ?dup while  dup >next @ swap free throw  repeat ;
: free-buckets ( -- )
  #buckets 0 do  buckets @ i cells + @ free-chain  loop
  buckets @ free throw ;

: round ( -- distinct found )
  #buckets cells allocate throw buckets !  buckets @ #buckets cells erase
  0  #keys 0 do  rand 14 rshift add +  loop
  0  10000 0 do  i find-key ?dup if >count @ + then  loop
  free-buckets ;

: run ( n -- )
  0 0 rot 0 ?do  round  rot + >r + r>  loop
  ." hashtable " swap 0 .r space 0 .r cr ;
: main ( -- ) 40 run ;
: small-main ( -- ) 1 run ;
