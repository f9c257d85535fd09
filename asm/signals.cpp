// SPDX-License-Identifier: MIT
// Faults and Ctrl-C become Forth exceptions.
//
// SIGSEGV, SIGBUS, SIGFPE and SIGILL are handled on an alternate signal stack
// (so that a return-stack overflow can still be handled). The handler
// classifies the fault by its address:
//   in the guard zone above the data stack   -4 stack underflow
//   in the guard zone below it               -3 stack overflow
//   the same for the float stack              -45 / -44
//   just below rsp                           -5 return stack overflow
//   above the top of the Forth return stack  -6 return stack underflow
//   SIGFPE                                   -10 (zero divisor) / -11 (overflow)
//   anything else                            -9 invalid memory address
// and then, instead of longjmp-ing, rewrites the interrupted context: rdi =
// the code, rip = the throw landing (asm/runtime.cpp), and returns. The
// kernel restores the signal mask on the way out, and the landing loads rsp
// from the innermost CATCH frame before touching the return stack.
//
// A fault in C++ code (a helper handed a wild address, or libc's memmove on
// its behalf) must unwind the C++ frames, or their clean-ups (the input
// source stack, say) would be skipped. The handler makes it look as if the
// faulting instruction had called throw_fault(code), which throws a C++
// ForthThrow; the C++ side is built with -fnon-call-exceptions, so every
// instruction that can fault is covered by the unwind tables.
//
// Native code reaches C++ only through helper_entry, which counts itself in
// helper_depth. A fault in xforth's own text while Forth runs and no helper
// is active is therefore no C++ fault: a program jumped there (a return
// address forged with >R, a wild store into a DEFER word's body), and there
// is nothing to unwind from such a place; it goes to the CATCH landing like
// a fault in native code. A wild jump may instead run into a C++ throw or
// std::terminate, which find no handler there: the terminate handler sends
// those to the landing too. (It may also run a while first, or never stop:
// this catches the usual cases, not every one.)
//
// SIGINT in native code goes to the landing with -28 the same way, so tight
// loops need no polling. Elsewhere (C++ helpers, readline) it only sets
// vm.interrupted, which the interpreter checks between words.
#include "asm/codemap.h"
#include "asm/codemem.h"
#include "asm/runtime.h"
#include "asm/signals.h"
#include <csignal>
#include <exception>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

namespace xf {

static size_t page_size;

static cell classify(int sig, const siginfo_t* si, const greg_t* regs) {
    auto* addr = (const uint8_t*)si->si_addr;
    auto* rsp = (const uint8_t*)regs[REG_RSP];
    switch (sig) {
    case SIGFPE: return codemem.contains((void*)regs[REG_RIP]) && regs[REG_RCX] != 0 ? -11 : -10;
    case SIGILL: return -9;
    default: break;
    }
    if (addr >= vm.ds_high && addr < vm.ds_high + GUARD_BYTES) return -4;
    if (addr < vm.ds_low && addr >= vm.ds_low - GUARD_BYTES) return -3;
    if (addr >= vm.fs_high && addr < vm.fs_high + GUARD_BYTES) return -45;
    if (addr < vm.fs_low && addr >= vm.fs_low - GUARD_BYTES) return -44;
    if (addr >= rstack_high && addr < rstack_high + GUARD_BYTES) return -6;   // popped past the top
    if (addr < rsp + page_size && addr + 4 * page_size >= rsp) return -5;
    return -9;
}

static void die(int sig) {
    signal(sig, SIG_DFL);
    const char msg[] = "xforth: internal error: fatal signal outside Forth code\n";
    ssize_t ignored = write(2, msg, sizeof msg - 1);
    (void)ignored;
    raise(sig);
}

// xforth's own machine code, all of it built with -fnon-call-exceptions. A
// fault in libc (memcpy, declared noexcept) cannot be unwound, so such code
// is never handed user memory; if it faults anyway, it is treated like
// native Forth code and goes to the CATCH landing.
extern "C" const char __executable_start[], etext[];
static bool in_own_text(const void* pc) { return pc >= __executable_start && pc < etext; }

// Entered as if called from the faulting C++ instruction; the stack there
// may be misaligned, hence the realignment.
extern "C" [[noreturn]] __attribute__((force_align_arg_pointer, noinline)) void throw_fault(cell code) {
    throw ForthThrow{code};
}

// Forth's own code is running, not C++ called for it (see above).
static bool forth_code_running() { return forth_running() && helper_depth == 0; }

static void on_fault(int sig, siginfo_t* si, void* context) {
    auto* uc = (ucontext_t*)context;
    greg_t* regs = uc->uc_mcontext.gregs;
    cell code = classify(sig, si, regs);
    regs[REG_EFL] &= ~greg_t(0x400);   // a fault inside a backward MOVE leaves DF set
    if (in_own_text((const void*)regs[REG_RIP]) && !forth_code_running()) {
        if (code == -5) die(sig);   // no stack left to unwind on
        regs[REG_RSP] -= 8;
        // The unwinder looks up "return address - 1": make that the faulting instruction.
        *(greg_t*)regs[REG_RSP] = regs[REG_RIP] + 1;
        regs[REG_RIP] = (greg_t)throw_fault;
        regs[REG_RDI] = code;
        return;
    }
    if (!forth_running()) die(sig);
    // After a return-stack overflow rsp is not readable: name the faulting word only.
    record_trace(code == -5 ? nullptr : (const uintptr_t*)regs[REG_RSP], (const void*)regs[REG_RIP]);
    regs[REG_RDI] = code;
    regs[REG_RIP] = (greg_t)throw_landing;
}

static std::terminate_handler default_terminate;

[[noreturn]] static void on_terminate() {
    if (!forth_code_running()) default_terminate();
    // A throw that found no handler stays caught (the runtime's last step
    // before std::terminate): a small leak. Ending that catch here could end
    // a C++ handler's own instead, when std::terminate was called directly.
    record_trace((const uintptr_t*)__builtin_frame_address(0), nullptr);
    ((void (*)(cell))throw_landing)(-9);   // loads rsp from the CATCH frame: never returns here
    __builtin_unreachable();
}

static void on_interrupt(int, siginfo_t*, void* context) {
    auto* uc = (ucontext_t*)context;
    greg_t* regs = uc->uc_mcontext.gregs;
    // Only inside a word's code: the trampoline and CATCH's own stubs are in
    // code memory too, but between their instructions the CATCH frames are
    // being built or taken down, and a THROW landing there would be wrong.
    if (forth_running() && word_at((void*)regs[REG_RIP])) {
        record_trace((const uintptr_t*)regs[REG_RSP], (const void*)regs[REG_RIP]);
        regs[REG_RDI] = -28;
        regs[REG_RIP] = (greg_t)throw_landing;
    } else {
        vm.interrupted = 1;
    }
}

void init_signals() {
    page_size = size_t(sysconf(_SC_PAGESIZE));
    static constexpr size_t ALT_STACK = 1 << 16;
    stack_t ss{};
    ss.ss_sp = mmap(nullptr, ALT_STACK, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    ss.ss_size = ALT_STACK;
    if (ss.ss_sp == MAP_FAILED || sigaltstack(&ss, nullptr) != 0) {
        perror("xforth: sigaltstack");
        return;
    }
    struct sigaction sa{};
    sa.sa_sigaction = on_fault;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
    sigemptyset(&sa.sa_mask);
    for (int sig : {SIGSEGV, SIGBUS, SIGFPE, SIGILL}) sigaction(sig, &sa, nullptr);
    default_terminate = std::set_terminate(on_terminate);
    sa.sa_sigaction = on_interrupt;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_RESTART;
    sigaction(SIGINT, &sa, nullptr);
}

}  // namespace xf
