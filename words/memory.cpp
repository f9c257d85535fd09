// SPDX-License-Identifier: MIT
// Memory access and data space (CORE, CORE EXT, STRING's block moves).
#include "asm/emit.h"
#include "asm/runtime.h"
#include "words/registry.h"
#include <cstring>

namespace xf {
using namespace regs;

static void fetch(Gen& g) { g.mov(TOS, g.qword[TOS]); }
static void store(Gen& g) {
    g.mov(rax, g.qword[DSP]);
    g.mov(g.qword[TOS], rax);
    g.mov(TOS, g.qword[DSP + 8]);
    g.add(DSP, 16);
}
static void c_fetch(Gen& g) { g.movzx(TOS, g.byte[TOS]); }
static void c_store(Gen& g) {
    g.mov(rax, g.qword[DSP]);
    g.mov(g.byte[TOS], g.al);
    g.mov(TOS, g.qword[DSP + 8]);
    g.add(DSP, 16);
}
static void plus_store(Gen& g) {
    g.mov(rax, g.qword[DSP]);
    g.add(g.qword[TOS], rax);
    g.mov(TOS, g.qword[DSP + 8]);
    g.add(DSP, 16);
}
static void two_fetch(Gen& g) {   // ( a -- x1 x2 ): x2 at a, x1 at a+8
    g.mov(rax, g.qword[TOS + 8]);
    g.sub(DSP, 8);
    g.mov(g.qword[DSP], rax);
    g.mov(TOS, g.qword[TOS]);
}
static void two_store(Gen& g) {   // ( x1 x2 a -- )
    emit_need(g, 3);
    g.mov(rax, g.qword[DSP]);
    g.mov(g.qword[TOS], rax);
    g.mov(rax, g.qword[DSP + 8]);
    g.mov(g.qword[TOS + 8], rax);
    g.mov(TOS, g.qword[DSP + 16]);
    g.add(DSP, 24);
}
static void count(Gen& g) {   // ( c-addr -- addr u )
    g.lea(rax, g.ptr[TOS + 1]);
    g.movzx(TOS, g.byte[TOS]);
    g.sub(DSP, 8);
    g.mov(g.qword[DSP], rax);
}
static void nothing(Gen&) {}
static void aligned(Gen& g) {
    g.add(TOS, 7);
    g.and_(TOS, -8);
}
static void here_(Gen& g) {
    const size_t at = (size_t)&vm.dp;
    if (at < 0x80000000u) {   // the usual non-PIE build: an absolute 32-bit address
        g.sub(DSP, 8);
        g.mov(g.qword[DSP], TOS);
        g.mov(TOS, g.qword[(const void*)at]);
        return;
    }
    g.mov(rax, at);
    g.mov(rax, g.qword[rax]);
    push_reg(g, rax);
}

// Block moves run natively (rep movsb / rep stosb), so a wild address
// faults in native code and becomes -9 like any other access. The first
// and last byte of each area are read before a byte is written: an area
// that begins or ends where nothing is mapped faults there, not after the
// copy has run through whatever lay on its way (`1 0 xt cmove>` shifted
// every header below xt down a byte, and lookups after it were -9: a
// fuzzer finding). An area with a hole inside still faults part way.
static void probe_ends(Gen& g, const Xbyak::Reg64& area) {   // rcx > 0 bytes from area
    g.cmp(g.byte[area], 0);
    g.cmp(g.byte[area + rcx - 1], 0);
}
// ( addr1 addr2 u -- ) loads rsi = addr1, rdi = addr2, rcx = u, drops all three.
// A count of zero or less moves nothing (the jump goes to `none`).
static void load_move_operands(Gen& g, Xbyak::Label& none) {
    emit_need(g, 3);
    g.mov(rcx, TOS);
    g.mov(rsi, g.qword[DSP + 8]);
    g.mov(rdi, g.qword[DSP]);
    g.mov(TOS, g.qword[DSP + 16]);
    g.add(DSP, 24);
    g.test(rcx, rcx);
    g.jle(none, Gen::T_NEAR);
    probe_ends(g, rsi);
    probe_ends(g, rdi);
}
static void copy_backward(Gen& g) {   // the direction flag is cleared again at once
    g.lea(rsi, g.ptr[rsi + rcx - 1]);
    g.lea(rdi, g.ptr[rdi + rcx - 1]);
    g.std();
    g.rep();
    g.movsb();
    g.cld();
}
static void move(Gen& g) {
    Xbyak::Label backward, done;
    load_move_operands(g, done);
    g.mov(rax, rdi);
    g.sub(rax, rsi);
    g.cmp(rax, rcx);
    g.jb(backward);         // the destination starts inside the source
    g.rep();
    g.movsb();
    g.jmp(done, Gen::T_NEAR);
    g.L(backward);
    copy_backward(g);
    g.L(done);
}
static void cmove(Gen& g) {   // low addresses first, even when overlapping
    Xbyak::Label done;
    load_move_operands(g, done);
    g.rep();
    g.movsb();
    g.L(done);
}
static void cmove_up(Gen& g) {
    Xbyak::Label done;
    load_move_operands(g, done);
    copy_backward(g);
    g.L(done);
}
static void fill_bytes(Gen& g) {   // ( c-addr u char -- )
    emit_need(g, 3);
    g.mov(rax, TOS);
    g.mov(rcx, g.qword[DSP]);
    g.mov(rdi, g.qword[DSP + 8]);
    g.mov(TOS, g.qword[DSP + 16]);
    g.add(DSP, 24);
    Xbyak::Label done;
    g.test(rcx, rcx);
    g.jle(done);
    probe_ends(g, rdi);
    g.rep();
    g.stosb();
    g.L(done);
}

static const Prim memory_prims[] = {
    {"FILL", "( c-addr u char -- )", fill_bytes},
    {"MOVE", "( addr1 addr2 u -- )", move},
    {"CMOVE", "( c-addr1 c-addr2 u -- )", cmove},
    {"CMOVE>", "( c-addr1 c-addr2 u -- )", cmove_up},
    {"@", "( a-addr -- x )", fetch},
    {"!", "( x a-addr -- )", store},
    {"C@", "( c-addr -- char )", c_fetch},
    {"C!", "( char c-addr -- )", c_store},
    {"+!", "( n a-addr -- )", plus_store},
    {"2@", "( a-addr -- x1 x2 )", two_fetch},
    {"2!", "( x1 x2 a-addr -- )", two_store},
    {"COUNT", "( c-addr -- c-addr+1 u )", count},
    {"CHAR+", "( c-addr -- c-addr+1 )", [](Gen& g) { g.add(TOS, 1); }},
    {"CHARS", "( n -- n )", nothing},
    {"ALIGNED", "( addr -- a-addr )", aligned},
    {"HERE", "( -- addr )", here_},
};

static void allot_() { allot(vm.ds.pop()); }
static void comma_() { comma(vm.ds.pop()); }
static void c_comma() { ccomma(uint8_t(vm.ds.pop())); }
static void align_() { align_here(); }
static void unused() { vm.ds.push(vm.dp_end - vm.dp); }
static const HelperDef memory_helpers[] = {
    {"ALLOT", "( n -- )", allot_},
    {",", "( x -- )", comma_},
    {"C,", "( char -- )", c_comma},
    {"ALIGN", "( -- )", align_},
    {"UNUSED", "( -- u )", unused},
};

void register_memory_words() {
    define_all(memory_prims);
    define_all(memory_helpers);
}

}  // namespace xf
