build/words/registry.o: words/registry.cpp words/registry.h asm/prim.h \
 asm/codemem.h core/vm.h core/dictionary.h asm/runtime.h asm/emit.h \
 asm/regs.h
words/registry.h:
asm/prim.h:
asm/codemem.h:
core/vm.h:
core/dictionary.h:
asm/runtime.h:
asm/emit.h:
asm/regs.h:
