build/asm/codemem.o: asm/codemem.cpp asm/codemem.h core/vm.h
asm/codemem.h:
core/vm.h:
