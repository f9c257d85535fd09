build/core/interpreter.o: core/interpreter.cpp core/interpreter.h \
 core/dictionary.h core/vm.h core/errors.h core/number.h
core/interpreter.h:
core/dictionary.h:
core/vm.h:
core/errors.h:
core/number.h:
