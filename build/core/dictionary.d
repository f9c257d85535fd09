build/core/dictionary.o: core/dictionary.cpp core/dictionary.h core/vm.h
core/dictionary.h:
core/vm.h:
