# SPDX-License-Identifier: MIT
# xforth: make (build ./xforth), make run, make test, make bench, make install, make clean.

CXX      ?= g++
MAKEFLAGS += -j$(shell nproc)
CXXFLAGS ?= -O2
CXXFLAGS += -std=c++20 -Wall -Wextra -I. -MMD -MP -fnon-call-exceptions
LDLIBS   := -lreadline -ldl
# A fixed-address (non-PIE) program: the loader has no relocations of its own
# to apply at start-up, and code addresses fit in 32 bits.
CXXFLAGS += -fno-pie
# NDEBUG keeps <iostream> out of Xbyak: its static initialiser (the locales)
# costs a start-up, and xforth writes through stdio. (No assert() here.)
CXXFLAGS += -DNDEBUG
LDFLAGS  += -no-pie
BUILD    := build
XFORTH   := xforth

ifeq ($(SANITIZE),1)
  CXXFLAGS += -fsanitize=address,undefined -fno-omit-frame-pointer
  # gcc 12 with the sanitizers warns that libstdc++'s <regex> (which Catch2
  # includes) may read a std::function uninitialised: a false report inside
  # the library. The normal build keeps the warning.
  CXXFLAGS += -Wno-maybe-uninitialized
  LDFLAGS  += -fsanitize=address,undefined
  BUILD    := build-san
  XFORTH   := build-san/xforth
  # ALLOCATE of an absurd size must fail with an ior, not abort the process.
  export ASAN_OPTIONS := allocator_may_return_null=1
  export XFORTH_SANITIZE := 1
endif

KERNEL_SRC := $(wildcard core/*.cpp asm/*.cpp words/*.cpp)
KERNEL_OBJ := $(KERNEL_SRC:%.cpp=$(BUILD)/%.o) $(BUILD)/core/kernel_fs.o
LIB_OBJ    := $(filter-out $(BUILD)/core/main.o,$(KERNEL_OBJ))
UNIT_SRC   := $(wildcard tests/unit/*.cpp)
UNIT_OBJ   := $(UNIT_SRC:%.cpp=$(BUILD)/%.o)

# Debian packages this build needs: header -> package.
DEPS := /usr/include/xbyak/xbyak.h:libxbyak-dev \
        /usr/include/readline/readline.h:libreadline-dev \
        /usr/include/catch2/catch.hpp:catch2 \
        /usr/include/capstone/capstone.h:libcapstone-dev

FUZZ_SECONDS ?= 1800
PREFIX       ?= /usr/local

.PHONY: all run test bench fuzz clean deps install
all: $(XFORTH)

deps: $(BUILD)/.deps
$(BUILD)/.deps: Makefile
	@mkdir -p $(BUILD)
	@missing=""; for d in $(DEPS); do [ -e "$${d%%:*}" ] || missing="$$missing $${d##*:}"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing:$$missing"; \
	    (apt-get install -y $$missing || (apt-get update && apt-get install -y $$missing)) >/dev/null || exit 1; \
	  else \
	    echo "xforth needs the Debian packages:$$missing (apt-get install$$missing)"; exit 1; \
	  fi; \
	fi; touch $@

$(XFORTH): $(KERNEL_OBJ)
	$(CXX) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/%.o: %.cpp | $(BUILD)/.deps
	@mkdir -p $(dir $@)
	$(CXX) $(CXXFLAGS) -c -o $@ $<

$(BUILD)/core/kernel_fs.o: core/kernel_fs.S kernel.fs | $(BUILD)/.deps
	@mkdir -p $(dir $@)
	$(CXX) -c -Wa,-I. -o $@ $<

$(BUILD)/unit_tests: $(UNIT_OBJ) $(LIB_OBJ)
	$(CXX) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/fuzz: tests/fuzz/fuzz.cpp | $(BUILD)/.deps
	$(CXX) -std=c++20 -O2 -Wall -Wextra -o $@ $<

run: xforth
	./xforth

test: $(XFORTH) $(BUILD)/unit_tests $(BUILD)/fuzz
	@bash tests/run.sh ./$(XFORTH) $(BUILD)/unit_tests $(BUILD)/fuzz

# A fuzzing campaign: make fuzz FUZZ_SECONDS=1800
fuzz: $(XFORTH) $(BUILD)/fuzz
	$(BUILD)/fuzz --xforth ./$(XFORTH) --seconds $(FUZZ_SECONDS) --corpus tests/forth

bench: xforth
	@bash bench/run.sh

# make install PREFIX=/opt/xforth: the program, its library (found at run
# time in <prefix>/share/xforth/lib) and the man page.
install: $(XFORTH)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/xforth/lib $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(XFORTH) $(DESTDIR)$(PREFIX)/bin/xforth
	if [ -d lib ]; then cp -R lib/. $(DESTDIR)$(PREFIX)/share/xforth/lib/; fi
	install -m 644 xforth.1 $(DESTDIR)$(PREFIX)/share/man/man1/xforth.1

clean:
	rm -rf build build-san xforth

-include $(KERNEL_OBJ:.o=.d) $(UNIT_OBJ:.o=.d)
