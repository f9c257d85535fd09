// SPDX-License-Identifier: MIT
// Comparisons (CORE, CORE EXT). A flag is 0 or -1: setcc, zero-extend, negate.
#include "asm/emit.h"
#include "words/registry.h"

namespace xf {
using namespace regs;

using SetCC = void (Xbyak::CodeGenerator::*)(const Xbyak::Operand&);

static void flag_from(Gen& g, SetCC set) {
    (g.*set)(g.al);
    g.movzx(TOS.cvt32(), g.al);
    g.neg(TOS);
}
// ( x1 x2 -- flag ): x1 cc x2
template <SetCC SET> void compare(Gen& g) {
    g.mov(rax, g.qword[DSP]);
    g.add(DSP, 8);
    g.cmp(rax, TOS);
    flag_from(g, SET);
}
template <SetCC SET> void compare_imm(Gen& g, cell n) {
    if (fits_i32(n)) {
        g.cmp(TOS, uint32_t(n));
    } else {
        g.mov(rax, n);
        g.cmp(TOS, rax);
    }
    flag_from(g, SET);
}
// ( x -- flag ): x cc 0
template <SetCC SET> void compare_zero(Gen& g) {
    g.test(TOS, TOS);
    flag_from(g, SET);
}
static void zero_less(Gen& g) { g.sar(TOS, 63); }

using CG = Xbyak::CodeGenerator;
static const Prim compare_prims[] = {
    {"=", "( x1 x2 -- flag )", compare<&CG::sete>, compare_imm<&CG::sete>, 0, false, Cond::E},
    {"<>", "( x1 x2 -- flag )", compare<&CG::setne>, compare_imm<&CG::setne>, 0, false, Cond::NE},
    {"<", "( n1 n2 -- flag )", compare<&CG::setl>, compare_imm<&CG::setl>, 0, false, Cond::L},
    {">", "( n1 n2 -- flag )", compare<&CG::setg>, compare_imm<&CG::setg>, 0, false, Cond::G},
    {"<=", "( n1 n2 -- flag )", compare<&CG::setle>, compare_imm<&CG::setle>, 0, false, Cond::LE},
    {">=", "( n1 n2 -- flag )", compare<&CG::setge>, compare_imm<&CG::setge>, 0, false, Cond::GE},
    {"U<", "( u1 u2 -- flag )", compare<&CG::setb>, compare_imm<&CG::setb>, 0, false, Cond::B},
    {"U>", "( u1 u2 -- flag )", compare<&CG::seta>, compare_imm<&CG::seta>, 0, false, Cond::A},
    {"0=", "( x -- flag )", compare_zero<&CG::sete>, nullptr, 0, false, Cond::E, true},
    {"0<>", "( x -- flag )", compare_zero<&CG::setne>, nullptr, 0, false, Cond::NE, true},
    {"0>", "( n -- flag )", compare_zero<&CG::setg>, nullptr, 0, false, Cond::G, true},
    {"0<", "( n -- flag )", zero_less, nullptr, 0, false, Cond::S, true},
};

void register_compare_words() { define_all(compare_prims); }

}  // namespace xf
