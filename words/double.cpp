// SPDX-License-Identifier: MIT
// Double-cell numbers (DOUBLE, DOUBLE EXT).
//
// A double d is two cells, the high (signed) cell on top: d = ( lo hi ).
// With TOS in rbx, a double on top of the stack is hi = rbx, lo = [r15];
// the double below it is hi = [r15+8], lo = [r15+16]. The arithmetic words
// are inline primitives built on add/adc, sub/sbb and cmp/sbb, so that the
// carry of the low cells flows into the high cells without a branch.
// M*/ keeps a 192-bit intermediate product and divides it exactly (C++).
// D. and D.R are pictured numeric output and live in kernel.fs.
#include "asm/compiler.h"
#include "asm/emit.h"
#include "asm/runtime.h"
#include "core/interpreter.h"
#include "words/registry.h"

namespace xf {
using namespace regs;

// -- Arithmetic ----------------------------------------------------------------

static void d_plus(Gen& g) {   // ( d1 d2 -- d1+d2 )
    g.mov(rax, g.qword[DSP]);
    g.add(g.qword[DSP + 16], rax);
    g.adc(TOS, g.qword[DSP + 8]);
    g.add(DSP, 16);
}
static void d_minus(Gen& g) {   // ( d1 d2 -- d1-d2 )
    g.mov(rax, g.qword[DSP]);
    g.sub(g.qword[DSP + 16], rax);
    g.mov(rax, g.qword[DSP + 8]);
    g.sbb(rax, TOS);
    g.mov(TOS, rax);
    g.add(DSP, 16);
}
static void d_negate(Gen& g) {   // hi = -hi - (lo != 0), lo = -lo
    g.neg(TOS);
    g.neg(g.qword[DSP]);
    g.sbb(TOS, 0);
}
static void d_abs(Gen& g) {   // m = sign mask: d = (d xor m) - m, without a branch
    g.mov(rax, TOS);
    g.sar(rax, 63);
    g.xor_(g.qword[DSP], rax);
    g.xor_(TOS, rax);
    g.sub(g.qword[DSP], rax);
    g.sbb(TOS, rax);
}
static void d_two_star(Gen& g) {
    g.shl(g.qword[DSP], 1);
    g.rcl(TOS, 1);
}
static void d_two_slash(Gen& g) {
    g.sar(TOS, 1);
    g.rcr(g.qword[DSP], 1);
}
static void m_plus(Gen& g) {   // ( d n -- d+n ): lo = [DSP+8], hi = [DSP]
    g.mov(rax, TOS);
    g.sar(rax, 63);
    g.add(g.qword[DSP + 8], TOS);
    g.mov(TOS, g.qword[DSP]);
    g.adc(TOS, rax);
    g.add(DSP, 8);
}
static void m_plus_imm(Gen& g, cell n) {   // lit M+: ( d -- d+n )
    if (fits_i32(n)) {
        g.add(g.qword[DSP], uint32_t(n));
    } else {
        g.mov(rax, n);
        g.add(g.qword[DSP], rax);
    }
    g.adc(TOS, n < 0 ? -1 : 0);
}
static void d_to_s(Gen& g) { drop(g); }

// -- Comparisons ---------------------------------------------------------------

// ( x -- flag ): flag = -1 when x is zero. cmp sets the borrow exactly then.
static void zero_to_flag(Gen& g) {
    g.cmp(TOS, 1);
    g.sbb(TOS, TOS);
}
static void d_zero_equals(Gen& g) {
    g.or_(TOS, g.qword[DSP]);
    zero_to_flag(g);
    g.add(DSP, 8);
}
static void d_zero_less(Gen& g) {
    g.sar(TOS, 63);
    g.add(DSP, 8);
}
static void d_equals(Gen& g) {
    g.mov(rax, g.qword[DSP + 16]);
    g.xor_(rax, g.qword[DSP]);
    g.xor_(TOS, g.qword[DSP + 8]);
    g.or_(TOS, rax);
    zero_to_flag(g);
    g.add(DSP, 24);
}
// Flags of d1 - d2 as one 128-bit subtraction: SF/OF give the signed
// order, CF the unsigned one. rax is left holding the high difference.
static void d_compare(Gen& g) {
    g.mov(rax, g.qword[DSP + 16]);
    g.cmp(rax, g.qword[DSP]);
    g.mov(rax, g.qword[DSP + 8]);
    g.sbb(rax, TOS);
}
static void d_less(Gen& g) {
    d_compare(g);
    g.setl(g.al);
    g.movzx(TOS.cvt32(), g.al);
    g.neg(TOS);
    g.add(DSP, 24);
}
static void d_u_less(Gen& g) {
    d_compare(g);
    g.sbb(TOS, TOS);
    g.add(DSP, 24);
}
// DMAX, DMIN: pick d1 or d2 by the signed order, with cmov.
using CMov = void (Xbyak::CodeGenerator::*)(const Xbyak::Reg&, const Xbyak::Operand&);
template <CMov TAKE_D2, CMov KEEP_D1> void d_select(Gen& g) {
    d_compare(g);
    g.mov(rax, g.qword[DSP + 16]);   // lo1 (mov keeps the flags)
    g.mov(rcx, g.qword[DSP + 8]);    // hi1
    g.mov(rdx, g.qword[DSP]);        // lo2
    (g.*TAKE_D2)(rax, rdx);
    (g.*KEEP_D1)(TOS, rcx);
    g.mov(g.qword[DSP + 16], rax);
    g.add(DSP, 16);
}

// -- Stack ---------------------------------------------------------------------

static void two_rote(Gen& g) {   // ( x1 x2 x3 x4 x5 x6 -- x3 x4 x5 x6 x1 x2 )
    g.mov(rax, g.qword[DSP + 32]);   // x1
    g.mov(rcx, g.qword[DSP + 24]);   // x2
    g.mov(rdx, g.qword[DSP + 16]);
    g.mov(g.qword[DSP + 32], rdx);
    g.mov(rdx, g.qword[DSP + 8]);
    g.mov(g.qword[DSP + 24], rdx);
    g.mov(rdx, g.qword[DSP]);
    g.mov(g.qword[DSP + 16], rdx);
    g.mov(g.qword[DSP + 8], TOS);
    g.mov(g.qword[DSP], rax);
    g.mov(TOS, rcx);
}

using CG = Xbyak::CodeGenerator;
static const Prim double_prims[] = {
    {"D+", "( d1|ud1 d2|ud2 -- d3|ud3 )", d_plus},
    {"D-", "( d1|ud1 d2|ud2 -- d3|ud3 )", d_minus},
    {"DNEGATE", "( d1 -- d2 )", d_negate},
    {"DABS", "( d -- ud )", d_abs},
    {"D2*", "( xd1 -- xd2 )", d_two_star},
    {"D2/", "( xd1 -- xd2 ) arithmetic", d_two_slash},
    {"M+", "( d1|ud1 n -- d2|ud2 )", m_plus, m_plus_imm},
    {"D>S", "( d -- n )", d_to_s},
    {"D0=", "( xd -- flag )", d_zero_equals},
    {"D0<", "( d -- flag )", d_zero_less},
    {"D=", "( xd1 xd2 -- flag )", d_equals},
    {"D<", "( d1 d2 -- flag )", d_less},
    {"DU<", "( ud1 ud2 -- flag )", d_u_less},
    {"DMAX", "( d1 d2 -- d3 )", d_select<&CG::cmovl, &CG::cmovge>},
    {"DMIN", "( d1 d2 -- d3 )", d_select<&CG::cmovge, &CG::cmovl>},
    {"2ROT", "( x1 x2 x3 x4 x5 x6 -- x3 x4 x5 x6 x1 x2 )", two_rote},
};

// -- M*/ -------------------------------------------------------------------------

static dcell pop_double() {
    ucell hi = ucell(vm.ds.pop());
    ucell lo = ucell(vm.ds.pop());
    return dcell((udcell(hi) << 64) | lo);
}
static void push_double(dcell d) {
    vm.ds.push(cell(ucell(udcell(d))));
    vm.ds.push(cell(ucell(udcell(d) >> 64)));
}
static udcell magnitude(dcell d) { return d < 0 ? -udcell(d) : udcell(d); }

// ( d1 n1 n2 -- d2 ): d2 = d1*n1/n2, floored, through a 192-bit product.
// Throws -10 when n2 is zero and -11 when d2 does not fit a double.
static void m_star_slash() {
    cell n2 = vm.ds.pop(), n1 = vm.ds.pop();
    dcell d1 = pop_double();
    if (n2 == 0) throw_code(-10);
    bool negative = ((d1 < 0) != (n1 < 0)) != (n2 < 0);
    udcell ud = magnitude(d1);
    ucell u1 = n1 < 0 ? -ucell(n1) : ucell(n1);
    ucell u2 = n2 < 0 ? -ucell(n2) : ucell(n2);
    // |d1| * |n1| = t2:t1:t0 (three 64-bit digits)
    udcell low = udcell(ucell(ud)) * u1;
    udcell high = udcell(ucell(ud >> 64)) * u1;
    ucell t0 = ucell(low);
    udcell mid = udcell(ucell(low >> 64)) + ucell(high);
    ucell t1 = ucell(mid);
    ucell t2 = ucell(high >> 64) + ucell(mid >> 64);
    // Long division by u2, one 64-bit digit at a time; the quotient must
    // fit two digits, so t2 < u2.
    if (t2 >= u2) throw_code(-11);
    udcell r = (udcell(t2) << 64) | t1;
    ucell q1 = ucell(r / u2);
    r = ((r % u2) << 64) | t0;
    ucell q0 = ucell(r / u2);
    bool inexact = r % u2 != 0;
    udcell q = (udcell(q1) << 64) | q0;
    constexpr udcell SIGN = udcell(1) << 127;
    if (negative) {
        if (inexact) ++q;   // floored: round towards minus infinity
        if (q > SIGN) throw_code(-11);
        push_double(dcell(-q));
    } else {
        if (q >= SIGN) throw_code(-11);
        push_double(dcell(q));
    }
}

// -- Defining words --------------------------------------------------------------

static std::string_view parse_new_name() {
    std::string_view name = parse_name();
    if (name.empty()) throw_code(-16);
    return name;
}

static Word* create_two_cell(Kind kind, cell x1, cell x2) {
    align_here();
    Word* w = create_header(parse_new_name(), kind);
    w->body = (cell*)here();
    comma(x2);   // the layout of 2! : x2 at the address, x1 in the next cell
    comma(x1);
    return w;
}
static void two_constant() {   // ( x1 x2 "name" -- )
    cell x2 = vm.ds.pop(), x1 = vm.ds.pop();
    Word* w = create_two_cell(Kind::TwoConstant, x1, x2);
    Gen g;
    push_imm(g, x1);
    push_imm(g, x2);
    g.ret();
    place_body(g, w);
}
static void two_variable() {   // ( "name" -- )
    Word* w = create_two_cell(Kind::Variable, 0, 0);
    make_pusher(w, (cell)w->body);
}
static void two_value() {   // ( x1 x2 "name" -- )
    cell x2 = vm.ds.pop(), x1 = vm.ds.pop();
    Word* w = create_two_cell(Kind::TwoValue, x1, x2);
    Gen g;   // the body of 2@ on the body's address
    g.mov(rax, (size_t)w->body);
    g.sub(DSP, 16);
    g.mov(g.qword[DSP + 8], TOS);
    g.mov(rcx, g.qword[rax + 8]);
    g.mov(g.qword[DSP], rcx);
    g.mov(TOS, g.qword[rax]);
    g.ret();
    place_body(g, w);
}
static void two_literal() {   // ( x1 x2 -- ) compiles: x1 x2
    cell x2 = vm.ds.pop(), x1 = vm.ds.pop();
    compile_literal(x1);
    compile_literal(x2);
}

static const HelperDef double_helpers[] = {
    {"M*/", "( d1 n1 +n2 -- d2 ) floored, exact 192-bit intermediate", m_star_slash},
    {"2CONSTANT", "( x1 x2 \"name\" -- )", two_constant},
    {"2VARIABLE", "( \"name\" -- )", two_variable},
    {"2VALUE", "( x1 x2 \"name\" -- )", two_value},
    {"2LITERAL", "( x1 x2 -- ) compiles: ( -- x1 x2 )", two_literal, F_IMMEDIATE | F_COMPILE_ONLY},
};

void register_double_words() {
    define_all(double_prims);
    define_all(double_helpers);
}

}  // namespace xf
