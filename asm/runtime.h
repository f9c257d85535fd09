// SPDX-License-Identifier: MIT
// The native runtime: the trampoline by which C++ runs an xt, CATCH and
// THROW, the helper-call boundary, and the small bodies of CREATE, CONSTANT,
// VALUE and DEFER words.
#pragma once
#include "core/dictionary.h"
#include "asm/emit.h"

namespace xf {

void init_runtime();
extern uint8_t* rstack_low;    // the Forth return stack: see asm/runtime.cpp
extern uint8_t* rstack_high;

// Runs xt on the data stack vm.ds; returns 0 or the THROW code that no
// CATCH inside caught (the stack depth is then as it was before the call).
cell run_xt(Word* xt);

// CATCH ( i*x xt -- j*x 0 | i*x n ), inlined where it is compiled: a call of
// the code that sets up the CATCH frame and runs xt, then marks any error
// it caught as handled.
void emit_catch_call(Gen& g);
void emit_catch_imm(Gen& g, cell xt);   // CATCH of an xt known when compiling
// EXECUTE: a call of the code that checks the xt in rax and jumps to it.
void emit_execute_call(Gen& g);
// Throws -9 unless rax is an xt (see is_xt); clobbers rcx, rdx, rsi.
void emit_xt_check_call(Gen& g);
bool is_xt(const void* x);    // a header whose code field points into code memory
Word* pop_xt();               // the top item, which must be an xt (-9)
extern void* throw_landing;   // rdi = code; resumes at the innermost CATCH
bool forth_running();         // a CATCH frame (or trampoline) is active
// helper_entry frames active above the innermost trampoline: while it is 0
// and Forth is running, the code running is Forth's own, and an address in
// xforth's C++ text was reached by a wild jump (asm/signals.cpp).
extern uint32_t helper_depth;
// The words active at the newest uncaught THROW, innermost first ("" if none).
std::string backtrace_text();
void forget_trace();
extern "C" void record_trace(const uintptr_t* sp, const void* pc);   // ( i*x xt -- j*x 0 | i*x n )
extern void* throw_code_body; // ( k*x n -- k*x | i*x n )


// Bodies for defined words (placed in code memory; the word's code field).
// Every body goes through place_body, which notes it in the code map: a
// body missing there is code Ctrl-C cannot stop in, nor a backtrace name.
void place_body(Gen& g, Word* w);         // g's code becomes w's body
void make_pusher(Word* w, cell value);    // CREATE, VARIABLE, CONSTANT: push value
void make_value(Word* w);                 // push [body]
void make_defer(Word* w);                 // jmp [[body]]
void make_does(Word* w, const void* does_code); // push body; jmp does_code
void make_helper_body(Word* w, HelperFn f);
void* make_helper_body(HelperFn f);       // a stub no word owns (slow paths of primitives)
void make_prim_body(Word* w, const struct Prim& p);

}  // namespace xf

namespace xf {
// Jumps to THROW with a constant code; safe whatever state rsp is in.
void emit_throw(Gen& g, cell code);
// Throws -4 unless the data stack holds n items: for primitives that write
// through operands taken deep in the stack, which the cells of slack below
// the bottom (core/memory.cpp) would otherwise hand them.
void emit_need(Gen& g, int n);
}
