build/core/number.o: core/number.cpp core/number.h core/vm.h
core/number.h:
core/vm.h:
