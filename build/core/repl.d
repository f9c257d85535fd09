build/core/repl.o: core/repl.cpp core/repl.h core/interpreter.h \
 core/dictionary.h core/vm.h
core/repl.h:
core/interpreter.h:
core/dictionary.h:
core/vm.h:
