build/words/arith.o: words/arith.cpp asm/emit.h asm/codemem.h asm/regs.h \
 core/vm.h asm/runtime.h core/dictionary.h words/registry.h asm/prim.h
asm/emit.h:
asm/codemem.h:
asm/regs.h:
core/vm.h:
asm/runtime.h:
core/dictionary.h:
words/registry.h:
asm/prim.h:
