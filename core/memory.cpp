// SPDX-License-Identifier: MIT
// Data space and the data stack: fixed regions mapped once at start-up.
// Each stack has an inaccessible guard page at both ends, so running off
// either end faults instead of corrupting a neighbour.
#include "core/vm.h"
#include <cstdio>
#include <cstdlib>
#include <sys/mman.h>
#include <unistd.h>

namespace xf {

VM vm;

constexpr size_t DATA_SPACE = 64u << 20;
constexpr size_t DATA_STACK_CELLS = 1u << 16;

[[noreturn]] void throw_code(cell code) { throw ForthThrow{code}; }

uint8_t* map_guarded(size_t usable) {
    size_t page = size_t(sysconf(_SC_PAGESIZE));
    usable = (usable + page - 1) & ~(page - 1);
    void* p = mmap(nullptr, usable + 2 * page, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED) { perror("xforth: mmap"); exit(2); }
    uint8_t* start = (uint8_t*)p + page;
    if (mprotect(start, usable, PROT_READ | PROT_WRITE) != 0) { perror("xforth: mprotect"); exit(2); }
    return start;
}

void init_memory() {
    vm.dp_start = vm.dp = map_guarded(DATA_SPACE);
    vm.dp_end = vm.dp_start + DATA_SPACE;
    cell* stack = (cell*)map_guarded(DATA_STACK_CELLS * sizeof(cell));
    // One slot below the top is the home of a stale TOS when the stack is
    // empty (native code always spills rbx on a push), so C++'s base is one
    // cell lower than the guard page.
    vm.ds.limit = stack + 8;  // a little headroom for native code's pushes
    vm.ds.base = stack + DATA_STACK_CELLS - 1;
    vm.ds.sp = vm.ds.base;
}

void check_space(size_t n) {
    if (size_t(vm.dp_end - vm.dp) < n) throw_code(-8);
}

void allot(cell n) {
    if (n > 0) check_space(size_t(n));
    else if (ucell(0) - ucell(n) > ucell(vm.dp - vm.dp_start)) throw_code(-9);   // no pointer wrap-around
    vm.dp += n;
}

void comma(cell x) { check_space(8); *(cell*)vm.dp = x; vm.dp += 8; }
void ccomma(uint8_t c) { check_space(1); *vm.dp++ = c; }
void align_here() { vm.dp = align_up(vm.dp); }

}  // namespace xf
