build/words/manifest.o: words/manifest.cpp words/registry.h asm/prim.h \
 asm/codemem.h core/vm.h core/dictionary.h
words/registry.h:
asm/prim.h:
asm/codemem.h:
core/vm.h:
core/dictionary.h:
