build/words/parse.o: words/parse.cpp asm/compiler.h asm/prim.h \
 asm/codemem.h core/vm.h core/dictionary.h core/interpreter.h \
 core/number.h words/registry.h
asm/compiler.h:
asm/prim.h:
asm/codemem.h:
core/vm.h:
core/dictionary.h:
core/interpreter.h:
core/number.h:
words/registry.h:
