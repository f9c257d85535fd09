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
// Forth -> C++.  A helper is `void f()` on vm.ds. Its call stub spills TOS,
// aligns rsp and calls helper_entry(sp, f); a ForthThrow escaping f is
// caught there and re-raised as a Forth THROW from the helper_entry frame,
// which holds nothing that needs destroying by then.
//
// CATCH frame on the return stack, newest pointed to by catch_frame:
//   [rsp+0]  r12 (float stack)   [rsp+8]  r14   [rsp+16] r13
//   [rsp+24] DSP   [rsp+32] previous frame
// THROW restores the depth of the data stack, not its contents (Forth-2012
// 9.6.1.2275): it reloads TOS from its memory slot [DSP-8], where the item
// at that depth lives once spilled, as it would in a Forth without a TOS
// register. CATCH's TOS came from that slot when CATCH popped the xt.
// and above it the return address into CATCH's caller. THROW loads rsp
// from catch_frame before touching the stack, so it also works when rsp
// itself is what went wrong.
#include "asm/runtime.h"
#include "asm/prim.h"
#include "asm/regs.h"
#include "core/errors.h"

namespace xf {
using namespace regs;

void* catch_code;
void* throw_code_body;

static void* catch_frame;
static void* throw_entry;   // rdi = nonzero code
static cell (*trampoline)(Word*);


extern "C" cell* helper_entry(cell* sp, HelperFn f) {
    vm.ds.sp = sp;
    cell code;
    try {
        f();
        return vm.ds.sp;
    } catch (const ForthThrow& t) {
        code = t.code;
    } catch (const std::bad_alloc&) {
        code = -59;
    }
    ((void (*)(cell))throw_entry)(code);
    __builtin_unreachable();
}

void call_helper(Gen& g, HelperFn f) {
    spill(g);
    g.mov(rdi, DSP);
    g.mov(rsi, (size_t)f);
    g.mov(rax, rsp);
    g.and_(rsp, -16);
    g.push(rax);
    g.push(rax);
    g.mov(rax, (size_t)&helper_entry);
    g.call(rax);
    g.mov(rsp, g.qword[rsp]);
    g.mov(DSP, rax);
    fill(g);
}

static void emit_catch(Gen& g) {
    g.mov(rax, TOS);
    drop(g);
    g.mov(rcx, (size_t)&catch_frame);
    g.push(g.qword[rcx]);
    g.push(DSP);
    g.push(LOOPB);
    g.push(LOOPT);
    g.push(FSP);
    g.mov(g.qword[rcx], rsp);
    g.call(g.qword[rax]);
    g.mov(rcx, (size_t)&catch_frame);
    g.mov(rdx, g.qword[rsp + 32]);
    g.mov(g.qword[rcx], rdx);
    g.add(rsp, 40);
    push_imm(g, 0);
    g.ret();
}

static void emit_throw_entry(Gen& g) {
    g.mov(rcx, (size_t)&catch_frame);
    g.mov(rsp, g.qword[rcx]);
    g.pop(FSP);
    g.pop(LOOPT);
    g.pop(LOOPB);
    g.pop(DSP);
    g.pop(rdx);
    g.mov(g.qword[rcx], rdx);
    g.mov(TOS, g.qword[DSP - 8]);
    push_reg(g, rdi);
    g.ret();
}

void init_runtime() {
    {   // THROW's landing: rdi = code
        Gen g;
        emit_throw_entry(g);
        throw_entry = g.finish();
    }
    {   // CATCH core, and the CATCH word's body which marks the error as handled
        Gen g;
        emit_catch(g);
        void* core = g.finish();
        Gen h;
        h.call_rx(core);
        h.mov(rax, (size_t)&error_located);
        h.mov(h.byte[rax], 0);
        h.ret();
        catch_code = h.finish();
        Gen t;  // trampoline: cell (*)(Word* xt)
        for (auto& r : {rbx, rbp, r12, r13, r14, r15}) t.push(r);
        t.sub(rsp, 8);
        t.mov(rax, (size_t)&vm.ds.sp);
        t.mov(DSP, t.qword[rax]);
        fill(t);
        push_reg(t, rdi);
        t.call_rx(core);
        t.mov(rax, TOS);
        drop(t);
        spill(t);
        t.mov(rcx, (size_t)&vm.ds.sp);
        t.mov(t.qword[rcx], DSP);
        t.add(rsp, 8);
        for (auto& r : {r15, r14, r13, r12, rbp, rbx}) t.pop(r);
        t.ret();
        trampoline = (cell(*)(Word*))t.finish();
    }
    {   // THROW ( n -- ): nonzero n goes to the innermost CATCH
        Gen g;
        g.mov(rdi, TOS);
        drop(g);
        g.test(rdi, rdi);
        g.jnz((const void*)((const uint8_t*)throw_entry + codemem.delta()));
        g.ret();
        throw_code_body = g.finish();
    }
}

cell run_xt(Word* xt) { return trampoline(xt); }

void make_pusher(Word* w, cell value) {
    Gen g;
    push_imm(g, value);
    g.ret();
    w->code = g.finish();
}

void make_value(Word* w) {
    Gen g;
    g.mov(rax, (size_t)w->body);
    push_reg(g, rax);
    g.mov(TOS, g.qword[rax]);
    g.ret();
    w->code = g.finish();
}

void make_defer(Word* w) {
    Gen g;
    g.mov(rax, (size_t)w->body);
    g.mov(rax, g.qword[rax]);
    g.jmp(g.qword[rax]);
    w->code = g.finish();
}

void make_does(Word* w, const void* does_code) {
    Gen g;
    push_imm(g, (cell)w->body);
    g.jmp_rx(does_code);
    w->code = g.finish();
    w->kind = Kind::Does;
}

void* make_helper_body(HelperFn f) {
    Gen g;
    call_helper(g, f);
    g.ret();
    return g.finish();
}

void* make_prim_body(const Prim& p) {
    Gen g;
    if (p.rstack) g.pop(r11);
    p.emit(g);
    if (p.rstack) g.jmp(r11);
    else g.ret();
    return g.finish();
}

}  // namespace xf

namespace xf {
void emit_throw(Gen& g, cell code) {
    g.mov(rdi, code);
    g.jmp_rx(throw_entry);
}
}  // namespace xf
