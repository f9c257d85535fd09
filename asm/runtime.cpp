// SPDX-License-Identifier: MIT
// The native runtime: how control crosses between C++ and Forth.
//
// C++ -> Forth.  run_xt() enters through a trampoline that saves the
// callee-saved registers, loads TOS/DSP from vm.ds and calls the xt under a
// CATCH frame. So every entry into Forth has a frame, and a THROW never
// skips a C++ frame: it lands in the innermost CATCH, which is either Forth
// code or a trampoline; the trampoline returns the code to C++, where it
// becomes a C++ ForthThrow and unwinds C++ frames with their destructors.
//
// Forth -> C++.  A helper is `void f()` on vm.ds. The call stub spills TOS,
// aligns rsp and calls helper_entry(sp, f); a ForthThrow escaping f is
// caught there and re-raised as a Forth THROW from the helper_entry frame,
// which holds nothing that needs destroying by then.
//
// CATCH frame on the return stack, newest pointed to by catch_frame:
//   [rsp+0] rbp (locals)  [rsp+8] r12 (float stack)  [rsp+16] r14
//   [rsp+24] r13  [rsp+32] DSP  [rsp+40] previous frame
// and above it the return address into CATCH's caller. THROW restores the
// stack depth, not the values: the item that was TOS at CATCH is reloaded
// from its memory slot ([DSP-8]), as a memory-stack Forth would show it
// (the standard suite checks this). The landing code loads rsp from
// catch_frame before touching the return stack, so it also works when rsp
// itself is what went wrong.
#include "asm/runtime.h"
#include "asm/codemap.h"
#include "asm/prim.h"
#include "asm/regs.h"
#include "core/errors.h"
#include <pthread.h>
#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#endif

namespace xf {
using namespace regs;

uint8_t trace_recorded;
static void* catch_core;   // the CATCH frame around the call of xt
static void* catch_core_known;   // the same for an xt checked when compiled, in rax

// Clears a byte flag; one instruction when its address fits 32 bits (non-PIE).
static void clear_flag(Gen& g, const uint8_t* flag) {
    if ((size_t)flag < 0x80000000u) {
        g.mov(g.byte[(const void*)flag], 0);
        return;
    }
    g.mov(rax, (size_t)flag);
    g.mov(g.byte[rax], 0);
}

static void* throw_entry;   // rdi = nonzero code; stack canonical (TOS in rbx)

// -- Execution tokens ----------------------------------------------------------
// EXECUTE, CATCH, the trampoline and IS take any number a program hands them
// as an xt, and EXECUTE jumps through its first cell. A number that is no xt
// (`here execute` after a wild store) could send that jump into xforth's own
// text, where a fault cannot be unwound and no fault at all may follow; so
// an xt must be a header in the arena (aligned, below arena_here) whose code
// field points into code memory, or it is -9 (invalid memory address).
bool is_xt(const void* x) {
    auto* p = (const uint8_t*)x;
    if (p < dict.arena || p >= dict.arena_here || (uintptr_t)p % 8) return false;
    return codemem.contains(((const Word*)p)->code);
}

Word* pop_xt() {
    auto* w = (Word*)vm.ds.pop();
    if (!is_xt(w)) throw_code(-9);
    return w;
}

// rax = xt; returns if it is one. Clobbers rcx, rdx and rsi; a failure
// throws from a state that must be canonical, with the xt already dropped.
static void emit_xt_check(Gen& g, Xbyak::Label& bad) {
    g.mov(rdx, (size_t)&dict.arena);
    g.mov(rcx, rax);
    g.sub(rcx, g.qword[rdx]);
    g.mov(rsi, (size_t)&dict.arena_here);
    g.mov(rsi, g.qword[rsi]);
    g.sub(rsi, g.qword[rdx]);
    g.cmp(rcx, rsi);
    g.jae(bad, Gen::T_NEAR);
    g.test(al, 7);
    g.jnz(bad, Gen::T_NEAR);
    g.mov(rcx, g.qword[rax]);   // the code field
    g.mov(rdx, (size_t)&codemem);
    g.mov(rsi, rcx);
    g.sub(rsi, g.qword[rdx + offsetof(CodeMemory, rx)]);
    g.cmp(rsi, g.qword[rdx + offsetof(CodeMemory, used)]);
    g.jae(bad, Gen::T_NEAR);
}

// Stubs entered by a call with rax = xt: one runs the xt (jumps to its code,
// so that it returns straight to the caller), one only checks it.
static void* execute_stub;
static void* xt_check_stub;

void emit_execute_call(Gen& g) { g.call_rx(execute_stub); }
void emit_xt_check_call(Gen& g) { g.call_rx(xt_check_stub); }

static void emit_xt_stubs() {
    Gen g;
    Xbyak::Label bad;
    execute_stub = (void*)g.rx_curr();
    emit_xt_check(g, bad);
    g.jmp(rcx);
    xt_check_stub = (void*)g.rx_curr();
    emit_xt_check(g, bad);
    g.ret();
    g.L(bad);
    g.mov(rdi, -9);
    g.jmp_rx(throw_entry);   // the return address names the word that was handed the number
    size_t n = 0;
    g.finish(&n);
    note_stub(execute_stub, n, "(execute)");
}

static void emit_catch_end(Gen& g) {
    clear_flag(g, &error_located);   // the error was handled: the next one is located anew
    clear_flag(g, &trace_recorded);
}
void emit_catch_call(Gen& g) {
    g.call_rx(catch_core);
    emit_catch_end(g);
}
// `['] w CATCH`: the xt is checked now, and the core calls it unchecked.
void emit_catch_imm(Gen& g, cell xt) {
    if (!is_xt((const void*)xt)) {
        push_imm(g, xt);
        emit_catch_call(g);   // which throws -9 inside the CATCH, as at run time
        return;
    }
    g.mov(rax, xt);
    g.call_rx(catch_core_known);
    emit_catch_end(g);
}
void* throw_code_body;

static void* catch_frame;
// The return stack Forth code runs on, entered by the trampoline from C++:
// guard pages on both sides, so that a program that pops more than it
// pushed (UNLOOP or R> in a runaway recursion) faults at the top (-6)
// instead of climbing into, and overwriting, the C++ frames above it.
// The trampoline's own CATCH frame stays on the C++ stack. A run nested in
// a helper (EVALUATE in a word) stays on the return stack it is on.
uint8_t* rstack_low;
uint8_t* rstack_high;
// The trampoline's CATCH frame of the innermost run from C++: the landing
// falls back to it when the innermost frame was overwritten by such a
// program (its saved stack pointers no longer point into the stacks).
static void* run_frame;
constexpr size_t RSTACK_BYTES = 8u << 20;
void* throw_landing;        // rdi = nonzero code; the whole stack is in memory
static void* throw_from_helper; // rdi = code, rsi = C++ stack pointer
static cell (*trampoline)(Word*);


// -- Backtraces ---------------------------------------------------------------
// At a THROW, the return addresses between the thrower and the CATCH frame
// that will catch it name the active words. They are collected before the
// landing discards them, and only for the first THROW of an error (a C++
// error re-raised at each helper boundary keeps its innermost trace); a Forth
// CATCH that handles the error forgets it.
// A THROW caught by CATCH in a loop pays for the recording, so it only
// copies what points into code memory; which words those are is looked up
// when the trace is shown.
constexpr int TRACE_MAX = 64;
static const void* trace[TRACE_MAX];
static int trace_len;

// Where the trampoline resumes after its call of the CATCH core: a catch
// frame whose return address is this one hands the error to C++.
static const void* trampoline_resume;

// A THROW that a Forth CATCH will catch needs no trace: that CATCH forgets
// it, and a re-THROW records its own. Only an error on its way to C++ (the
// prompt, a file being included) keeps one.
static bool caught_in_forth() {
    return catch_frame && ((const void* const*)catch_frame)[6] != trampoline_resume;   // (readable: see record_trace)
}

extern "C" void record_trace(const uintptr_t* sp, const void* pc) {
    if (trace_recorded || caught_in_forth()) return;
    trace_recorded = 1;
    trace_len = 0;
    if (pc) trace[trace_len++] = pc;
    auto* end = (const uintptr_t*)catch_frame;
    // The frame may be on the C++ stack, far above the return stack sp is on.
    // (After popping past the top, sp is in the guard zone above it.)
    if ((const uint8_t*)sp >= rstack_low && (const uint8_t*)sp < rstack_high + GUARD_BYTES &&
        (const uint8_t*)end >= rstack_high)
        end = (const uintptr_t*)rstack_high;
    for (; sp && sp < end && trace_len < TRACE_MAX; ++sp) {
        auto* ret = (const uint8_t*)*sp;
        if (codemem.contains(ret)) trace[trace_len++] = ret - 1;
    }
}

std::string backtrace_text() {
    if (!trace_recorded) return "";
    std::string s;
    const Word* last = nullptr;
    // Built-in words alone (LOAD, EVALUATE run from the prompt) add nothing to
    // the caret; a trace is worth showing once a definition of the program is in it.
    bool any_definition = false;
    for (int i = 0; i < trace_len; ++i)
        if (const Word* w = word_at(trace[i])) any_definition |= w->kind == Kind::Colon || w->kind == Kind::Does;
    if (!any_definition) return "";
    for (int i = 0; i < trace_len; ++i) {
        const Word* w = word_at(trace[i]);
        if (!w || w == last) continue;   // one name per run of recursion
        last = w;
        s += s.empty() ? "" : " ";
        s += w->name_len ? std::string(w->name, w->name_len) : "(noname)";
    }
    return s;
}

void forget_trace() { trace_recorded = 0; }

// caller_rsp: rsp in native code before the call sequence; for a helper
// word's body it points at the return address into the calling word.
#if defined(__SANITIZE_ADDRESS__)
// AddressSanitizer keeps shadow memory for the Forth return stack too. A
// THROW landing is not an unwinder: the redzones of the C++ frames it skips
// (helper_entry's, say) stay poisoned there, and a later C++ frame at the
// same addresses would be reported. Clear the shadow below the caller's
// frame (this function has no locals ASan watches).
__attribute__((noinline)) static void unpoison_below_caller() {
    const uint8_t* frame = (const uint8_t*)__builtin_frame_address(0);
    if (frame <= rstack_low || frame > rstack_high) return;
    const uint8_t* low = frame - rstack_low > (256 << 10) ? frame - (256 << 10) : rstack_low;
    ASAN_UNPOISON_MEMORY_REGION(low, size_t(frame - low));
}
#else
static void unpoison_below_caller() {}
#endif

// Runs a C++ word: 0, or the THROW code of what it threw.
// Inlined: gdb's backtrace of a C++ word (tests/tools/gdb-jit.sh) shows helper_entry right above it.
[[gnu::always_inline]] static inline cell call_cpp_word(HelperFn f) {
    try {
        f();
        // Ctrl-C during a C++ word (EMIT in a long loop, say) is acted on here.
        check_interrupt();
        return 0;
    } catch (const ForthThrow& t) {
        return t.code ? t.code : -1;
    } catch (const std::bad_alloc&) {
        return -59;
    } catch (const std::exception&) {
        return -9;   // a string from a wild address or length, as a rule
    }
}

// Room a C++ word may need on the Forth return stack. A fault in C++ code
// cannot be recovered from, so runaway recursion through a C++ word (`: g
// close-file recurse ;`, a fuzzer finding) must stop before it: -5.
// Forth runs on the C++ stack in the sanitized build (see emit_catch), so
// the same room is kept there, below the main thread's stack.
constexpr size_t HELPER_STACK_ROOM = 128 << 10;
static const uint8_t* cpp_stack_low;

static void find_cpp_stack() {
    pthread_attr_t a;
    if (pthread_getattr_np(pthread_self(), &a) != 0) return;
    void* low = nullptr;
    size_t size = 0;
    if (pthread_attr_getstack(&a, &low, &size) == 0) cpp_stack_low = (const uint8_t*)low;
    pthread_attr_destroy(&a);
}

extern "C" cell* helper_entry(cell* sp, HelperFn f, const uintptr_t* caller_rsp) {
    unpoison_below_caller();
    vm.ds.sp = sp;
    const uint8_t* frame = (const uint8_t*)__builtin_frame_address(0);
    const uint8_t* low = frame > rstack_low && frame <= rstack_high ? rstack_low : cpp_stack_low;
    ++helper_depth;
    cell code = frame > low && size_t(frame - low) < HELPER_STACK_ROOM ? -5 : call_cpp_word(f);
    --helper_depth;
    if (code == 0) return vm.ds.sp;
    record_trace(caller_rsp, nullptr);
    // The C++ stack pointer, with everything in memory, becomes DSP.
    ((void (*)(cell, cell*))throw_from_helper)(code, vm.ds.sp);
    __builtin_unreachable();
}

// The call of a helper with rsi = f loaded already: everything goes to
// memory, rsp is aligned for C++, helper_entry(DSP, f, rsp) runs f.
static void emit_helper_sequence(Gen& g) {
    fspill(g);
    g.mov(rax, (size_t)&vm.fs.sp);
    g.mov(g.qword[rax], FSP);
    spill(g);
    g.mov(rdi, DSP);
    g.mov(rax, rsp);
    g.mov(rdx, rax);
    g.and_(rsp, -16);
    g.push(rax);
    g.push(rax);
    g.mov(rax, (size_t)&helper_entry);
    g.call(rax);
    g.mov(rsp, g.qword[rsp]);
    g.mov(DSP, rax);
    fill(g);
    g.mov(rax, (size_t)&vm.fs.sp);
    g.mov(FSP, g.qword[rax]);
    ffill(g);
}

// One copy of the sequence, ending in ret, that every helper word's body
// jumps to: a body is `mov esi, f ; jmp helper_stub`, so that defining the
// few hundred helper words at start-up assembles 10 bytes each, not 100.
// rsp at the stub is rsp at the body, so helper_entry's caller_rsp is the
// same as for a sequence inlined in the body.
static void* helper_stub;

void call_helper(Gen& g, HelperFn f) {
    g.mov(rsi, (size_t)f);
    emit_helper_sequence(g);
}

static void emit_helper_body(Gen& g, HelperFn f) {
    g.mov(rsi, (size_t)f);
    g.jmp_rx(helper_stub);
}

// switch_stack: the trampoline's CATCH core, which runs xt on the Forth
// return stack when it was entered from the C++ stack (run_xt checked xt).
// known_xt: the xt is in rax, not on the stack, and needs no check.
static void emit_catch(Gen& g, bool switch_stack, bool known_xt = false) {
    if (!known_xt) {
        g.mov(rax, TOS);
        drop(g);
    } else {
        // The landing reloads TOS from memory (see emit_throw_entries),
        // where the drop of the xt would have left it.
        g.mov(g.qword[DSP - 8], TOS);
    }
    g.mov(rcx, (size_t)&catch_frame);
    g.push(g.qword[rcx]);
    g.push(DSP);
    g.push(LOOPB);
    g.push(LOOPT);
    g.push(FSP);
    g.push(FRAME);
    g.mov(g.qword[rcx], rsp);
#if defined(__SANITIZE_ADDRESS__)
    // AddressSanitizer cannot follow a stack it was not told about (its
    // no-return handler then trips over stale redzones): the sanitized build
    // runs Forth on the C++ stack, as before, and skips the test of -6.
    switch_stack = false;
#endif
    if (switch_stack) {
        g.mov(rdx, (size_t)&run_frame);
        g.mov(g.qword[rdx], rsp);
        Xbyak::Label enter, stay;
        g.mov(rdx, (size_t)rstack_low);
        g.cmp(rsp, rdx);
        g.jb(enter);
        g.mov(rdx, (size_t)rstack_high);
        g.cmp(rsp, rdx);
        g.jb(stay);
        g.L(enter);
        g.mov(rsp, rdx);
        g.L(stay);
        g.call(g.qword[rax]);   // the trampoline's: run_xt checked the xt
    } else if (known_xt) {
        g.call(g.qword[rax]);
    } else {
        g.call_rx(execute_stub);
    }
    // Back to the frame: on whichever stack it is, and wherever an xt that
    // moves the return stack left rsp (`' R> CATCH` pops a cell of the
    // frame, `' >R CATCH` pushes one; it would restore the wrong registers).
    // A compare and a jump not taken, not a load into rsp every time: that
    // made the catch benchmark 5% slower.
    Xbyak::Label at_frame;
    g.mov(rcx, (size_t)&catch_frame);
    g.cmp(rsp, g.qword[rcx]);
    g.je(at_frame);
    g.mov(rsp, g.qword[rcx]);
    g.L(at_frame);
    // While the frame still stands: a data stack left underflowed throws -4
    // (a compare, as the cells just below the bottom are ordinary memory:
    // see DATA_STACK_SLACK), and pushing the 0 probes the float stack with
    // the store a spill of FTOS would make; its fault is caught by this frame.
    Xbyak::Label deep_enough;
    g.mov(rax, (size_t)(vm.ds.base + 1));   // DSP of an empty stack (TOS is the spare slot)
    g.cmp(DSP, rax);
    g.jbe(deep_enough);
    g.mov(rdi, -4);
    g.jmp((const void*)((const uint8_t*)throw_entry + codemem.delta()));
    g.L(deep_enough);
    push_imm(g, 0);
    g.movsd(g.qword[FSP - 8], FTOS);
    g.mov(rcx, (size_t)&catch_frame);
    g.mov(rdx, g.qword[rsp + 40]);
    g.mov(g.qword[rcx], rdx);
    g.add(rsp, 48);
    g.ret();
}

// The three ways into the landing: from THROW (spill TOS first), from a C++
// helper (DSP from rsi), and directly (faults, later).
static void emit_throw_entries(Gen& g) {
    Xbyak::Label landing;
    throw_entry = (void*)g.rx_curr();
    spill(g);
    fspill(g);
    // caught_in_forth() in line: the usual THROW, to a Forth CATCH, records nothing.
    g.mov(rax, (size_t)&catch_frame);
    g.mov(rax, g.qword[rax]);
    g.mov(rax, g.qword[rax + 48]);
    g.mov(rcx, (size_t)&trampoline_resume);
    g.cmp(rax, g.qword[rcx]);
    g.jne(landing, Gen::T_NEAR);
    g.push(rdi);
    g.lea(rdi, g.ptr[rsp + 8]);
    g.xor_(esi, esi);
    g.mov(rax, rsp);
    g.and_(rsp, -16);
    g.push(rax);
    g.push(rax);
    g.mov(rax, (size_t)&record_trace);
    g.call(rax);
    g.mov(rsp, g.qword[rsp]);
    g.pop(rdi);
    g.jmp(landing);
    throw_from_helper = (void*)g.rx_curr();
    g.mov(DSP, rsi);
    g.L(landing);
    throw_landing = (void*)g.rx_curr();
    g.mov(rcx, (size_t)&catch_frame);
    g.mov(rsp, g.qword[rcx]);
    {   // A frame whose saved DSP and FSP lie outside their stacks, or whose
        // older frame is not above it, was overwritten: use the run's frame.
        Xbyak::Label bad, good;
        auto within = [&](int offset, const uint8_t* low, const uint8_t* high) {
            g.mov(rax, g.qword[rsp + offset]);
            g.mov(rdx, (size_t)low);
            g.cmp(rax, rdx);
            g.jb(bad, Gen::T_NEAR);
            g.mov(rdx, (size_t)high);
            g.cmp(rax, rdx);
            g.ja(bad, Gen::T_NEAR);
        };
        within(32, vm.ds_low, vm.ds_high);
        within(8, vm.fs_low, vm.fs_high);
        g.mov(rax, g.qword[rsp + 40]);
        g.test(rax, rax);
        g.jz(good, Gen::T_NEAR);
        g.cmp(rax, rsp);
        g.ja(good, Gen::T_NEAR);
        g.L(bad);
        g.mov(rdx, (size_t)&run_frame);
        g.mov(rsp, g.qword[rdx]);
        g.mov(g.qword[rcx], rsp);
        g.L(good);
    }
    g.pop(FRAME);
    g.pop(FSP);
    g.pop(LOOPT);
    g.pop(LOOPB);
    g.pop(DSP);
    g.pop(rdx);
    g.mov(g.qword[rcx], rdx);
    // The code that threw may have underflowed into the slack below the
    // stack, and left anything in the spare slot (poison_stack_slack); that
    // is made right before TOS is loaded, which is that slot when the stack
    // is empty.
    g.mov(rax, (size_t)vm.ds_high);
    g.mov(rcx, (size_t)vm.ds.base);
    for (size_t i = 0; i <= DATA_STACK_SLACK; ++i) g.mov(g.qword[rcx + 8 * i], rax);
    g.mov(TOS, g.qword[DSP - 8]);
    g.movsd(FTOS, g.qword[FSP - 8]);
    push_reg(g, rdi);
    g.ret();
}

void init_runtime() {
    {
        Gen g;
        emit_helper_sequence(g);
        g.ret();
        size_t n = 0;
        helper_stub = g.finish(&n);
        note_stub(helper_stub, n, "(helper)");
    }
    {   // THROW's landing: rdi = code
        Gen g;
        emit_throw_entries(g);
        size_t n = 0;
        void* code = g.finish(&n);
        note_stub(code, n, "(throw)");
    }
    emit_xt_stubs();
    {   // CATCH core, and the CATCH word's body which marks the error as handled
        rstack_low = map_guarded(RSTACK_BYTES);
        find_cpp_stack();
        rstack_high = rstack_low + RSTACK_BYTES;
        Gen g;
        emit_catch(g, false);
        size_t n = 0;
        void* core = g.finish(&n);
        note_stub(core, n, "(catch)");
        Gen c;
        emit_catch(c, true);
        void* top_core = c.finish(&n);
        note_stub(top_core, n, "(catch)");
        catch_core = core;
        Gen k;
        emit_catch(k, false, true);
        catch_core_known = k.finish(&n);
        note_stub(catch_core_known, n, "(catch)");
        Gen t;  // trampoline: cell (*)(Word* xt)
        for (auto& r : {rbx, rbp, r12, r13, r14, r15}) t.push(r);
        t.mov(rax, (size_t)&run_frame);
        t.push(t.qword[rax]);   // the outer run's frame (also keeps rsp aligned)
        t.mov(rax, (size_t)&vm.ds.sp);
        t.mov(DSP, t.qword[rax]);
        fill(t);
        t.mov(rax, (size_t)&vm.fs.sp);
        t.mov(FSP, t.qword[rax]);
        ffill(t);
        push_reg(t, rdi);
        t.call_rx(top_core);
        trampoline_resume = t.rx_curr();
        t.mov(rax, TOS);
        drop(t);
        spill(t);
        t.mov(rcx, (size_t)&vm.ds.sp);
        t.mov(t.qword[rcx], DSP);
        fspill(t);
        t.mov(rcx, (size_t)&vm.fs.sp);
        t.mov(t.qword[rcx], FSP);
        t.mov(rcx, (size_t)&run_frame);   // (rax holds the result)
        t.pop(t.qword[rcx]);
        for (auto& r : {r15, r14, r13, r12, rbp, rbx}) t.pop(r);
        t.ret();
        trampoline = (cell(*)(Word*))t.finish(&n);
        note_stub((void*)trampoline, n, "(trampoline)");
    }
    {   // THROW ( n -- ): nonzero n goes to the innermost CATCH
        Gen g;
        g.mov(rdi, TOS);
        drop(g);
        g.test(rdi, rdi);
        g.jnz((const void*)((const uint8_t*)throw_entry + codemem.delta()));
        g.ret();
        size_t n = 0;
        throw_code_body = g.finish(&n);
        note_stub(throw_code_body, n, "THROW");
    }
}

// A helper word run from C++ (an immediate word while compiling, LITERAL
// for each number compiled) has its function called here, as helper_entry
// would call it from the word's code, without the trip through the
// trampoline, a CATCH frame and the helper stub (a fortieth of the time to
// compile short definitions). An error leaves the stacks as deep as they
// were, as the trampoline's CATCH frame would; no word's code is active,
// so there is no backtrace to record.
static cell run_helper(HelperFn f) {
    cell* ds = vm.ds.sp;
    double* fs = vm.fs.sp;
    cell code = call_cpp_word(f);
    if (code != 0) {
        vm.ds.sp = ds;
        vm.fs.sp = fs;
    }
    return code;
}

uint32_t helper_depth;

cell run_xt(Word* xt) {
    if (!is_xt(xt)) return -9;
    if (xt->kind == Kind::Helper && xt->value) return run_helper(HelperFn(xt->value));
    // The trampoline returns every THROW as its code, so this runs each time.
    uint32_t outer = helper_depth;
    helper_depth = 0;
    cell code = trampoline(xt);
    helper_depth = outer;
    return code;
}
bool forth_running() { return catch_frame != nullptr; }

// Commits g's code as w's body and notes it in the code map.
void place_body(Gen& g, Word* w) {
    size_t n = 0;
    w->code = g.finish(&n);
    w->code_size = uint32_t(n);
    note_code(w->code, n, w);
}

// Bodies are assembled with the one reused Gen (asm/codemem.h): none of
// these runs while a definition is being assembled.
void make_pusher(Word* w, cell value) {
    Gen& g = Gen::reused();
    push_imm(g, value);
    g.ret();
    place_body(g, w);
}

void make_value(Word* w) {
    Gen& g = Gen::reused();
    g.mov(rax, (size_t)w->body);
    push_reg(g, rax);
    g.mov(TOS, g.qword[rax]);
    g.ret();
    place_body(g, w);
}

void make_defer(Word* w) {
    Gen& g = Gen::reused();
    g.mov(rax, (size_t)w->body);
    g.mov(rax, g.qword[rax]);
    g.jmp(g.qword[rax]);
    place_body(g, w);
}

void make_does(Word* w, const void* does_code) {
    Gen& g = Gen::reused();
    push_imm(g, (cell)w->body);
    g.jmp_rx(does_code);
    place_body(g, w);
    w->kind = Kind::Does;
    w->value = (cell)does_code;   // so that a compiled call can skip the stub (asm/compiler.cpp)
}

void make_helper_body(Word* w, HelperFn f) {
    w->value = cell(f);   // for run_xt
    Gen& g = Gen::reused();
    emit_helper_body(g, f);
    place_body(g, w);
}

void* make_helper_body(HelperFn f) {
    Gen& g = Gen::reused();
    emit_helper_body(g, f);
    size_t n = 0;
    void* code = g.finish(&n);
    note_stub(code, n, "(helper)");
    return code;
}

void make_prim_body(Word* w, const Prim& p) {
    Gen& g = Gen::reused();
    if (p.rstack) g.pop(r11);
    p.emit(g);
    if (p.rstack) g.jmp(r11);
    else g.ret();
    place_body(g, w);
}

}  // namespace xf

namespace xf {
void emit_need(Gen& g, int n) {
    // Depth n means DSP = base + 8 - 8n (TOS in rbx, the empty stack's DSP one
    // cell above the spare slot at base).
    Xbyak::Label ok;
    g.mov(rax, (size_t)(vm.ds.base + 1 - n));
    g.cmp(DSP, rax);
    g.jbe(ok, Gen::T_NEAR);
    emit_throw(g, -4);
    g.L(ok);
}

void emit_throw(Gen& g, cell code) {
    g.mov(rdi, code);
    g.call_rx(throw_entry);   // a call, so that the backtrace names this word
}
}  // namespace xf
