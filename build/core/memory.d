build/core/memory.o: core/memory.cpp core/vm.h
core/vm.h:
