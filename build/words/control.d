build/words/control.o: words/control.cpp asm/compiler.h asm/prim.h \
 asm/codemem.h core/vm.h core/dictionary.h asm/emit.h asm/regs.h \
 asm/runtime.h words/registry.h
asm/compiler.h:
asm/prim.h:
asm/codemem.h:
core/vm.h:
core/dictionary.h:
asm/emit.h:
asm/regs.h:
asm/runtime.h:
words/registry.h:
