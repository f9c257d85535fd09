// SPDX-License-Identifier: MIT
// The canonical-state compiler.
//
// Between any two operations the stack is canonical (asm/regs.h): TOS in rbx,
// the rest in memory at [r15]. Each op is assembled against that state, so
// any op may be a branch target. Control flow uses Xbyak labels numbered per
// definition; the control-flow stack of IF/BEGIN/DO is the data stack and
// holds those numbers (words/control.cpp).
//
// DO..LOOP keeps the loop in two callee-saved registers (TECHNIQUES.md):
//   LOOPT = index - limit + 2^63,  LOOPB = limit - 2^63,  I = LOOPT + LOOPB.
// LOOP adds 1 (n for +LOOP) to LOOPT; the signed overflow flag is set exactly
// when the index crosses the boundary between limit-1 and limit, in either
// direction, which is the standard's rule for leaving. The enclosing loop's
// pair is pushed on the return stack at DO and popped when the loop ends,
// by falling out or by LEAVE; J reads it there.
#include "asm/compiler.h"
#include "asm/assembler.h"
#include "asm/codemap.h"
#include "words/registry.h"
#include "asm/runtime.h"
#include "core/bigarray.h"
#include <cpuid.h>
#include <span>

namespace xf {
using namespace regs;

bool optimize = true;
static Definition def;
static bool open = false;

bool compiling() { return open; }
Definition& current_definition() { return def; }

void begin_definition(Word* w) {
    def.reset();
    def.word = w;
    def.dp_at_start = vm.dp;
    open = true;
}

void compile_op_fields(OpKind kind, cell n, const Word* w, int a, bool invert) {
    if (!open) throw_code(-14);
    def.ops.push_back(Op{kind, n, w, a, invert});
    def.kinds |= kind_bit(kind);
}

void compile_literal(cell n) { compile_op({OpKind::Lit, n}); }

// -- Inlining ------------------------------------------------------------------
// A small colon definition keeps its op list (before the fusion rules, so
// that they can work across the seam), and a call to it copies the ops in,
// its labels renumbered; an EXIT in it becomes a jump to the copy's end.
// Not inlined: anything that depends on being a function of its own —
// RECURSE, DOES>, locals, DO loops (their return-stack frame), words that
// touch the return stack.
//
// The kept op lists lie one after another in one pool, listed in the order
// of their words, which is the order of the words' addresses: a word made
// after MARKER or FORGET cut the header arena back replaces the lists of the
// words it took the place of. A colon word's `value` is 1 + the index of
// its list (0: none).
//
// A defining word whose one DOES> part is small keeps that part's ops
// instead (does_part): a word it defined then compiles to its body's
// address followed by those ops, not a call of the DOES> code.
//
// How small: up to 12 ops, and up to 40 for straight-line code: a body
// with a loop of its own does enough each call that the call does not
// matter, and copied into a loop it cost hashtable 6%. The canonical stack
// around a call is what a call costs most (objects: `step`, 26 ops, called
// in `run`'s loop, 620 -> 556 ms inlined; C 515; nbody: `delta`, 33 ops of
// floating point, called by `pull`, 5%). But a body that holds a copy of
// one of more than 12 ops is inlined only where the call is inside a DO or
// BEGIN loop of its caller: copies of copies made long chains of words,
// each calling the one before, inline each other, and compiling them 40%
// slower (bench/run.sh's compile-speed file).
constexpr size_t INLINE_MAX_OPS = 12;
constexpr size_t INLINE_LOOP_MAX_OPS = 40;
struct InlineBody {
    const Word* w;
    uint32_t at;       // in inline_ops
    uint32_t len;      // kept ops (a wide literal takes two)
    uint32_t ops;      // the ops they stand for
    int labels;
    bool does_part;    // the ops after DOES>, for the words w defines
    bool took_big_body;   // holds a copy of a body of more than INLINE_MAX_OPS ops
};
// A kept op in a quarter of an Op's room: an op a body may hold uses n
// (Lit, FLit, CallDeferred) or w (Call, Prim), never both, and a only as a
// label (Exit uses none); w is kept as its offset in the header arena, and n in 32 bits, or
// as two kept ops (`wide`, then its high half) when it does not fit. The
// pool is the biggest table a long program builds (16 MB as Ops for
// 100,000 short definitions), and making its pages present is time a
// definition pays.
struct KeptOp {
    OpKind kind;
    bool invert;
    bool wide;        // n's high 32 bits are in the next kept op's x
    int8_t unused = 0;
    uint32_t x;       // n's low 32 bits, the word's offset, or the label
    static bool holds_word(OpKind k) { return k == OpKind::Call || k == OpKind::Prim; }
    static bool holds_label(OpKind k) { return k == OpKind::Jump || k == OpKind::JumpZ || k == OpKind::Label; }
    static bool fits(const Op& op) {
        if (holds_word(op.kind))
            return op.n == 0 && op.a == 0 && (const uint8_t*)op.w >= dict.arena && (const uint8_t*)op.w < dict.arena_end;
        if (holds_label(op.kind)) return op.n == 0 && op.w == nullptr && op.a >= 0;
        return op.w == nullptr && op.a == 0;
    }
    // Appends op (fits(op)) to `to`.
    static void keep(const Op& op, BigArray<KeptOp>& to) {
        if (holds_word(op.kind)) {
            to.push_back({op.kind, op.invert, false, 0, uint32_t((const uint8_t*)op.w - dict.arena)});
        } else if (holds_label(op.kind)) {
            to.push_back({op.kind, op.invert, false, 0, uint32_t(op.a)});
        } else {
            bool wide = op.n != cell(int32_t(op.n));
            to.push_back({op.kind, op.invert, wide, 0, uint32_t(op.n)});
            if (wide) to.push_back({op.kind, false, false, 0, uint32_t(ucell(op.n) >> 32)});
        }
    }
    // The op kept at `k`, and how many kept ops it took.
    static Op op_at(const KeptOp* k, size_t& used) {
        used = 1;
        if (holds_word(k->kind)) return Op{k->kind, 0, (const Word*)(dict.arena + k->x), 0, k->invert};
        if (holds_label(k->kind)) return Op{k->kind, 0, nullptr, int(k->x), k->invert};
        cell n = cell(int32_t(k->x));
        if (k->wide) {
            n = cell(ucell(k->x) | ucell(k[1].x) << 32);
            used = 2;
        }
        return Op{k->kind, n, nullptr, 0, k->invert};
    }
};
static_assert(sizeof(KeptOp) == 8);
static BigArray<InlineBody> inline_bodies(4u << 20);
static BigArray<KeptOp> inline_ops(16u << 20);

static const InlineBody* inline_body_of(const Word* w) {
    if (w->value <= 0 || size_t(w->value) > inline_bodies.size()) return nullptr;
    const InlineBody& b = inline_bodies[size_t(w->value) - 1];
    return b.w == w ? &b : nullptr;   // not a SYNONYM's copy of the value
}

static void keep_inline_body(Word* w, const Op* ops, size_t n, int labels, bool does_part, bool took_big_body) {
    while (!inline_bodies.empty() && inline_bodies.back().w >= w) {
        inline_ops.truncate(inline_bodies.back().at);
        inline_bodies.pop_back();
    }
    size_t at = inline_ops.size();
    for (size_t i = 0; i < n; ++i) KeptOp::keep(ops[i], inline_ops);
    inline_bodies.push_back({w, uint32_t(at), uint32_t(inline_ops.size() - at), uint32_t(n), labels, does_part,
                             took_big_body});
    w->value = cell(inline_bodies.size());
}

static bool inlinable(const Op* begin, const Op* end, size_t max_ops) {
    if (size_t(end - begin) > max_ops) return false;
    for (const Op& op : std::span(begin, end)) {
        if (!KeptOp::fits(op)) return false;
        switch (op.kind) {
        case OpKind::Lit: case OpKind::FLit: case OpKind::Call: case OpKind::CallDeferred: case OpKind::Jump:
        case OpKind::JumpZ: case OpKind::Label: case OpKind::Exit:
            break;
        case OpKind::Prim:
            if (op.w->prim->rstack) return false;
            break;
        default: return false;
        }
    }
    return true;
}

static bool inlinable(const std::vector<Op>& ops, size_t max_ops) {
    return inlinable(ops.data(), ops.data() + ops.size(), max_ops);
}

// A jump back to a label placed before it: a loop.
static bool has_loop(const std::vector<Op>& ops, int labels) {
    static std::vector<bool> placed;
    placed.assign(size_t(labels), false);
    for (const Op& op : ops) {
        if (op.kind == OpKind::Label) placed[size_t(op.a)] = true;
        if ((op.kind == OpKind::Jump || op.kind == OpKind::JumpZ) && placed[size_t(op.a)]) return true;
    }
    return false;
}

// Copies a kept op list into the definition, its labels renumbered; an
// EXIT in it jumps to the copy's end.
static void inline_ops_of(const InlineBody* b) {
    int base = def.labels;
    def.labels += b->labels;
    int end = -1;
    for (size_t i = b->at, used; i < b->at + b->len; i += used) {
        Op op = KeptOp::op_at(&inline_ops[i], used);
        if (KeptOp::holds_label(op.kind)) op.a += base;
        if (op.kind == OpKind::Exit) {
            if (end < 0) end = def.labels++;
            op = Op{OpKind::Jump, 0, nullptr, end};
        }
        compile_op(op);
    }
    if (end >= 0) compile_op(Op{OpKind::Label, 0, nullptr, end});
}

static bool inline_call(const Word* w) {
    const InlineBody* b = inline_body_of(w);
    if (!b || b->does_part) return false;
    bool in_loop = !def.open_loops.empty() || def.open_begins > 0;
    if (b->ops > (in_loop || !b->took_big_body ? INLINE_LOOP_MAX_OPS : INLINE_MAX_OPS)) return false;
    if (b->ops > INLINE_MAX_OPS) def.took_big_body = true;
    inline_ops_of(b);
    return true;
}

// The kept DOES> part of the defining word whose code holds `does_code`.
static const InlineBody* does_part_at(cell does_code) {
    const Word* d = word_at((const void*)does_code);
    const InlineBody* b = d ? inline_body_of(d) : nullptr;
    return b && b->does_part ? b : nullptr;
}

// The ops after the one DOES> of a definition (none when it has no DOES>,
// or more than one).
static std::span<const Op> does_part(const std::vector<Op>& ops) {
    size_t at = ops.size();
    for (size_t i = 0; i < ops.size(); ++i) {
        if (ops[i].kind != OpKind::Does) continue;
        if (at != ops.size()) return {};
        at = i;
    }
    if (at + 1 >= ops.size() || ops[at + 1].kind != OpKind::Label) return {};
    return std::span(ops).subspan(at + 2);
}

void compile_xt(Word* w) {
    if (w->kind == Kind::Colon && optimize && inline_call(w)) return;
    switch (w->kind) {
    case Kind::Primitive: compile_op({OpKind::Prim, 0, w}); break;
    case Kind::Constant: compile_literal(w->value); break;
    case Kind::FConstant: compile_op({OpKind::FLit, w->value}); break;
    // A VALUE is its body's contents; a DOES> word pushes its body and calls
    // its DOES> code, without the stub between.
    case Kind::Value:
        compile_literal((cell)w->body);
        compile_op({OpKind::Prim, 0, prim_word("@")});
        break;
    case Kind::Does:
        compile_literal((cell)w->body);
        if (const InlineBody* b = optimize ? does_part_at(w->value) : nullptr) inline_ops_of(b);
        else compile_op({OpKind::CallCode, w->value});
        break;
    // A DEFER word calls what its body holds now, without its stub's jump.
    case Kind::Defer: compile_op({OpKind::CallDeferred, (cell)w->body}); break;
    case Kind::Create:
    case Kind::Variable: compile_literal((cell)w->body); break;
    case Kind::Local: compile_op({OpKind::LocalFetch, 0, nullptr, int(w->value)}); break;
    default: compile_op({OpKind::Call, 0, w}); break;
    }
}

int new_label() { return def.labels++; }

// -- Recursion inlining ----------------------------------------------------------
// As gcc does for fib: each RECURSE of a small definition becomes a copy of
// the definition itself, and the copies' RECURSEs become copies again, up to
// three levels while the result stays under RECURSION_INLINE_MAX_TOTAL ops;
// the last copies' RECURSEs stay calls. So a real call does the work of
// many: fib's 16 calls per frame make fib 34 1.1 times C instead of 1.9 (one
// level, 4 calls). EXIT in a copy jumps to the copy's end. Only
// straight-line code with IF/BEGIN control flow is copied: no DO loops or
// locals (their labels and frames are the definition's own), nothing that
// touches the return stack.
constexpr size_t RECURSION_INLINE_MAX_OPS = 40;
constexpr int RECURSION_INLINE_LEVELS = 3;
constexpr size_t RECURSION_INLINE_MAX_TOTAL = 256;

static void inline_recursion(Definition& d) {
    if (d.ops.size() > RECURSION_INLINE_MAX_OPS) return;
    bool recursive = false;
    for (const Op& op : d.ops) {
        switch (op.kind) {
        case OpKind::Lit: case OpKind::FLit: case OpKind::Call: case OpKind::CallDeferred: case OpKind::Jump:
        case OpKind::JumpZ: case OpKind::Label: case OpKind::Exit:
            break;
        case OpKind::CallSelf: recursive = true; break;
        case OpKind::Prim:
            if (op.w->prim->rstack) return;
            break;
        default: return;
        }
    }
    if (!recursive) return;
    const std::vector<Op> body = d.ops;
    const int body_labels = d.labels;
    for (int level = 0; level < RECURSION_INLINE_LEVELS; ++level) {
        size_t calls = size_t(std::count_if(d.ops.begin(), d.ops.end(),
                                            [](const Op& op) { return op.kind == OpKind::CallSelf; }));
        if (d.ops.size() + calls * (body.size() + 1) > RECURSION_INLINE_MAX_TOTAL) break;
        std::vector<Op> out;
        for (const Op& op : d.ops) {
            if (op.kind != OpKind::CallSelf) {
                out.push_back(op);
                continue;
            }
            int base = d.labels;
            int end = base + body_labels;
            d.labels += body_labels + 1;
            for (Op c : body) {
                if (c.kind == OpKind::Jump || c.kind == OpKind::JumpZ || c.kind == OpKind::Label) c.a += base;
                else if (c.kind == OpKind::Exit) c = Op{OpKind::Jump, 0, nullptr, end};
                out.push_back(c);
            }
            out.push_back(Op{OpKind::Label, 0, nullptr, end});
        }
        d.ops.swap(out);
    }
}

static void does_helper() {
    void* code = (void*)vm.ds.pop();
    Word* w = dict.latest;
    if (!w || !w->body) throw_code(-31);  // DOES> on a word without a body
    make_does(w, code);
}

// The Xbyak labels stay where they are from one definition to the next,
// and are cleared (Label::clear) rather than destroyed when it ends: a
// destroyed label is taken out of two of the label manager's hash tables
// (two lookups, two frees), and a placed label at a new address is put into
// one (an allocation). A cleared label gets a new id at its next use; what
// the manager keeps of its old one is dropped when Gen::reused resets it,
// now and then. The manager keeps the labels' addresses until then, so the
// list grows only after such a reset.
static std::vector<Xbyak::Label> assembler_labels;
static std::vector<bool> assembler_bound;

Assembler::Assembler(int nlabels_, const std::vector<LoopLabels>& loops_)
    : g(Gen::reused()), labels(assembler_labels), nlabels(size_t(nlabels_) + 1), bound(assembler_bound),
      loops(loops_) {
    if (labels.size() < nlabels) {
        g.reset();
        labels.resize(nlabels);
    }
    bound.assign(nlabels, false);
}

Assembler::~Assembler() {
    for (size_t i = 0; i < nlabels; ++i) labels[i].clear();
}

// Loop heads are aligned, as gcc aligns them: an AMD EPYC core delivers a
// loop from its op cache in 64-byte windows, and the same inner loop ran a
// third slower when it happened to cross a window boundary (sieve 1.04-1.59
// times C, bubble 0.83-1.33, depending only on where earlier code ended).
// On an Intel Xeon (Sapphire Rapids), 32 bytes did better than 64 (bubble
// 415 -> 368 ms, fib 569 -> 515, sieve 370 -> 350, side by side): fewer
// NOPs before loops entered often and run a few times (a hash chain's
// walk). The padding is multi-byte NOPs, run each time the loop is entered.
static int loop_alignment_for_this_cpu() {
    unsigned a = 0, b = 0, c = 0, d = 0;
    __get_cpuid(0, &a, &b, &c, &d);
    bool amd = b == 0x68747541;   // "Auth"enticAMD
    return amd ? 64 : 32;
}
int loop_alignment = loop_alignment_for_this_cpu();

void Assembler::align_loop_head() {
    if (loop_alignment <= 1) return;
    size_t a = size_t(loop_alignment);
    if (record) record->aligns.push_back(uint32_t(g.getSize()));
    g.nop((a - (uintptr_t)g.getCurr() % a) % a);   // the RW view has the RX view's alignment
}

void Assembler::ret() {
    if (frame) g.leave();
    g.ret();
}

// (Switches, not tables of member pointers: gcc with the sanitizers warns
// that such a table may be read uninitialized.)
void Assembler::jump_if(Cond c, Xbyak::Label& to, Gen::LabelType type) {
    switch (c) {
    case Cond::O: g.jo(to, type); break;
    case Cond::NO: g.jno(to, type); break;
    case Cond::B: g.jb(to, type); break;
    case Cond::AE: g.jae(to, type); break;
    case Cond::E: g.je(to, type); break;
    case Cond::NE: g.jne(to, type); break;
    case Cond::BE: g.jbe(to, type); break;
    case Cond::A: g.ja(to, type); break;
    case Cond::S: g.js(to, type); break;
    case Cond::NS: g.jns(to, type); break;
    case Cond::P: g.jp(to, type); break;
    case Cond::NP: g.jnp(to, type); break;
    case Cond::L: g.jl(to, type); break;
    case Cond::GE: g.jge(to, type); break;
    case Cond::LE: g.jle(to, type); break;
    case Cond::G: g.jg(to, type); break;
    case Cond::None: g.jmp(to, type); break;
    }
}

void set_if(Gen& g, Cond c, const Xbyak::Reg8& r) {
    switch (c) {
    case Cond::O: g.seto(r); break;
    case Cond::NO: g.setno(r); break;
    case Cond::B: g.setb(r); break;
    case Cond::AE: g.setae(r); break;
    case Cond::E: g.sete(r); break;
    case Cond::NE: g.setne(r); break;
    case Cond::BE: g.setbe(r); break;
    case Cond::A: g.seta(r); break;
    case Cond::S: g.sets(r); break;
    case Cond::NS: g.setns(r); break;
    case Cond::P: g.setp(r); break;
    case Cond::NP: g.setnp(r); break;
    case Cond::L: g.setl(r); break;
    case Cond::GE: g.setge(r); break;
    case Cond::LE: g.setle(r); break;
    case Cond::G: g.setg(r); break;
    case Cond::None: g.mov(r, 1); break;
    }
}

void Assembler::emit_canonical(const Op& op) {
    switch (op.kind) {
    case OpKind::Lit: push_imm(g, op.n); break;
    case OpKind::FLit:
        g.mov(rax, op.n);
        g.movq(xmm0, rax);
        fpush_reg(g, xmm0);
        break;
    case OpKind::Prim: op.w->prim->emit(g); break;
    case OpKind::PrimImm: op.w->prim->emit_imm(g, op.n); break;
    case OpKind::Call: g.call_rx(op.w->code); break;
    case OpKind::CallSelf: g.call(start()); break;
    case OpKind::CallCode: g.call_rx((const void*)op.n); break;
    case OpKind::CallDeferred:
        g.mov(rax, op.n);
        g.mov(rax, g.qword[rax]);
        g.call(g.qword[rax]);   // the xt's code field
        break;
    case OpKind::TailCall:
        if (frame) g.leave();
        if (op.w) g.jmp_rx(op.w->code);
        else g.jmp(start(), Gen::T_NEAR);   // RECURSE in tail position: a loop
        break;
    case OpKind::CmpJumpZ:
        // The flags come from the comparison; mov and lea leave them alone.
        if (op.w->prim->zero_compare) {
            g.test(TOS, TOS);
            g.mov(TOS, g.qword[DSP]);
            g.lea(DSP, g.ptr[DSP + 8]);
        } else {
            g.mov(rax, g.qword[DSP]);
            g.cmp(rax, TOS);
            g.mov(TOS, g.qword[DSP + 8]);
            g.lea(DSP, g.ptr[DSP + 16]);
        }
        jump_if(op.invert ? op.w->prim->cond : negate(op.w->prim->cond), labels[op.a]);
        break;
    case OpKind::CmpImmJumpZ:
        if (fits_i32(op.n)) {
            g.cmp(TOS, uint32_t(op.n));
        } else {
            g.mov(rax, op.n);
            g.cmp(TOS, rax);
        }
        g.mov(TOS, g.qword[DSP]);
        g.lea(DSP, g.ptr[DSP + 8]);
        jump_if(op.invert ? op.w->prim->cond : negate(op.w->prim->cond), labels[op.a]);
        break;
    case OpKind::Jump: g.jmp(labels[op.a], Gen::T_NEAR); break;
    case OpKind::JumpZ:
        g.mov(rax, TOS);
        drop(g);
        g.test(rax, rax);
        if (op.invert) g.jnz(labels[op.a], Gen::T_NEAR);
        else g.jz(labels[op.a], Gen::T_NEAR);
        break;
    case OpKind::Label: g.L(labels[op.a]); break;
    case OpKind::QDo:
    case OpKind::Do: {
        const LoopLabels& L = loops[op.a];
        if (op.kind == OpKind::QDo) {
            Xbyak::Label enter;
            g.cmp(TOS, g.qword[DSP]);
            g.jne(enter, Gen::T_NEAR);
            g.mov(TOS, g.qword[DSP + 8]);
            g.add(DSP, 16);
            g.jmp(labels[L.done], Gen::T_NEAR);
            g.L(enter);
        }
        g.push(LOOPB);
        g.push(LOOPT);
        g.mov(rax, 0x8000000000000000ull);
        g.mov(LOOPB, g.qword[DSP]);
        g.add(LOOPB, rax);
        g.mov(LOOPT, TOS);
        g.sub(LOOPT, LOOPB);
        g.mov(TOS, g.qword[DSP + 8]);
        g.add(DSP, 16);
        g.L(labels[L.top]);
        break;
    }
    case OpKind::Loop:
    case OpKind::PlusLoop: {
        const LoopLabels& L = loops[op.a];
        if (op.kind == OpKind::Loop) {
            g.add(LOOPT, 1);
        } else {
            g.mov(rax, TOS);
            drop(g);
            g.add(LOOPT, rax);
        }
        g.jno(labels[L.top], Gen::T_NEAR);
        g.L(labels[L.leave]);
        g.pop(LOOPT);
        g.pop(LOOPB);
        g.L(labels[L.done]);
        break;
    }
    case OpKind::LoopStep:
        if (op.n) {
            g.mov(rax, TOS);
            drop(g);
            g.add(LOOPT, rax);
        } else {
            g.add(LOOPT, 1);
        }
        g.jno(labels[loops[op.a].top], Gen::T_NEAR);
        break;
    case OpKind::Leave: g.jmp(labels[loops[op.a].leave], Gen::T_NEAR); break;
    case OpKind::Does:
        g.lea(rax, g.ptr[rip + labels[op.a]]);
        push_reg(g, rax);
        call_helper(g, does_helper);
        ret();
        frame = false;
        break;
    case OpKind::Exit: ret(); break;
    case OpKind::FrameEnter:
        // push rbp; rbp = rsp; slot i at [rbp - 8(i+1)]; argument a-1 is TOS.
        g.push(FRAME);
        g.mov(FRAME, rsp);
        g.sub(rsp, int(op.n * 8));
        for (int i = op.a; i < op.n; ++i) g.mov(g.qword[FRAME - 8 * (i + 1)], 0);
        if (op.a > 0) {
            g.mov(g.qword[FRAME - 8 * op.a], TOS);
            for (int i = 0; i < op.a - 1; ++i) {
                g.mov(rax, g.qword[DSP + 8 * (op.a - 2 - i)]);
                g.mov(g.qword[FRAME - 8 * (i + 1)], rax);
            }
            g.mov(TOS, g.qword[DSP + 8 * (op.a - 1)]);
            g.add(DSP, 8 * op.a);
        }
        frame = true;
        break;
    case OpKind::LocalFetch:
        spill(g);
        g.mov(TOS, g.qword[FRAME - 8 * (op.a + 1)]);
        break;
    case OpKind::LocalStore:
        g.mov(g.qword[FRAME - 8 * (op.a + 1)], TOS);
        drop(g);
        break;
    }
}

void* assemble(const std::vector<Op>& ops, int nlabels, const std::vector<LoopLabels>& loops, size_t* size) {
    Assembler a(nlabels, loops);
    for (const Op& op : ops) a.emit_canonical(op);
    if (ops.empty() || ops.back().kind != OpKind::TailCall) a.ret();
    return a.g.finish(size);
}

Word* end_definition() {
    if (!open) throw_code(-14);
    if (!def.open_loops.empty()) throw_code(-22);
    static std::vector<Op> source_ops;   // kept for inlining: the ops before the passes below
    source_ops.clear();
    bool keep = true;   // source_ops is an inline body (an empty one too: `: x ;` is no call at all)
    bool is_does_part = false;
    if (optimize && inlinable(def.ops, INLINE_MAX_OPS)) {
        source_ops = def.ops;
    } else if (optimize && inlinable(def.ops, INLINE_LOOP_MAX_OPS) && !has_loop(def.ops, def.labels)) {
        source_ops = def.ops;
    } else if (std::span<const Op> tail = optimize && (def.kinds & kind_bit(OpKind::Does)) ? does_part(def.ops)
                                                                                           : std::span<const Op>{};
               !tail.empty() && inlinable(tail.data(), tail.data() + tail.size(), INLINE_MAX_OPS)) {
        source_ops.assign(tail.begin(), tail.end());
        is_does_part = true;
    } else {
        keep = false;
    }
    int labels = def.labels;
    if (optimize) {
        // Each pass is skipped when the kinds of op it rewrites are absent
        // (rotate_loops: a Jump; duplicate_latches: a jump and a DO loop).
        if (def.kinds & kind_bit(OpKind::CallSelf)) {
            inline_recursion(def);
            def.kinds = ~0u;   // what the copies brought in
        }
        if (def.kinds & kind_bit(OpKind::Jump)) rotate_loops(def.ops, def.labels);
        if ((def.kinds & (kind_bit(OpKind::Do) | kind_bit(OpKind::QDo))) &&
            (def.kinds & (kind_bit(OpKind::Jump) | kind_bit(OpKind::JumpZ))))
            duplicate_latches(def.ops, def.labels);
        peephole(def.ops);
    }
    size_t size = 0;
    void* code;
    try {
        code = optimize ? assemble_modeled(def.ops, def.labels, def.loops, &size)
                        : assemble(def.ops, def.labels, def.loops, &size);
    } catch (const Xbyak::Error& e) {
        throw_code(e == Xbyak::ERR_CODE_IS_TOO_BIG ? -8 : -22);
    }
    end_locals();
    Word* w = def.word;
    w->code = code;
    w->code_size = uint32_t(size);
    note_code(code, size, w);
    w->value = 0;
    if (keep) keep_inline_body(w, source_ops.data(), source_ops.size(), labels, is_does_part, def.took_big_body);
    open = false;
    def.reset();
    return w;
}

void abort_definition() {
    if (!open) return;
    open = false;
    end_locals();
    Word* w = def.word;
    if (def.dp_at_start && def.dp_at_start <= vm.dp) vm.dp = def.dp_at_start;
    // Reclaim the hidden header when it is still the newest thing in the
    // arena: nothing (a WORDLIST, a MARKER's state) was put there after it.
    if (w && (w->flags & F_HIDDEN) && dict.latest == w &&
        dict.arena_here == (uint8_t*)w + header_size(w->name_len)) {
        dict.arena_here = (uint8_t*)w;
        dict.latest = w->wl->latest;
    }
    def.reset();
}

}  // namespace xf
