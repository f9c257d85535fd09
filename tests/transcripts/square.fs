: sq dup * ;
7 sq .
