build/words/stack.o: words/stack.cpp asm/emit.h asm/codemem.h asm/regs.h \
 core/vm.h words/registry.h asm/prim.h core/dictionary.h
asm/emit.h:
asm/codemem.h:
asm/regs.h:
core/vm.h:
words/registry.h:
asm/prim.h:
core/dictionary.h:
