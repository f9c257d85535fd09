// SPDX-License-Identifier: MIT
// Memory access and data space (CORE, CORE EXT, STRING's block moves).
#include "asm/emit.h"
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
    g.mov(rax, (size_t)&vm.dp);
    g.mov(rax, g.qword[rax]);
    push_reg(g, rax);
}

static const Prim memory_prims[] = {
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
static void fill() {
    cell c = vm.ds.pop(), n = vm.ds.pop();
    auto* a = (uint8_t*)vm.ds.pop();
    if (n > 0) memset(a, int(c), size_t(n));
}
static void move() {
    cell n = vm.ds.pop();
    auto* to = (uint8_t*)vm.ds.pop();
    auto* from = (uint8_t*)vm.ds.pop();
    if (n > 0) memmove(to, from, size_t(n));
}
static void cmove() {   // byte by byte from low addresses up, as the standard defines it
    cell n = vm.ds.pop();
    auto* to = (uint8_t*)vm.ds.pop();
    auto* from = (uint8_t*)vm.ds.pop();
    for (cell i = 0; i < n; ++i) to[i] = from[i];
}
static void cmove_up() {
    cell n = vm.ds.pop();
    auto* to = (uint8_t*)vm.ds.pop();
    auto* from = (uint8_t*)vm.ds.pop();
    for (cell i = n - 1; i >= 0; --i) to[i] = from[i];
}

static const HelperDef memory_helpers[] = {
    {"ALLOT", "( n -- )", allot_},
    {",", "( x -- )", comma_},
    {"C,", "( char -- )", c_comma},
    {"ALIGN", "( -- )", align_},
    {"UNUSED", "( -- u )", unused},
    {"FILL", "( c-addr u char -- )", fill},
    {"MOVE", "( addr1 addr2 u -- )", move},
    {"CMOVE", "( c-addr1 c-addr2 u -- )", cmove},
    {"CMOVE>", "( c-addr1 c-addr2 u -- )", cmove_up},
};

void register_memory_words() {
    define_all(memory_prims);
    define_all(memory_helpers);
}

}  // namespace xf
