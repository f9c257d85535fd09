build/words/define.o: words/define.cpp asm/compiler.h asm/prim.h \
 asm/codemem.h core/vm.h core/dictionary.h asm/emit.h asm/regs.h \
 asm/runtime.h core/interpreter.h words/registry.h
asm/compiler.h:
asm/prim.h:
asm/codemem.h:
core/vm.h:
core/dictionary.h:
asm/emit.h:
asm/regs.h:
asm/runtime.h:
core/interpreter.h:
words/registry.h:
