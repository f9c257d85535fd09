build/words/io.o: words/io.cpp core/interpreter.h core/dictionary.h \
 core/vm.h words/registry.h asm/prim.h asm/codemem.h
core/interpreter.h:
core/dictionary.h:
core/vm.h:
words/registry.h:
asm/prim.h:
asm/codemem.h:
