build/asm/runtime.o: asm/runtime.cpp asm/runtime.h core/dictionary.h \
 core/vm.h asm/emit.h asm/codemem.h asm/regs.h asm/codemap.h asm/prim.h \
 core/errors.h
asm/runtime.h:
core/dictionary.h:
core/vm.h:
asm/emit.h:
asm/codemem.h:
asm/regs.h:
asm/codemap.h:
asm/prim.h:
core/errors.h:
