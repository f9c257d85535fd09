build/words/memory.o: words/memory.cpp asm/emit.h asm/codemem.h \
 asm/regs.h core/vm.h words/registry.h asm/prim.h core/dictionary.h
asm/emit.h:
asm/codemem.h:
asm/regs.h:
core/vm.h:
words/registry.h:
asm/prim.h:
core/dictionary.h:
