build/core/main.o: core/main.cpp asm/compiler.h asm/prim.h asm/codemem.h \
 core/vm.h core/dictionary.h core/errors.h core/interpreter.h core/repl.h \
 words/boot.h
asm/compiler.h:
asm/prim.h:
asm/codemem.h:
core/vm.h:
core/dictionary.h:
core/errors.h:
core/interpreter.h:
core/repl.h:
words/boot.h:
