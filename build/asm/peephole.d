build/asm/peephole.o: asm/peephole.cpp asm/compiler.h asm/prim.h \
 asm/codemem.h core/vm.h core/dictionary.h
asm/compiler.h:
asm/prim.h:
asm/codemem.h:
core/vm.h:
core/dictionary.h:
