// SPDX-License-Identifier: MIT
// Arithmetic and logic (CORE, CORE EXT, DOUBLE's mixed-precision words).
// Division is floored, as in Gforth; a zero divisor throws -10 before the
// divide instruction runs.
#include "asm/emit.h"
#include "asm/runtime.h"
#include "words/registry.h"

namespace xf {
using namespace regs;

using BinOp = void (Xbyak::CodeGenerator::*)(const Xbyak::Operand&, const Xbyak::Operand&);
using BinOpImm = void (Xbyak::CodeGenerator::*)(const Xbyak::Operand&, uint32_t);

// n1 op n2 with n2 in TOS: TOS = [DSP] op TOS. The in-memory operand comes
// first, so non-commutative ops (-) compute second - top as Forth requires.
template <BinOp OP> void binop(Gen& g) {
    g.mov(rax, g.qword[DSP]);
    g.add(DSP, 8);
    (g.*OP)(rax, TOS);
    g.mov(TOS, rax);
}
template <BinOp OP, BinOpImm OPI> void binop_imm(Gen& g, cell n) {
    if (fits_i32(n)) {
        (g.*OPI)(TOS, uint32_t(n));
    } else {
        g.mov(rax, n);
        (g.*OP)(TOS, rax);
    }
}
// Commutative ops read memory directly.
template <BinOp OP> void binop_comm(Gen& g) {
    (g.*OP)(TOS, g.qword[DSP]);
    g.add(DSP, 8);
}

static void star(Gen& g) {
    g.imul(TOS, g.qword[DSP]);
    g.add(DSP, 8);
}
static void star_imm(Gen& g, cell n) {
    if (fits_i32(n)) g.imul(TOS, TOS, int(n));
    else { g.mov(rax, n); g.imul(TOS, rax); }
}
static void negate(Gen& g) { g.neg(TOS); }
static void invert(Gen& g) { g.not_(TOS); }
static void one_plus(Gen& g) { g.add(TOS, 1); }
static void one_minus(Gen& g) { g.sub(TOS, 1); }
static void two_star(Gen& g) { g.shl(TOS, 1); }
static void two_slash(Gen& g) { g.sar(TOS, 1); }
static void cell_plus(Gen& g) { g.add(TOS, 8); }
static void cells(Gen& g) { g.shl(TOS, 3); }
static void abs_(Gen& g) {
    g.mov(rax, TOS);
    g.neg(rax);
    g.cmovns(TOS, rax);
}
static void lshift(Gen& g) {
    g.mov(rcx, TOS);
    drop(g);
    g.shl(TOS, g.cl);
}
static void rshift(Gen& g) {
    g.mov(rcx, TOS);
    drop(g);
    g.shr(TOS, g.cl);
}
static void min_(Gen& g) {
    g.mov(rax, g.qword[DSP]);
    g.add(DSP, 8);
    g.cmp(rax, TOS);
    g.cmovl(TOS, rax);
}
static void max_(Gen& g) {
    g.mov(rax, g.qword[DSP]);
    g.add(DSP, 8);
    g.cmp(rax, TOS);
    g.cmovg(TOS, rax);
}

// rdx:rax / rcx, signed, then corrected to floored: rax = quotient, rdx = remainder.
static void floored_divide(Gen& g) {
    Xbyak::Label ok, done;
    g.test(rcx, rcx);
    g.jnz(ok);
    emit_throw(g, -10);
    g.L(ok);
    g.idiv(rcx);
    g.test(rdx, rdx);
    g.jz(done);
    g.mov(r8, rdx);
    g.xor_(r8, rcx);
    g.jns(done);          // remainder and divisor have the same sign
    g.sub(rax, 1);
    g.add(rdx, rcx);
    g.L(done);
}
// ( n1 n2 -- ) with n1 in rax (sign-extended into rdx) and n2 in rcx.
static void load_divide_operands(Gen& g) {
    g.mov(rcx, TOS);
    g.mov(rax, g.qword[DSP]);
    g.cqo();
}
static void slash(Gen& g) {
    load_divide_operands(g);
    floored_divide(g);
    g.add(DSP, 8);
    g.mov(TOS, rax);
}
static void mod(Gen& g) {
    load_divide_operands(g);
    floored_divide(g);
    g.add(DSP, 8);
    g.mov(TOS, rdx);
}
static void slash_mod(Gen& g) {
    load_divide_operands(g);
    floored_divide(g);
    g.mov(g.qword[DSP], rdx);
    g.mov(TOS, rax);
}
// Division by a constant d (a literal before / MOD /MOD): rax = floored
// quotient, rdx = floored remainder of TOS by d, without idiv. For d = 2^k a
// shift and a mask. For other d > 0, with mask = the sign of n (0 or -1):
//   floor(n / d) = mask ^ (m / d),  m = mask ^ n   (m is n, or -1-n when n < 0)
// and m / d, m < 2^63, is the high half of m * M shifted right by s, where
// s = ceil(log2 d) - 1 and M = ceil(2^(64+s) / d) < 2^64: the error of M,
// e = M*d - 2^(64+s) < d <= 2^(s+1), keeps m*e below 2^(64+s), so the
// product's fraction never carries into the quotient (Granlund & Montgomery).
// Returns false for d <= 0 (and so for 0, which must still throw -10).
static bool divide_by_constant(Gen& g, cell d) {
    if (d <= 0) return false;
    const uint64_t u = uint64_t(d);
    if ((u & (u - 1)) == 0) {
        const int k = __builtin_ctzll(u);
        g.mov(rax, TOS);
        g.sar(rax, k);
        g.mov(rdx, TOS);
        if (k == 0) g.xor_(edx, edx);
        else if (k < 32) g.and_(rdx, int32_t(u - 1));
        else { g.mov(rcx, u - 1); g.and_(rdx, rcx); }
        return true;
    }
    const int s = 64 - __builtin_clzll(u - 1) - 1;   // ceil(log2 d) - 1
    const unsigned __int128 big = (unsigned __int128)1 << (64 + s);
    const uint64_t magic = uint64_t(big / u + (big % u != 0));
    g.mov(rcx, TOS);
    g.sar(rcx, 63);          // mask
    g.mov(rax, TOS);
    g.xor_(rax, rcx);        // m
    g.mov(rdx, magic);
    g.mul(rdx);
    if (s) g.shr(rdx, s);    // m / d
    g.xor_(rdx, rcx);        // the floored quotient
    g.mov(rax, u);
    g.imul(rax, rdx);
    g.mov(rcx, TOS);
    g.sub(rcx, rax);         // the remainder, n - q*d
    g.mov(rax, rdx);
    g.mov(rdx, rcx);
    return true;
}
// / MOD /MOD with a literal divisor d: the constant code when it applies,
// else the general word with d pushed. `result` moves rax (quotient) and
// rdx (remainder) to the stack.
template <void (*result)(Gen&), void (*general)(Gen&)> void divide_imm(Gen& g, cell d) {
    if (divide_by_constant(g, d)) {
        result(g);
        return;
    }
    push_imm(g, d);
    general(g);
}
static void quotient_result(Gen& g) { g.mov(TOS, rax); }
static void remainder_result(Gen& g) { g.mov(TOS, rdx); }
static void both_results(Gen& g) {
    g.mov(TOS, rdx);    // n1 becomes the remainder
    push_reg(g, rax);   // and the quotient goes on top
}

// ( n1 n2 n3 -- ) n1*n2 as 128 bits in rdx:rax, n3 in rcx.
static void load_star_slash_operands(Gen& g) {
    g.mov(rcx, TOS);
    g.mov(rax, g.qword[DSP + 8]);
    g.imul(g.qword[DSP]);
}
static void star_slash(Gen& g) {
    load_star_slash_operands(g);
    floored_divide(g);
    g.add(DSP, 16);
    g.mov(TOS, rax);
}
static void star_slash_mod(Gen& g) {
    load_star_slash_operands(g);
    floored_divide(g);
    g.add(DSP, 8);
    g.mov(g.qword[DSP], rdx);
    g.mov(TOS, rax);
}
// ( d n -- rem quot ): d = [DSP+8] low, [DSP] high.
static void fm_slash_mod(Gen& g) {
    g.mov(rcx, TOS);
    g.mov(rdx, g.qword[DSP]);
    g.mov(rax, g.qword[DSP + 8]);
    floored_divide(g);
    g.add(DSP, 8);
    g.mov(g.qword[DSP], rdx);
    g.mov(TOS, rax);
}
static void sm_slash_rem(Gen& g) {
    Xbyak::Label ok;
    g.mov(rcx, TOS);
    g.mov(rdx, g.qword[DSP]);
    g.mov(rax, g.qword[DSP + 8]);
    g.test(rcx, rcx);
    g.jnz(ok);
    emit_throw(g, -10);
    g.L(ok);
    g.idiv(rcx);
    g.add(DSP, 8);
    g.mov(g.qword[DSP], rdx);
    g.mov(TOS, rax);
}
static void um_slash_mod(Gen& g) {
    Xbyak::Label ok;
    g.mov(rcx, TOS);
    g.mov(rdx, g.qword[DSP]);
    g.mov(rax, g.qword[DSP + 8]);
    g.test(rcx, rcx);
    g.jnz(ok);
    emit_throw(g, -10);
    g.L(ok);
    g.div(rcx);
    g.add(DSP, 8);
    g.mov(g.qword[DSP], rdx);
    g.mov(TOS, rax);
}
static void um_star(Gen& g) {   // ( u1 u2 -- ud )
    g.mov(rax, TOS);
    g.mul(g.qword[DSP]);
    g.mov(g.qword[DSP], rax);
    g.mov(TOS, rdx);
}
static void m_star(Gen& g) {    // ( n1 n2 -- d )
    g.mov(rax, TOS);
    g.imul(g.qword[DSP]);
    g.mov(g.qword[DSP], rax);
    g.mov(TOS, rdx);
}
static void s_to_d(Gen& g) {
    g.mov(rax, TOS);
    g.sar(rax, 63);
    push_reg(g, rax);
}

using CG = Xbyak::CodeGenerator;
static const Prim arith_prims[] = {
    {"+", "( n1 n2 -- n3 )", binop_comm<&CG::add>, binop_imm<&CG::add, &CG::add>},
    {"-", "( n1 n2 -- n3 )", binop<&CG::sub>, binop_imm<&CG::sub, &CG::sub>},
    {"AND", "( x1 x2 -- x3 )", binop_comm<&CG::and_>, binop_imm<&CG::and_, &CG::and_>},
    {"OR", "( x1 x2 -- x3 )", binop_comm<&CG::or_>, binop_imm<&CG::or_, &CG::or_>},
    {"XOR", "( x1 x2 -- x3 )", binop_comm<&CG::xor_>, binop_imm<&CG::xor_, &CG::xor_>},
    {"*", "( n1 n2 -- n3 )", star, star_imm},
    {"NEGATE", "( n -- -n )", negate},
    {"INVERT", "( x -- ~x )", invert},
    {"1+", "( n -- n+1 )", one_plus},
    {"1-", "( n -- n-1 )", one_minus},
    {"2*", "( x -- x<<1 )", two_star},
    {"2/", "( x -- x>>1 ) arithmetic", two_slash},
    {"CELL+", "( a-addr -- a-addr+8 )", cell_plus},
    {"CELLS", "( n -- 8n )", cells},
    {"ABS", "( n -- u )", abs_},
    {"LSHIFT", "( x u -- x<<u )", lshift},
    {"RSHIFT", "( x u -- x>>u ) logical", rshift},
    {"MIN", "( n1 n2 -- n )", min_},
    {"MAX", "( n1 n2 -- n )", max_},
    {"/", "( n1 n2 -- quot ) floored", slash, divide_imm<quotient_result, slash>},
    {"MOD", "( n1 n2 -- rem ) floored", mod, divide_imm<remainder_result, mod>},
    {"/MOD", "( n1 n2 -- rem quot ) floored", slash_mod, divide_imm<both_results, slash_mod>},
    {"*/", "( n1 n2 n3 -- quot ) n1*n2 in double precision", star_slash},
    {"*/MOD", "( n1 n2 n3 -- rem quot )", star_slash_mod},
    {"FM/MOD", "( d n -- rem quot ) floored", fm_slash_mod},
    {"SM/REM", "( d n -- rem quot ) symmetric", sm_slash_rem},
    {"UM/MOD", "( ud u -- urem uquot )", um_slash_mod},
    {"UM*", "( u1 u2 -- ud )", um_star},
    {"M*", "( n1 n2 -- d )", m_star},
    {"S>D", "( n -- d )", s_to_d},
};

void register_arith_words() { define_all(arith_prims); }

}  // namespace xf
