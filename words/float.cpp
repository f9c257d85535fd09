// SPDX-License-Identifier: MIT
// FLOATING and FLOATING EXT: IEEE doubles on a separate float stack.
//
// The float stack mirrors the data stack (asm/regs.h): its top is in FTOS
// (xmm8), the second item at [FSP] (r12), the third at [FSP+8], growing
// down. Stack words, arithmetic, comparisons, memory access and conversions
// are inline SSE2 emitters; everything else (libm functions, number
// formatting, defining words) is a C++ helper on vm.fs. A comparison leaves
// its flag with cmpsd, whose all-ones/all-zeros mask is a Forth flag, so
// that an unordered comparison (a NaN operand) is false except for F<>.
//
// Conversions take a fast path in a few instructions and fall back to one
// shared out-of-line body for the rare operands (a double-cell number
// beyond 64 bits, a float beyond the range of a cell). FLOOR, FROUND and
// FTRUNC are one roundsd when the CPU has SSE4.1, else such a body.
//
// Formatting follows Gforth 0.7.3 (F. FE. FS.), on top of REPRESENT, whose
// digits are the exact decimal value of the double rounded to u places
// (round half to even on that exact value, as printf does).
#include "asm/compiler.h"
#include "asm/emit.h"
#include "asm/runtime.h"
#include "core/interpreter.h"
#include "core/number.h"
#include "words/registry.h"
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>

namespace xf {
using namespace regs;

static_assert(sizeof(double) == sizeof(cell), "a float is one cell in memory");

static cell bits_of(double r) { cell b; memcpy(&b, &r, sizeof b); return b; }

// Out-of-line bodies for the slow paths of inline primitives (filled in by
// register_float_words before any primitive is compiled).
static void* d_to_f_slow;
static void* f_to_d_slow;
static void* floor_slow;
static void* fround_slow;
static void* ftrunc_slow;

// -- Stack -------------------------------------------------------------------

static void f_dupe(Gen& g) { fspill(g); }
static void f_drop(Gen& g) { fdrop(g); }
static void f_swap(Gen& g) {
    g.movsd(xmm0, g.qword[FSP]);
    g.movsd(g.qword[FSP], FTOS);
    g.movsd(FTOS, xmm0);
}
static void f_over(Gen& g) {
    g.movsd(xmm0, g.qword[FSP]);
    fpush_reg(g, xmm0);
}
static void f_rote(Gen& g) {   // ( r1 r2 r3 -- r2 r3 r1 )
    g.movsd(xmm0, g.qword[FSP + 8]);
    g.movsd(xmm1, g.qword[FSP]);
    g.movsd(g.qword[FSP + 8], xmm1);
    g.movsd(g.qword[FSP], FTOS);
    g.movsd(FTOS, xmm0);
}
static void f_nip(Gen& g) { g.add(FSP, 8); }
static void f_tuck(Gen& g) {   // ( r1 r2 -- r2 r1 r2 )
    g.movsd(xmm0, g.qword[FSP]);
    g.sub(FSP, 8);
    g.movsd(g.qword[FSP + 8], FTOS);
    g.movsd(g.qword[FSP], xmm0);
}
static void f_pick(Gen& g) {   // ( u -- ) ( F: ru ... r0 -- ru ... r0 ru )
    fspill(g);                 // now ri is at [FSP + 8i]
    g.movsd(FTOS, g.qword[FSP + TOS * 8]);
    drop(g);
}
static void f_depth(Gen& g) {
    g.mov(rax, (size_t)(vm.fs.base + 1));
    g.sub(rax, FSP);
    g.sar(rax, 3);
    push_reg(g, rax);
}

// -- Arithmetic ----------------------------------------------------------------

using SseOp = void (Xbyak::CodeGenerator::*)(const Xbyak::Xmm&, const Xbyak::Operand&);

// ( F: r1 r2 -- r3 ), r3 = r1 op r2 with r2 in FTOS.
template <SseOp OP> void f_binop(Gen& g) {
    g.movsd(xmm0, g.qword[FSP]);
    (g.*OP)(xmm0, FTOS);
    g.movsd(FTOS, xmm0);
    g.add(FSP, 8);
}
// The same for + and *, whose operands commute: FTOS = r2 op r1.
template <SseOp OP> void f_binop_comm(Gen& g) {
    (g.*OP)(FTOS, g.qword[FSP]);
    g.add(FSP, 8);
}
// FMAX: r1 < r2 ? r2 : r1, which is maxsd with r2 first (Gforth's choice for
// equal zeros and NaNs). FMIN: r1 < r2 ? r1 : r2, minsd with r1 first.
static void f_max(Gen& g) { f_binop_comm<&Xbyak::CodeGenerator::maxsd>(g); }
static void f_min(Gen& g) { f_binop<&Xbyak::CodeGenerator::minsd>(g); }
static void f_negate(Gen& g) {   // flip the sign bit: mask = 1 << 63
    g.pcmpeqd(xmm0, xmm0);
    g.psllq(xmm0, 63);
    g.xorpd(FTOS, xmm0);
}
static void f_abs(Gen& g) {      // clear the sign bit: mask = ~0 >> 1
    g.pcmpeqd(xmm0, xmm0);
    g.psrlq(xmm0, 1);
    g.andpd(FTOS, xmm0);
}
static void f_sqrt(Gen& g) { g.sqrtsd(FTOS, FTOS); }

// roundsd mode: 0 nearest-even, 1 down, 3 toward zero; +8 keeps the
// precision exception quiet, as C's floor does.
static bool has_sse41() {
    static const bool yes = __builtin_cpu_supports("sse4.1");   // cpuid traps in a VM: libgcc asked once already
    return yes;
}
template <int MODE> void f_round(Gen& g) {
    if (has_sse41()) {
        g.roundsd(FTOS, FTOS, MODE | 8);
        return;
    }
    void* slow = MODE == 1 ? floor_slow : MODE == 0 ? fround_slow : ftrunc_slow;
    g.call_rx(slow);
}

// -- Comparisons ---------------------------------------------------------------

// cmpsd predicates
enum : uint8_t { CMP_EQ = 0, CMP_LT = 1, CMP_LE = 2, CMP_NEQ = 4 };

// ( F: r1 r2 -- ) ( -- flag ): flag = r1 P r2, or r2 P r1 when SWAP.
template <uint8_t P, bool SWAP> void f_compare(Gen& g) {
    if (SWAP) {
        g.movsd(xmm0, FTOS);
        g.cmpsd(xmm0, g.qword[FSP], P);
    } else {
        g.movsd(xmm0, g.qword[FSP]);
        g.cmpsd(xmm0, FTOS, P);
    }
    g.movsd(FTOS, g.qword[FSP + 8]);
    g.add(FSP, 16);
    g.sub(DSP, 8);
    g.mov(g.qword[DSP], TOS);
    g.movq(TOS, xmm0);
}
// ( F: r -- ) ( -- flag ): flag = 0 P r, or r P 0 when SWAP.
template <uint8_t P, bool SWAP> void f_compare_zero(Gen& g) {
    g.xorpd(xmm0, xmm0);
    if (SWAP) {
        g.cmpsd(FTOS, xmm0, P);
        g.movsd(xmm0, FTOS);
    } else {
        g.cmpsd(xmm0, FTOS, P);
    }
    g.sub(DSP, 8);
    g.mov(g.qword[DSP], TOS);
    g.movq(TOS, xmm0);
    fdrop(g);
}

// -- Memory ------------------------------------------------------------------

static void f_fetch(Gen& g) {   // ( f-addr -- ) ( F: -- r )
    fspill(g);
    g.movsd(FTOS, g.qword[TOS]);
    drop(g);
}
static void f_store(Gen& g) {   // ( f-addr -- ) ( F: r -- )
    g.movsd(g.qword[TOS], FTOS);
    fdrop(g);
    drop(g);
}
static void sf_fetch(Gen& g) {
    fspill(g);
    g.cvtss2sd(FTOS, g.dword[TOS]);
    drop(g);
}
static void sf_store(Gen& g) {
    g.cvtsd2ss(xmm0, FTOS);
    g.movss(g.dword[TOS], xmm0);
    fdrop(g);
    drop(g);
}
static void add_imm(Gen& g, int n) { g.add(TOS, n); }
static void align_to(Gen& g, int n) {
    g.add(TOS, n - 1);
    g.and_(TOS, -n);
}

// -- Conversions ---------------------------------------------------------------

static void s_to_f(Gen& g) {   // ( n -- ) ( F: -- r )
    fspill(g);
    g.cvtsi2sd(FTOS, TOS);
    drop(g);
}
static void f_to_s(Gen& g) {   // ( F: r -- ) ( -- n ), truncated; out of range: the smallest cell
    g.sub(DSP, 8);
    g.mov(g.qword[DSP], TOS);
    g.cvttsd2si(TOS, FTOS);
    fdrop(g);
}
// ( d -- ) ( F: -- r ): cvtsi2sd when d fits one cell (hi is the sign of lo).
static void d_to_f(Gen& g) {
    Xbyak::Label slow, done;
    g.mov(rax, g.qword[DSP]);
    g.cqo();
    g.cmp(rdx, TOS);
    g.jne(slow);
    fspill(g);
    g.cvtsi2sd(FTOS, rax);
    g.mov(TOS, g.qword[DSP + 8]);
    g.add(DSP, 16);
    g.jmp(done);
    g.L(slow);
    g.call_rx(d_to_f_slow);
    g.L(done);
}
// ( F: r -- ) ( -- d ): cvttsd2si unless it answered the "integer
// indefinite" 1 << 63 (out of range, NaN, or -2^63 itself: cmp with 1
// overflows only for that value).
static void f_to_d(Gen& g) {
    Xbyak::Label slow, done;
    g.cvttsd2si(rax, FTOS);
    g.cmp(rax, 1);
    g.jo(slow);
    fdrop(g);
    g.sub(DSP, 16);
    g.mov(g.qword[DSP + 8], TOS);
    g.mov(g.qword[DSP], rax);
    g.cqo();
    g.mov(TOS, rdx);
    g.jmp(done);
    g.L(slow);
    g.call_rx(f_to_d_slow);
    g.L(done);
}

// The slow paths, on vm.ds / vm.fs.
static void d_to_f_exact() {
    cell hi = vm.ds.pop();
    cell lo = vm.ds.pop();
    vm.fs.push(double(dcell((udcell(ucell(hi)) << 64) | ucell(lo))));
}
static void f_to_d_exact() {
    double r = std::trunc(vm.fs.pop());
    dcell d;
    constexpr double two127 = 170141183460469231731687303715884105728.0;
    if (std::isnan(r) || r >= two127 || r < -two127) d = dcell(udcell(1) << 127);   // indefinite, as F>S
    else d = dcell(r);
    vm.ds.push(cell(ucell(udcell(d))));
    vm.ds.push(cell(ucell(udcell(d) >> 64)));
}

// -- Helpers: functions of libm ------------------------------------------------

static void apply(double (*f)(double)) {
    double& r = vm.fs.top();
    r = f(r);
}
static void apply2(double (*f)(double, double)) {   // ( F: r1 r2 -- f(r1, r2) )
    double r2 = vm.fs.pop();
    double& r1 = vm.fs.top();
    r1 = f(r1, r2);
}

// F~ ( F: r1 r2 r3 -- ) ( -- flag ), the standard's three cases:
// r3 > 0: |r1-r2| < r3;  r3 = 0 (either sign): r1 and r2 have the same
// encoding;  r3 < 0: |r1-r2| < |r3| * (|r1| + |r2|).  A NaN r3 is none of
// these and gives false.
static void f_proximate() {
    double r3 = vm.fs.pop(), r2 = vm.fs.pop(), r1 = vm.fs.pop();
    bool flag;
    if (r3 == 0) flag = bits_of(r1) == bits_of(r2);
    else if (r3 > 0) flag = std::fabs(r1 - r2) < r3;
    else flag = std::fabs(r1 - r2) < -r3 * (std::fabs(r1) + std::fabs(r2));
    vm.ds.push(flag ? TRUE : 0);
}

// -- Number conversion and formatting ------------------------------------------

// PRECISION: significant digits of F. FE. FS., at most MAX_PRECISION (a
// double's exact decimal value has at most 767 significant digits; past
// them there are only zeros).
constexpr ucell MAX_PRECISION = 1024;
static cell precision = 15;

struct Representation {
    std::string digits;   // the first min(u, MAX_PRECISION) characters
    char pad = '0';       // what the other u - digits.size() characters are
    cell exponent = 0;    // n: the value is 0.digits * 10^n
    bool negative = false;
    bool valid = false;
};

// REPRESENT's rules. Like Gforth 0.7.3: zero has exponent 1; an infinity or
// a NaN fills the buffer with "inf" "-inf" "nan" "-nan" (cut to u, padded
// with blanks) with n = 0 and both flags false; u = 0 gives no digits and
// flag2 false.
static Representation represent(double r, ucell u) {
    Representation rep;
    size_t kept = size_t(std::min(u, MAX_PRECISION));
    if (!std::isfinite(r)) {
        rep.digits = std::signbit(r) ? (std::isnan(r) ? "-nan" : "-inf") : (std::isnan(r) ? "nan" : "inf");
        rep.digits.resize(kept, ' ');
        rep.pad = ' ';
        return rep;
    }
    rep.negative = std::signbit(r);
    if (u == 0) {
        rep.exponent = r == 0 ? 1 : cell(std::floor(std::log10(std::fabs(r)))) + 1;
        return rep;
    }
    rep.valid = true;
    if (r == 0) {
        rep.digits.assign(kept, '0');
        rep.exponent = 1;
        return rep;
    }
    // printf rounds the exact binary value to nearest, ties to even.
    std::string buf(kept + 16, '\0');
    int len = snprintf(buf.data(), buf.size(), "%.*e", int(kept) - 1, std::fabs(r));
    buf.resize(size_t(len));
    size_t e = buf.find('e');
    for (size_t i = 0; i < e; ++i)
        if (buf[i] != '.') rep.digits += buf[i];
    rep.exponent = cell(strtol(buf.c_str() + e + 1, nullptr, 10)) + 1;
    return rep;
}

static void represent_() {   // ( c-addr u -- n flag1 flag2 ) ( F: r -- )
    ucell u = ucell(vm.ds.pop());
    auto* a = (char*)vm.ds.pop();
    check_writable(a, cell(u));
    double r = vm.fs.pop();
    Representation rep = represent(r, u);
    memcpy(a, rep.digits.data(), rep.digits.size());
    memset(a + rep.digits.size(), rep.pad, size_t(u - rep.digits.size()));
    vm.ds.push(rep.exponent);
    vm.ds.push(rep.negative ? TRUE : 0);
    vm.ds.push(rep.valid ? TRUE : 0);
}

// The shape of Gforth's F. FE. FS.: an infinity or a NaN prints the first
// min(3, PRECISION) characters of its REPRESENT string with no space after;
// otherwise the sign, the digits, and a space.
enum class Notation { Fixed, Engineering, Scientific };

static std::string zeros(cell n) { return std::string(size_t(std::max<cell>(n, 0)), '0'); }
// digits[from, to) clipped to what exists
static std::string slice(const std::string& s, cell from, cell to) {
    from = std::clamp<cell>(from, 0, cell(s.size()));
    to = std::clamp<cell>(to, from, cell(s.size()));
    return s.substr(size_t(from), size_t(to - from));
}

static std::string format_float(double r, Notation how) {
    cell prec = precision;
    Representation rep = represent(r, ucell(prec));
    if (!rep.valid) return rep.digits.substr(0, size_t(std::min<cell>(prec, 3)));
    std::string d = rep.digits;
    d.resize(size_t(prec), rep.pad);
    cell n = rep.exponent;
    std::string out = rep.negative ? "-" : "";
    switch (how) {
    case Notation::Fixed: {
        if (n <= 0) out += '0';
        else out += slice(d, 0, n) + zeros(n - prec);
        out += '.';
        out += zeros(-n);
        std::string frac = slice(d, std::max<cell>(n, 0), prec);
        frac.erase(frac.find_last_not_of('0') + 1);
        out += frac;
        out += ' ';
        break;
    }
    case Notation::Engineering: {
        cell e = n - 1;
        e -= ((e % 3) + 3) % 3;   // floor to a multiple of 3
        cell k = n - e;           // 1..3 digits before the point
        out += slice(d, 0, k) + zeros(k - prec) + '.' + slice(d, k, prec);
        out += 'E' + std::to_string(e) + ' ';
        break;
    }
    case Notation::Scientific:
        out += slice(d, 0, 1) + '.' + slice(d, 1, prec);
        out += 'E' + std::to_string(n - 1) + ' ';
        break;
    }
    return out;
}

static void print_float(Notation how) {
    std::string s = format_float(vm.fs.pop(), how);
    fwrite(s.data(), 1, s.size(), stdout);
}

static void to_float_() {   // ( c-addr u -- true | false ) ( F: -- r | )
    cell n = vm.ds.pop();
    auto* a = (const char*)vm.ds.pop();
    double r;
    if (n >= 0) check_readable(a, n);
    if (n < 0 || !to_float({a, size_t(n)}, r)) {
        vm.ds.push(0);
        return;
    }
    vm.fs.push(r);
    vm.ds.push(TRUE);
}

// -- Defining words ---------------------------------------------------------------

static std::string_view parse_new_name() {
    std::string_view name = parse_name();
    if (name.empty()) throw_code(-16);
    return name;
}

// w's body: push the float at `at` (FVALUE) or the constant r (FCONSTANT).
static void make_float_pusher(Word* w, const double* at, double r) {
    Gen g;
    fspill(g);
    if (at) {
        g.mov(rax, (size_t)at);
        g.movsd(FTOS, g.qword[rax]);
    } else {
        g.mov(rax, bits_of(r));
        g.movq(FTOS, rax);
    }
    g.ret();
    place_body(g, w);
}

static void fconstant() {
    double r = vm.fs.pop();
    Word* w = create_header(parse_new_name(), Kind::FConstant);
    w->value = bits_of(r);
    make_float_pusher(w, nullptr, r);
}
static Word* float_cell(Kind kind, double r) {
    align_here();
    Word* w = create_header(parse_new_name(), kind);
    w->body = (cell*)here();
    comma(bits_of(r));
    return w;
}
static void fvariable() {
    Word* w = float_cell(Kind::Variable, 0.0);
    make_pusher(w, (cell)w->body);
}
static void fvalue() {
    double r = vm.fs.pop();
    Word* w = float_cell(Kind::FValue, r);
    make_float_pusher(w, (const double*)w->body, 0);
}
static void f_comma() { comma(bits_of(vm.fs.pop())); }
static void fliteral() { compile_op({OpKind::FLit, bits_of(vm.fs.pop())}); }

static void align_data(uintptr_t n) { vm.dp = (uint8_t*)(((uintptr_t)vm.dp + n - 1) & ~(n - 1)); }

// -- The word lists ------------------------------------------------------------

using CG = Xbyak::CodeGenerator;
static const Prim float_prims[] = {
    {"FDUP", "( F: r -- r r )", f_dupe},
    {"FDROP", "( F: r -- )", f_drop},
    {"FSWAP", "( F: r1 r2 -- r2 r1 )", f_swap},
    {"FOVER", "( F: r1 r2 -- r1 r2 r1 )", f_over},
    {"FROT", "( F: r1 r2 r3 -- r2 r3 r1 )", f_rote},
    {"FNIP", "( F: r1 r2 -- r2 )", f_nip},
    {"FTUCK", "( F: r1 r2 -- r2 r1 r2 )", f_tuck},
    {"FPICK", "( u -- ) ( F: ru ... r0 -- ru ... r0 ru )", f_pick},
    {"FDEPTH", "( -- +n )", f_depth},
    {"F+", "( F: r1 r2 -- r3 )", f_binop_comm<&CG::addsd>},
    {"F-", "( F: r1 r2 -- r3 )", f_binop<&CG::subsd>},
    {"F*", "( F: r1 r2 -- r3 )", f_binop_comm<&CG::mulsd>},
    {"F/", "( F: r1 r2 -- r3 )", f_binop<&CG::divsd>},
    {"FNEGATE", "( F: r -- -r )", f_negate},
    {"FABS", "( F: r -- |r| )", f_abs},
    {"FSQRT", "( F: r1 -- r2 )", f_sqrt},
    {"FMAX", "( F: r1 r2 -- r3 )", f_max},
    {"FMIN", "( F: r1 r2 -- r3 )", f_min},
    {"FLOOR", "( F: r1 -- r2 ) toward -infinity", f_round<1>},
    {"FROUND", "( F: r1 -- r2 ) to nearest, ties to even", f_round<0>},
    {"FTRUNC", "( F: r1 -- r2 ) toward zero", f_round<3>},
    {"F0=", "( -- flag ) ( F: r -- )", f_compare_zero<CMP_EQ, false>},
    {"F0<>", "( -- flag ) ( F: r -- )", f_compare_zero<CMP_NEQ, false>},
    {"F0<", "( -- flag ) ( F: r -- )", f_compare_zero<CMP_LT, true>},
    {"F0<=", "( -- flag ) ( F: r -- )", f_compare_zero<CMP_LE, true>},
    {"F0>", "( -- flag ) ( F: r -- )", f_compare_zero<CMP_LT, false>},
    {"F0>=", "( -- flag ) ( F: r -- )", f_compare_zero<CMP_LE, false>},
    {"F=", "( -- flag ) ( F: r1 r2 -- )", f_compare<CMP_EQ, false>},
    {"F<>", "( -- flag ) ( F: r1 r2 -- )", f_compare<CMP_NEQ, false>},
    {"F<", "( -- flag ) ( F: r1 r2 -- )", f_compare<CMP_LT, false>},
    {"F<=", "( -- flag ) ( F: r1 r2 -- )", f_compare<CMP_LE, false>},
    {"F>", "( -- flag ) ( F: r1 r2 -- )", f_compare<CMP_LT, true>},
    {"F>=", "( -- flag ) ( F: r1 r2 -- )", f_compare<CMP_LE, true>},
    {"F@", "( f-addr -- ) ( F: -- r )", f_fetch},
    {"F!", "( f-addr -- ) ( F: r -- )", f_store},
    {"DF@", "( df-addr -- ) ( F: -- r )", f_fetch},
    {"DF!", "( df-addr -- ) ( F: r -- )", f_store},
    {"SF@", "( sf-addr -- ) ( F: -- r )", sf_fetch},
    {"SF!", "( sf-addr -- ) ( F: r -- )", sf_store},
    {"FLOAT+", "( f-addr1 -- f-addr2 )", [](Gen& g) { add_imm(g, 8); }},
    {"FLOATS", "( n1 -- n2 )", [](Gen& g) { g.shl(TOS, 3); }},
    {"DFLOAT+", "( df-addr1 -- df-addr2 )", [](Gen& g) { add_imm(g, 8); }},
    {"DFLOATS", "( n1 -- n2 )", [](Gen& g) { g.shl(TOS, 3); }},
    {"SFLOAT+", "( sf-addr1 -- sf-addr2 )", [](Gen& g) { add_imm(g, 4); }},
    {"SFLOATS", "( n1 -- n2 )", [](Gen& g) { g.shl(TOS, 2); }},
    {"FALIGNED", "( addr -- f-addr )", [](Gen& g) { align_to(g, 8); }},
    {"DFALIGNED", "( addr -- df-addr )", [](Gen& g) { align_to(g, 8); }},
    {"SFALIGNED", "( addr -- sf-addr )", [](Gen& g) { align_to(g, 4); }},
    {"S>F", "( n -- ) ( F: -- r )", s_to_f},
    {"F>S", "( -- n ) ( F: r -- )", f_to_s},
    {"D>F", "( d -- ) ( F: -- r )", d_to_f},
    {"F>D", "( -- d ) ( F: r -- )", f_to_d},
};

static const HelperDef float_helpers[] = {
    {"FALIGN", "( -- )", [] { align_data(8); }},
    {"DFALIGN", "( -- )", [] { align_data(8); }},
    {"SFALIGN", "( -- )", [] { align_data(4); }},
    {"F,", "( F: r -- )", f_comma},
    {"FLITERAL", "( F: r -- )", fliteral, F_IMMEDIATE | F_COMPILE_ONLY},
    {"FCONSTANT", "( \"name\" -- ) ( F: r -- )", fconstant},
    {"FVARIABLE", "( \"name\" -- )", fvariable},
    {"FVALUE", "( \"name\" -- ) ( F: r -- )", fvalue},
    {"F~", "( -- flag ) ( F: r1 r2 r3 -- )", f_proximate},
    {"F**", "( F: r1 r2 -- r3 )", [] { apply2(std::pow); }},
    {"FATAN2", "( F: r1 r2 -- r3 )", [] { apply2(std::atan2); }},
    {"FEXP", "( F: r1 -- r2 )", [] { apply(std::exp); }},
    {"FEXPM1", "( F: r1 -- r2 )", [] { apply(std::expm1); }},
    {"FLN", "( F: r1 -- r2 )", [] { apply(std::log); }},
    {"FLNP1", "( F: r1 -- r2 )", [] { apply(std::log1p); }},
    {"FLOG", "( F: r1 -- r2 )", [] { apply(std::log10); }},
    {"FALOG", "( F: r1 -- r2 )", [] { apply(exp10); }},
    {"FSIN", "( F: r1 -- r2 )", [] { apply(std::sin); }},
    {"FCOS", "( F: r1 -- r2 )", [] { apply(std::cos); }},
    {"FSINCOS", "( F: r1 -- r2 r3 )", [] { double r = vm.fs.top(); vm.fs.top() = std::sin(r); vm.fs.push(std::cos(r)); }},
    {"FTAN", "( F: r1 -- r2 )", [] { apply(std::tan); }},
    {"FASIN", "( F: r1 -- r2 )", [] { apply(std::asin); }},
    {"FACOS", "( F: r1 -- r2 )", [] { apply(std::acos); }},
    {"FATAN", "( F: r1 -- r2 )", [] { apply(std::atan); }},
    {"FSINH", "( F: r1 -- r2 )", [] { apply(std::sinh); }},
    {"FCOSH", "( F: r1 -- r2 )", [] { apply(std::cosh); }},
    {"FTANH", "( F: r1 -- r2 )", [] { apply(std::tanh); }},
    {"FASINH", "( F: r1 -- r2 )", [] { apply(std::asinh); }},
    {"FACOSH", "( F: r1 -- r2 )", [] { apply(std::acosh); }},
    {"FATANH", "( F: r1 -- r2 )", [] { apply(std::atanh); }},
    {">FLOAT", "( c-addr u -- true | false ) ( F: -- r | )", to_float_},
    {"REPRESENT", "( c-addr u -- n flag1 flag2 ) ( F: r -- )", represent_},
    {"PRECISION", "( -- u )", [] { vm.ds.push(precision); }},
    {"SET-PRECISION", "( u -- ) at most 1024", [] { precision = cell(std::min(ucell(vm.ds.pop()), MAX_PRECISION)); }},
    {"F.", "( F: r -- )", [] { print_float(Notation::Fixed); }},
    {"FE.", "( F: r -- )", [] { print_float(Notation::Engineering); }},
    {"FS.", "( F: r -- )", [] { print_float(Notation::Scientific); }},
};

void register_float_words() {
    d_to_f_slow = make_helper_body(d_to_f_exact);
    f_to_d_slow = make_helper_body(f_to_d_exact);
    floor_slow = make_helper_body([] { apply(std::floor); });
    fround_slow = make_helper_body([] { apply(std::nearbyint); });
    ftrunc_slow = make_helper_body([] { apply(std::trunc); });
    define_all(float_prims);
    define_all(float_helpers);
    // PI is made here, not in kernel.fs: a float literal there would make
    // start-up pay for strtod's first call (some 100 us of locale set-up).
    Word* pi = create_header("PI", Kind::FConstant);
    pi->value = bits_of(M_PI);
    make_float_pusher(pi, nullptr, M_PI);
    note_builtin(pi, "( F: -- r ) the double nearest to pi");
}

}  // namespace xf
