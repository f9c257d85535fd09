build/core/main.o: core/main.cpp asm/codemem.h asm/compiler.h asm/prim.h \
 core/vm.h core/dictionary.h asm/runtime.h asm/emit.h asm/regs.h \
 core/errors.h core/interpreter.h core/repl.h words/registry.h
asm/codemem.h:
asm/compiler.h:
asm/prim.h:
core/vm.h:
core/dictionary.h:
asm/runtime.h:
asm/emit.h:
asm/regs.h:
core/errors.h:
core/interpreter.h:
core/repl.h:
words/registry.h:
