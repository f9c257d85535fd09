// SPDX-License-Identifier: MIT
// Data space and the data stack: fixed regions mapped once at start-up.
// Each region has an inaccessible guard zone (GUARD_BYTES) at both ends, so
// running off either end faults instead of corrupting a neighbour; the zone
// is wide because NIP and DROP on an empty stack move the pointer without
// touching memory, and the fault only comes at the next store.
#include "core/vm.h"
#include "core/bigarray.h"
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>
#include <sys/mman.h>
#include <unistd.h>

namespace xf {

GuardedForthVariables forth_variable_pages;
ForthVariables& forth_variables = forth_variable_pages.v;
VM vm;

void check_interrupt() {
    if (vm.interrupted) {
        vm.interrupted = 0;
        throw_code(-28);
    }
}

constexpr size_t DATA_SPACE = 64u << 20;
// Kept free above HERE for the transient regions that float there (kernel.fs:
// the pictured numeric output area, then PAD), so that they always fit.
constexpr size_t TRANSIENT_BYTES = 2048;
constexpr size_t DATA_STACK_CELLS = 1u << 16;
constexpr size_t FLOAT_STACK_ITEMS = 1u << 13;
// Cells of ordinary memory below the data stack's bottom, before the guard
// zone. The stack model (asm/stackmodel.cpp) may load a loop's items into
// registers at a depth the stack no longer has, and store them back; a
// correct program never uses those values, and real underflow is checked by
// depth. They hold the address of the guard zone beyond them, so that an
// underflowed primitive that takes one as an address (`1 2 FILL`) faults
// there and reports -4, as it would without the slack. So does the spare
// slot at the bottom (base[0]), which is the top of an empty stack: a
// `0 PICK` there must not find a pointer an earlier, failed line left
// (a fuzzer finding: `BLANK` from it wrote over xforth's own memory).
void poison_stack_slack() {
    for (size_t i = 0; i <= DATA_STACK_SLACK; ++i) vm.ds.base[i] = cell(vm.ds_high);
}

[[noreturn]] void throw_code(cell code) { throw ForthThrow{code}; }

uint8_t* map_guarded(size_t usable, bool low) {
    size_t page = size_t(sysconf(_SC_PAGESIZE));
    usable = (usable + page - 1) & ~(page - 1);
    int flags = MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | (low ? MAP_32BIT : 0);
    void* p = mmap(nullptr, usable + 2 * GUARD_BYTES, PROT_NONE, flags, -1, 0);
    if (p == MAP_FAILED && low) p = mmap(nullptr, usable + 2 * GUARD_BYTES, PROT_NONE, flags & ~MAP_32BIT, -1, 0);
    if (p == MAP_FAILED) { perror("xforth: mmap"); exit(2); }
    uint8_t* start = (uint8_t*)p + GUARD_BYTES;
    if (mprotect(start, usable, PROT_READ | PROT_WRITE) != 0) { perror("xforth: mprotect"); exit(2); }
    return start;
}

// A stack of `bytes` whose top is the start of the upper guard zone, so
// that the first access beyond the top faults; returns its low end.
static uint8_t* map_stack(size_t bytes) {
    size_t page = size_t(sysconf(_SC_PAGESIZE));
    size_t usable = (bytes + page - 1) & ~(page - 1);
    return map_guarded(usable) + usable - bytes;
}

void unmap_guarded(uint8_t* start, size_t usable) {
    size_t page = size_t(sysconf(_SC_PAGESIZE));
    usable = (usable + page - 1) & ~(page - 1);
    munmap(start - GUARD_BYTES, usable + 2 * GUARD_BYTES);
}

void init_memory() {
    // Read-only, not inaccessible: a write faults, and LeakSanitizer, which
    // reads all of the program's data segment, can still read them.
    if (mprotect(forth_variable_pages.below, sizeof forth_variable_pages.below, PROT_READ) != 0 ||
        mprotect(forth_variable_pages.above, sizeof forth_variable_pages.above, PROT_READ) != 0) {
        perror("xforth: mprotect");
        exit(2);
    }
    // Low in the address space, so that compiled code addresses CREATEd data
    // with a 32-bit displacement instead of a 64-bit constant in a register.
    vm.dp_start = vm.dp = map_guarded(DATA_SPACE, true);
    vm.dp_end = vm.dp_start + DATA_SPACE - TRANSIENT_BYTES;
    // One slot below the top is the home of a stale TOS when the stack is
    // empty (native code always spills rbx on a push), so C++'s base is one
    // cell lower than the empty stack pointer.
    cell* stack = (cell*)map_stack((DATA_STACK_CELLS + DATA_STACK_SLACK) * sizeof(cell));
    vm.ds_low = (uint8_t*)stack;
    vm.ds_high = (uint8_t*)(stack + DATA_STACK_CELLS + DATA_STACK_SLACK);
    vm.ds.limit = stack + 8;  // a little headroom for native code's pushes
    vm.ds.base = stack + DATA_STACK_CELLS - 1;
    vm.ds.sp = vm.ds.base;
    poison_stack_slack();
    double* fstack = (double*)map_stack(FLOAT_STACK_ITEMS * sizeof(double));
    vm.fs_low = (uint8_t*)fstack;
    vm.fs_high = (uint8_t*)(fstack + FLOAT_STACK_ITEMS);
    vm.fs.limit = fstack + 8;
    vm.fs.base = fstack + FLOAT_STACK_ITEMS - 1;
    vm.fs.sp = vm.fs.base;
}

// -- Program memory seen from C++ -----------------------------------------------
// The probes touch one byte in every page of the range, in xforth's own code:
// a page that cannot be read (written) faults there, and the fault handler
// turns it into -9 thrown through the C++ frames (asm/signals.cpp). Once
// every page has been touched the range stays valid (xforth has one thread),
// so libc may then be handed it.
static const uintptr_t page = uintptr_t(sysconf(_SC_PAGESIZE));

static void check_range(const void* a, cell n) {
    if (n < 0 || n > (cell(1) << 40)) throw_code(-24);
    if (uintptr_t(a) + uintptr_t(n) < uintptr_t(a)) throw_code(-9);   // wraps around
}

void check_readable(const void* a, cell n) {
    check_range(a, n);
    if (n == 0) return;
    auto* p = (const volatile uint8_t*)a;
    for (uintptr_t at = uintptr_t(a), end = uintptr_t(a) + uintptr_t(n); at < end; at = (at & ~(page - 1)) + page)
        (void)p[at - uintptr_t(a)];
}

void check_writable(void* a, cell n) {
    check_range(a, n);
    if (n == 0) return;
    auto* p = (volatile uint8_t*)a;
    for (uintptr_t at = uintptr_t(a), end = uintptr_t(a) + uintptr_t(n); at < end; at = (at & ~(page - 1)) + page) {
        uint8_t b = p[at - uintptr_t(a)];
        p[at - uintptr_t(a)] = b;   // the same byte back: faults only where writing is not allowed
    }
}

void copy_from_user(void* dst, const void* src, cell n) {
    check_readable(src, n);
    if (n) memcpy(dst, src, size_t(n));
}

void copy_to_user(void* dst, const void* src, cell n) {
    check_writable(dst, n);
    if (n) memcpy(dst, src, size_t(n));
}

std::string user_string(const void* addr, cell n) {
    // Names, paths and messages: a megabyte is already absurd for them.
    if (n < 0 || n > (cell(1) << 20)) throw_code(-24);
    check_readable(addr, n);
    return std::string((const char*)addr, size_t(n));
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

namespace xf {

static size_t page_round(size_t n) {
    size_t page = size_t(sysconf(_SC_PAGESIZE));
    return (n + page - 1) & ~(page - 1);
}

uint8_t* reserve_pages(size_t n) {
    void* p = mmap(nullptr, page_round(n), PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
    return (uint8_t*)p;
}

void commit_pages(uint8_t* from, uint8_t* to) {
    size_t page = size_t(sysconf(_SC_PAGESIZE));
    auto* a = (uint8_t*)((uintptr_t)from & ~(page - 1));
    auto* b = (uint8_t*)(((uintptr_t)to + page - 1) & ~(page - 1));
    if (b <= a) return;
    if (mprotect(a, size_t(b - a), PROT_READ | PROT_WRITE) != 0) throw std::bad_alloc();
    populate_pages(a, b);
}

void populate_pages(uint8_t* from, uint8_t* to) {
#ifdef MADV_POPULATE_WRITE
    size_t page = size_t(sysconf(_SC_PAGESIZE));
    auto* a = (uint8_t*)((uintptr_t)from & ~(page - 1));
    auto* b = (uint8_t*)(((uintptr_t)to + page - 1) & ~(page - 1));
    if (b > a) madvise(a, size_t(b - a), MADV_POPULATE_WRITE);   // an old kernel: EINVAL, and faults as before
#else
    (void)from;
    (void)to;
#endif
}

}  // namespace xf
