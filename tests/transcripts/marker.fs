\ a MARKER whose data space was wiped still forgets only what came after it
marker m1
: zz 42 ;
pad 100000 erase
m1
zz
2 3 + .
