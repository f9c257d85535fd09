build/asm/compiler.o: asm/compiler.cpp asm/compiler.h asm/prim.h \
 asm/codemem.h core/vm.h core/dictionary.h asm/codemap.h asm/emit.h \
 asm/regs.h asm/runtime.h
asm/compiler.h:
asm/prim.h:
asm/codemem.h:
core/vm.h:
core/dictionary.h:
asm/codemap.h:
asm/emit.h:
asm/regs.h:
asm/runtime.h:
