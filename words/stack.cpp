// SPDX-License-Identifier: MIT
// Stack manipulation, data and return stack (CORE, CORE EXT).
// State on entry and exit of every emitter: TOS in rbx, second at [r15].
#include "asm/emit.h"
#include "words/registry.h"

namespace xf {
using namespace regs;

static void dupe(Gen& g) { push_reg(g, TOS); }
static void swap(Gen& g) {
    g.mov(rax, g.qword[DSP]);
    g.mov(g.qword[DSP], TOS);
    g.mov(TOS, rax);
}
static void over(Gen& g) {
    g.mov(rax, g.qword[DSP]);
    push_reg(g, rax);
}
static void rote(Gen& g) {   // ( a b c -- b c a )
    g.mov(rax, g.qword[DSP + 8]);
    g.mov(rcx, g.qword[DSP]);
    g.mov(g.qword[DSP + 8], rcx);
    g.mov(g.qword[DSP], TOS);
    g.mov(TOS, rax);
}
static void not_rote(Gen& g) {   // ( a b c -- c a b )
    g.mov(rax, g.qword[DSP + 8]);
    g.mov(rcx, g.qword[DSP]);
    g.mov(g.qword[DSP + 8], TOS);
    g.mov(g.qword[DSP], rax);
    g.mov(TOS, rcx);
}
static void nip(Gen& g) { g.add(DSP, 8); }
static void tuck(Gen& g) {   // ( a b -- b a b )
    g.mov(rax, g.qword[DSP]);
    g.sub(DSP, 8);
    g.mov(g.qword[DSP + 8], TOS);
    g.mov(g.qword[DSP], rax);
}
static void question_dupe(Gen& g) {
    Xbyak::Label zero;
    g.test(TOS, TOS);
    g.jz(zero);
    push_reg(g, TOS);
    g.L(zero);
}
static void two_dupe(Gen& g) {
    g.mov(rax, g.qword[DSP]);
    g.sub(DSP, 16);
    g.mov(g.qword[DSP + 8], TOS);
    g.mov(g.qword[DSP], rax);
}
static void two_drop(Gen& g) {
    g.mov(TOS, g.qword[DSP + 8]);
    g.add(DSP, 16);
}
static void two_swap(Gen& g) {   // ( a b c d -- c d a b )
    g.mov(rax, g.qword[DSP + 16]);
    g.mov(rcx, g.qword[DSP + 8]);
    g.mov(rdx, g.qword[DSP]);
    g.mov(g.qword[DSP + 16], rdx);
    g.mov(g.qword[DSP + 8], TOS);
    g.mov(g.qword[DSP], rax);
    g.mov(TOS, rcx);
}
static void two_over(Gen& g) {   // ( a b c d -- a b c d a b )
    g.sub(DSP, 16);
    g.mov(g.qword[DSP + 8], TOS);
    g.mov(rax, g.qword[DSP + 32]);
    g.mov(g.qword[DSP], rax);
    g.mov(TOS, g.qword[DSP + 24]);
}
static void pick(Gen& g) { g.mov(TOS, g.qword[DSP + TOS * 8]); }
static void depth(Gen& g) {
    g.mov(rax, (size_t)(vm.ds.base + 1));
    g.sub(rax, DSP);
    g.sar(rax, 3);
    push_reg(g, rax);
}
// Return stack. The callable bodies run with their return address popped (Prim::rstack).
static void to_r(Gen& g) {
    g.push(TOS);
    drop(g);
}
static void r_from(Gen& g) {
    spill(g);
    g.pop(TOS);
}
static void r_fetch(Gen& g) {
    spill(g);
    g.mov(TOS, g.qword[rsp]);
}
static void r_drop(Gen& g) { g.add(rsp, 8); }
static void two_to_r(Gen& g) {
    g.push(g.qword[DSP]);
    g.push(TOS);
    two_drop(g);
}
static void two_r_from(Gen& g) {
    g.sub(DSP, 16);
    g.mov(g.qword[DSP + 8], TOS);
    g.pop(TOS);
    g.pop(g.qword[DSP]);
}
static void two_r_fetch(Gen& g) {
    g.sub(DSP, 16);
    g.mov(g.qword[DSP + 8], TOS);
    g.mov(TOS, g.qword[rsp]);
    g.mov(rax, g.qword[rsp + 8]);
    g.mov(g.qword[DSP], rax);
}

static const Prim stack_prims[] = {
    {"DUP", "( x -- x x )", dupe},
    {"DROP", "( x -- )", drop},
    {"SWAP", "( x1 x2 -- x2 x1 )", swap},
    {"OVER", "( x1 x2 -- x1 x2 x1 )", over},
    {"ROT", "( x1 x2 x3 -- x2 x3 x1 )", rote},
    {"-ROT", "( x1 x2 x3 -- x3 x1 x2 )", not_rote},
    {"NIP", "( x1 x2 -- x2 )", nip},
    {"TUCK", "( x1 x2 -- x2 x1 x2 )", tuck},
    {"?DUP", "( x -- 0 | x x )", question_dupe},
    {"2DUP", "( x1 x2 -- x1 x2 x1 x2 )", two_dupe},
    {"2DROP", "( x1 x2 -- )", two_drop},
    {"2SWAP", "( x1 x2 x3 x4 -- x3 x4 x1 x2 )", two_swap},
    {"2OVER", "( x1 x2 x3 x4 -- x1 x2 x3 x4 x1 x2 )", two_over},
    {"PICK", "( xu ... x0 u -- xu ... x0 xu )", pick},
    {"DEPTH", "( -- +n )", depth},
    {">R", "( x -- ) ( R: -- x )", to_r, nullptr, F_COMPILE_ONLY, true},
    {"R>", "( -- x ) ( R: x -- )", r_from, nullptr, F_COMPILE_ONLY, true},
    {"R@", "( -- x ) ( R: x -- x )", r_fetch, nullptr, F_COMPILE_ONLY, true},
    {"RDROP", "( R: x -- )", r_drop, nullptr, F_COMPILE_ONLY, true},
    {"2>R", "( x1 x2 -- ) ( R: -- x1 x2 )", two_to_r, nullptr, F_COMPILE_ONLY, true},
    {"2R>", "( -- x1 x2 ) ( R: x1 x2 -- )", two_r_from, nullptr, F_COMPILE_ONLY, true},
    {"2R@", "( -- x1 x2 ) ( R: x1 x2 -- x1 x2 )", two_r_fetch, nullptr, F_COMPILE_ONLY, true},
};

void register_stack_words() { define_all(stack_prims); }

}  // namespace xf
