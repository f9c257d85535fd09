build/core/errors.o: core/errors.cpp core/errors.h core/vm.h \
 core/dictionary.h
core/errors.h:
core/vm.h:
core/dictionary.h:
