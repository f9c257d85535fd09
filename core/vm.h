// SPDX-License-Identifier: MIT
// The virtual machine state shared by the kernel, the compiler and the words:
// cells, the data stack as C++ sees it, data space, and the Forth variables
// (STATE, BASE, >IN ...) that native code reads by absolute address.
#pragma once
#include <cstddef>
#include <csignal>
#include <cstdint>
#include <string>

namespace xf {

using cell = int64_t;
using ucell = uint64_t;
using dcell = __int128;
using udcell = unsigned __int128;
constexpr cell TRUE = -1;

// A Forth exception travelling through C++ frames. Native code never sees it:
// the helper boundary turns it into a Forth THROW and the trampoline turns a
// Forth THROW back into it.
struct ForthThrow {
    cell code;
};
[[noreturn]] void throw_code(cell code);
struct VM;
extern VM vm;
// Acts on a Ctrl-C that arrived while C++ code ran: long loops in C++ call this.
void check_interrupt();

// The data stack as C++ sees it: all of it in memory, top at sp[0], growing
// down. Native code keeps the top in a register (asm/regs.h) and spills it
// before handing the stack to C++.
struct Stack {
    cell* sp;
    cell* base;  // sp when empty
    cell* limit; // lowest legal sp
    size_t depth() const { return size_t(base - sp); }
    void need(size_t n) const { if (depth() < n) throw_code(-4); }
    void room(size_t n) const { if (size_t(sp - limit) < n) throw_code(-3); }
    cell pop() { need(1); return *sp++; }
    void push(cell x) { room(1); *--sp = x; }
    cell& top() { need(1); return sp[0]; }
    cell& at(size_t i) { need(i + 1); return sp[i]; }
};

// The float stack as C++ sees it, like Stack: top at sp[0]; native code
// keeps the top in an SSE register (asm/regs.h).
struct FStack {
    double* sp;
    double* base;
    double* limit;
    size_t depth() const { return size_t(base - sp); }
    void need(size_t n) const { if (depth() < n) throw_code(-45); }
    double pop() { need(1); return *sp++; }
    void push(double x) { if (sp <= limit) throw_code(-44); *--sp = x; }
    double& top() { need(1); return sp[0]; }
    double& at(size_t i) { need(i + 1); return sp[i]; }
};

// The variables a program gets the address of (STATE BASE >IN BLK SCR) sit
// alone in a page of their own between two guard pages (made read-only by
// init_memory), so that a wild ERASE or MOVE starting at one of them
// clobbers only its neighbours and then faults (-9), never reaching the
// interpreter's own variables in the program's data segment.
struct alignas(4096) ForthVariables {
    cell state = 0;
    cell base = 10;
    cell to_in = 0;
    cell source_id = 0;
    cell blk = 0;
    cell scr = 0;
};
struct alignas(4096) GuardedForthVariables {
    uint8_t below[4096];
    ForthVariables v;
    uint8_t above[4096];
};
static_assert(sizeof(ForthVariables) == 4096);
extern GuardedForthVariables forth_variable_pages;
extern ForthVariables& forth_variables;

struct VM {
    // Forth variables; native code addresses them directly.
    cell& state = forth_variables.state;
    cell& base = forth_variables.base;
    cell& to_in = forth_variables.to_in;
    cell& source_id = forth_variables.source_id;
    cell& blk = forth_variables.blk;
    Stack ds{};
    FStack fs{};
    uint8_t* fs_low = nullptr;    // float stack region, guarded like the data stack
    uint8_t* fs_high = nullptr;
    uint8_t* ds_low = nullptr;    // lowest usable byte of the data stack region
    uint8_t* ds_high = nullptr;   // one past the highest; guard pages sit beyond both
    volatile sig_atomic_t interrupted = 0;   // Ctrl-C arrived outside native code
    // Data space.
    uint8_t* dp = nullptr;       // HERE
    uint8_t* dp_start = nullptr;
    uint8_t* dp_end = nullptr;
    // THROW -2 message (ABORT")
    std::string abort_msg;
    bool bye = false;
    int exit_status = 0;
};
extern VM vm;

// Memory named by a program (c-addr u) is checked by these before C++ or
// libc touches it: a wild address then faults in xforth's own code, where
// the fault can be turned into a C++ exception (asm/signals.cpp), never in
// libc or in an inlined noexcept library function, where it cannot be
// unwound (the process would die of terminate()). A length beyond what any
// region could hold is -24; a range that wraps around the address space -9.
void check_readable(const void* a, cell n);
void check_writable(void* a, cell n);
void copy_from_user(void* dst, const void* src, cell n);
void copy_to_user(void* dst, const void* src, cell n);
std::string user_string(const void* addr, cell n);

// Data space
void init_memory();
constexpr size_t DATA_STACK_SLACK = 16;   // cells below the bottom: see core/memory.cpp
void poison_stack_slack();           // after an error: see DATA_STACK_SLACK
void check_space(size_t n);          // -8 if n bytes do not fit
inline uint8_t* here() { return vm.dp; }
void allot(cell n);
void comma(cell x);
void ccomma(uint8_t c);
inline uint8_t* align_up(uint8_t* p) { return (uint8_t*)(((uintptr_t)p + 7) & ~uintptr_t(7)); }
void align_here();
// Guarded region: [guard][usable][guard]; returns the usable start.
constexpr size_t GUARD_BYTES = 1u << 20;
uint8_t* map_guarded(size_t usable, bool low = false);   // low: in the first 2 GiB when possible
void unmap_guarded(uint8_t* start, size_t usable);
// A guarded region given back when its owner goes.
class GuardedBuffer {
public:
    explicit GuardedBuffer(size_t usable) : size(usable), start(map_guarded(usable)) {}
    ~GuardedBuffer() { unmap_guarded(start, size); }
    GuardedBuffer(const GuardedBuffer&) = delete;
    GuardedBuffer& operator=(const GuardedBuffer&) = delete;
    char* data() const { return (char*)start; }

private:
    size_t size;
    uint8_t* start;
};

}  // namespace xf
