// SPDX-License-Identifier: MIT
// The optimising assembler: a compile-time model of the data stack.
//
// The canonical compiler (asm/compiler.cpp) keeps TOS in rbx and everything
// else in memory between any two ops. This one walks the same op list but
// keeps a picture of the stack's top: each item is a register plus a
// constant offset, or a known constant. Shuffles move nothing but the
// picture; a literal is an immediate operand; `+ 8` on a register only
// changes its offset, which the next memory access folds into its address,
// and so do CELLS and the + after it (`cells + @`: one mov [base+index*8]);
// arithmetic on constants folds (never division: folding must not remove a
// fault). Items still in memory are loaded when an op needs them. The
// float stack is kept the same way in xmm registers; an F@ right before
// F+ F- F* or F/ is that instruction's memory operand (fetch-arith).
//
// State, between ops:
//   items     the top of the stack, bottom first, held in registers/constants;
//   consumed  the memory part of the stack starts at [r15 + 8*consumed]
//             (r15 is only moved when the state is made to conform);
//   ritems    values >R'd but not yet pushed (R> takes them back for free).
// A register item may remember its home: the memory slot it was loaded from
// and still equals, so writing it back there is skipped. Any store through
// an address forgets all homes (the program may write to its own stack).
//
// Where control flow meets, the state must agree. Every label gets a
// target state (all items in distinct registers, a `consumed`): the first
// arrival decides it, from its own state (constants loaded, shared
// registers split); every later arrival conforms to it with a parallel move,
// spills and loads, and one `lea r15`. Only mov, lea and push are used to
// conform, so the flags of a comparison survive it and the conditional jump
// comes after. Calls, EXIT, the end of the definition and every op the model
// does not know make the state canonical (rbx = TOS, conform to [rbx], 0)
// and then emit the canonical code, so the model never needs to know more
// than the words that matter to speed.
//
// Registers: the model allocates from rbx rax rcx rdx rsi rdi r8 r9 r10
// (scratch and TOS of the canonical convention); r11 is its own scratch.
// LOOPT/LOOPB keep the innermost DO loop as in the canonical compiler.
#include "asm/assembler.h"
#include "asm/runtime.h"
#include <algorithm>
#include <cstring>

namespace xf {
using namespace regs;

namespace {

// What the model knows a primitive does.
enum class Sem : uint8_t {
    None, Dup, Drop, Swap, Over, Rot, MinusRot, Nip, Tuck, TwoDup, TwoDrop,
    Add, Sub, And, Or, Xor, Mul, Lshift, Rshift, Negate, Invert, TwoStar, TwoSlash, Cells, Min, Max,
    OnePlus, OneMinus, CellPlus, CharPlus, Chars,
    Compare, Fetch, Store, CFetch, CStore, PlusStore, Pick,
    FDup, FDrop, FSwap, FOver, FNip, FTuck, FRot, FAdd, FSub, FMul, FDiv, FNegate, FAbs, FSqrt, FFetch, FStore,
    LoopI, LoopJ, ToR, RFrom, RFetch, RDrop, QuestionDupe,
};

struct SemEntry { const char* name; Sem sem; };
// The table of modelled primitives; comparisons are recognised by their cond.
constexpr SemEntry sem_table[] = {
    {"DUP", Sem::Dup}, {"DROP", Sem::Drop}, {"SWAP", Sem::Swap}, {"OVER", Sem::Over}, {"ROT", Sem::Rot},
    {"-ROT", Sem::MinusRot}, {"NIP", Sem::Nip}, {"TUCK", Sem::Tuck}, {"2DUP", Sem::TwoDup}, {"2DROP", Sem::TwoDrop},
    {"+", Sem::Add}, {"-", Sem::Sub}, {"AND", Sem::And}, {"OR", Sem::Or}, {"XOR", Sem::Xor}, {"*", Sem::Mul},
    {"LSHIFT", Sem::Lshift}, {"RSHIFT", Sem::Rshift}, {"NEGATE", Sem::Negate}, {"INVERT", Sem::Invert},
    {"2*", Sem::TwoStar}, {"2/", Sem::TwoSlash}, {"CELLS", Sem::Cells}, {"MIN", Sem::Min}, {"MAX", Sem::Max},
    {"1+", Sem::OnePlus}, {"1-", Sem::OneMinus}, {"CELL+", Sem::CellPlus}, {"CHAR+", Sem::CharPlus},
    {"CHARS", Sem::Chars}, {"@", Sem::Fetch}, {"!", Sem::Store}, {"C@", Sem::CFetch}, {"C!", Sem::CStore},
    {"+!", Sem::PlusStore}, {"I", Sem::LoopI}, {"J", Sem::LoopJ}, {">R", Sem::ToR}, {"R>", Sem::RFrom},
    {"R@", Sem::RFetch}, {"RDROP", Sem::RDrop}, {"PICK", Sem::Pick},
    {"FLOATS", Sem::Cells}, {"FLOAT+", Sem::CellPlus},
    {"FDUP", Sem::FDup}, {"FDROP", Sem::FDrop}, {"FSWAP", Sem::FSwap}, {"FOVER", Sem::FOver}, {"FNIP", Sem::FNip},
    {"FTUCK", Sem::FTuck}, {"FROT", Sem::FRot}, {"F+", Sem::FAdd}, {"F-", Sem::FSub}, {"F*", Sem::FMul},
    {"F/", Sem::FDiv}, {"FNEGATE", Sem::FNegate}, {"FABS", Sem::FAbs}, {"FSQRT", Sem::FSqrt}, {"F@", Sem::FFetch},
    {"F!", Sem::FStore}, {"?DUP", Sem::QuestionDupe},
};

Sem sem_of(const Prim* p) {
    if (p->model_sem >= 0) return Sem(p->model_sem);
    Sem s = p->cond != Cond::None && p->name[0] != 'F' ? Sem::Compare : Sem::None;
    for (const SemEntry& e : sem_table)
        if (!strcmp(e.name, p->name)) s = e.sem;
    p->model_sem = int8_t(s);
    return s;
}

constexpr int NO_HOME = INT32_MIN;
constexpr int POOL[] = {0 /*rax*/, 1 /*rcx*/, 2 /*rdx*/, 6 /*rsi*/, 7 /*rdi*/, 8, 9, 10, 3 /*rbx*/};
constexpr int SCRATCH = 11;          // r11: the model's own temporary, never an item
constexpr size_t MAX_LABEL_ITEMS = 6;   // items a label's state keeps in registers
constexpr size_t MAX_RITEMS = 4;
// A loop's head loads into registers the items its body reads (as far as
// the body's first call or unknown word shows), even when they are still in
// memory there: a value carried round the loop in memory costs a store and
// a load every time. (Loading deeper than the stack goes only reads the
// slack below its bottom.)
constexpr int MAX_LOOP_ITEMS = 4;

struct Effect { int in, out; bool known; };
// The data-stack effect of a modelled primitive.
Effect effect_of(const Prim* p) {
    switch (sem_of(p)) {
    case Sem::Dup: return {1, 2, true};
    case Sem::Drop: return {1, 0, true};
    case Sem::Swap: return {2, 2, true};
    case Sem::Over: return {2, 3, true};
    case Sem::Rot: case Sem::MinusRot: return {3, 3, true};
    case Sem::Nip: return {2, 1, true};
    case Sem::Tuck: return {2, 3, true};
    case Sem::TwoDup: return {2, 4, true};
    case Sem::TwoDrop: return {2, 0, true};
    case Sem::Add: case Sem::Sub: case Sem::And: case Sem::Or: case Sem::Xor: case Sem::Mul:
    case Sem::Lshift: case Sem::Rshift: case Sem::Min: case Sem::Max:
        return {2, 1, true};
    case Sem::Negate: case Sem::Invert: case Sem::TwoStar: case Sem::TwoSlash: case Sem::Cells: case Sem::OnePlus:
    case Sem::OneMinus: case Sem::CellPlus: case Sem::CharPlus: case Sem::Chars: case Sem::Fetch: case Sem::CFetch:
        return {1, 1, true};
    case Sem::Compare: return p->zero_compare ? Effect{1, 1, true} : Effect{2, 1, true};
    case Sem::Store: case Sem::CStore: case Sem::PlusStore: return {2, 0, true};
    case Sem::LoopI: case Sem::LoopJ: case Sem::RFrom: case Sem::RFetch: return {0, 1, true};
    case Sem::ToR: case Sem::FFetch: case Sem::FStore: return {1, 0, true};
    case Sem::RDrop: case Sem::FDup: case Sem::FDrop: case Sem::FSwap: case Sem::FOver: case Sem::FNip:
    case Sem::FTuck: case Sem::FRot: case Sem::FAdd: case Sem::FSub: case Sem::FMul: case Sem::FDiv:
    case Sem::FNegate: case Sem::FAbs: case Sem::FSqrt:
        return {0, 0, true};
    default: return {0, 0, false};
    }
}

// How many items below the top the code from ops[from] on reads, up to the
// first op whose effect is not known.
int items_read(const std::vector<Op>& ops, size_t from) {
    int depth = 0, lowest = 0;
    for (size_t i = from; i < ops.size(); ++i) {
        const Op& op = ops[i];
        Effect e{0, 0, true};
        switch (op.kind) {
        case OpKind::Lit: case OpKind::LocalFetch: e = {0, 1, true}; break;
        case OpKind::FLit: case OpKind::Label: case OpKind::Jump: break;
        case OpKind::LocalStore: case OpKind::JumpZ: case OpKind::CmpImmJumpZ: e = {1, 0, true}; break;
        case OpKind::CmpJumpZ: e = {op.w->prim->zero_compare ? 1 : 2, 0, true}; break;
        case OpKind::Prim: e = effect_of(op.w->prim); break;
        case OpKind::PrimImm:
            e = effect_of(op.w->prim);
            --e.in;
            break;
        default: e.known = false; break;
        }
        if (!e.known) break;
        lowest = std::min(lowest, depth - e.in);
        depth += e.out - e.in;
    }
    return -lowest;
}

constexpr int NO_BASE = -1;   // an Item's reg when its value is idx * scale + n alone
struct Item {
    bool imm = false;
    int reg = 0;       // when !imm: value = reg (+ idx * scale) + n
    cell n = 0;        // the constant, or the offset
    int home = NO_HOME;
    int idx = -1;      // a second register: I is LOOPT + LOOPB, an address mode
    int scale = 1;     // idx's: 8 after CELLS, which leaves reg NO_BASE until a + gives it one
    static Item constant(cell n) { return {true, 0, n, NO_HOME, -1}; }
    static Item in(int reg, int home = NO_HOME) { return {false, reg, 0, home, -1}; }
    bool plain() const { return !imm && n == 0 && idx < 0; }
    bool uses(int r) const { return !imm && (reg == r || idx == r); }
    bool same_value(const Item& o) const {
        return imm == o.imm && reg == o.reg && n == o.n && idx == o.idx && (idx < 0 || scale == o.scale);
    }
};

// A float item: an xmm register, or a known constant (its bits).
struct FItem {
    bool imm = false;
    int xmm = 0;
    cell bits = 0;
};
constexpr int FPOOL[] = {0, 1, 2, 3, 4, 5, 6, 7, 8};   // xmm8 is FTOS in the canonical state
constexpr int FSCRATCH = 15;

// A short list kept in place, for a label state's registers and homes (at
// most MAX_LABEL_ITEMS, or the one of the canonical state): a Target is made
// and copied for every label and every return, and a heap list each time
// cost more than the rest of the Target's work.
struct RegList {
    static constexpr size_t CAP = 16;
    int v[CAP];
    uint8_t n = 0;
    size_t size() const { return n; }
    bool empty() const { return n == 0; }
    void push_back(int x) {
        if (n == CAP) throw_code(-22);   // cannot happen: labels keep at most MAX_LABEL_ITEMS
        v[n++] = x;
    }
    int& operator[](size_t i) { return v[i]; }
    int operator[](size_t i) const { return v[i]; }
    int* begin() { return v; }
    int* end() { return v + n; }
    const int* begin() const { return v; }
    const int* end() const { return v + n; }
};

struct Target {
    RegList regs;            // bottom first
    int consumed = 0;
    bool decided = false;
    RegList homes;           // the homes every arrival so far agrees on
    int arrivals = 0;        // jumps assembled so far
};

Xbyak::Reg64 R(int idx) { return Xbyak::Reg64(idx); }

Cond swap_cond(Cond c) {   // a c b  <=>  b swap_cond(c) a
    switch (c) {
    case Cond::L: return Cond::G;
    case Cond::G: return Cond::L;
    case Cond::LE: return Cond::GE;
    case Cond::GE: return Cond::LE;
    case Cond::B: return Cond::A;
    case Cond::A: return Cond::B;
    case Cond::BE: return Cond::AE;
    case Cond::AE: return Cond::BE;
    default: return c;
    }
}

bool holds(Cond c, cell a, cell b) {   // the comparison a c b on constants
    ucell ua = ucell(a), ub = ucell(b);
    switch (c) {
    case Cond::E: return a == b;
    case Cond::NE: return a != b;
    case Cond::L: return a < b;
    case Cond::G: return a > b;
    case Cond::LE: return a <= b;
    case Cond::GE: return a >= b;
    case Cond::B: return ua < ub;
    case Cond::A: return ua > ub;
    case Cond::BE: return ua <= ub;
    case Cond::AE: return ua >= ub;
    case Cond::S: return a < 0;
    case Cond::NS: return a >= 0;
    default: return false;
    }
}

class Model {
public:
    // The lists live in one Lists kept between definitions (like Gen::reused,
    // one definition at a time), so a definition allocates none.
    struct Lists {
        std::vector<Target> targets;
        std::vector<int> refs;
        std::vector<Item> items, ritems;
        std::vector<FItem> fitems;
        struct Move { int dst; int kind; int reg; cell n; int idx = -1; int scale = 1; };   // kind 0 an Item's reg, n, idx and scale; 1 imm, 2 memory slot n
        std::vector<Move> moves;
    };
    Model(Assembler& a, const std::vector<Op>& ops, Lists& l)
        : A(a), g(a.g), ops(ops), targets(l.targets), refs(l.refs), items(l.items), ritems(l.ritems),
          fitems(l.fitems), moves(l.moves) {
        targets.assign(a.nlabels, Target{});
        items.clear();
        ritems.clear();
        fitems_canonical();
        items.push_back(Item::in(TOS.getIdx()));
        refs.assign(a.nlabels, 0);
        for (const Op& op : ops) count_refs(op);
    }

    void run() {
        for (size_t i = 0; i < ops.size(); ++i) {
            const Op& op = ops[i];
            next_op = i + 1;
            if (!reachable && dead(op)) continue;
            // A comparison followed by a conditional branch becomes cmp + jcc.
            if (op.kind == OpKind::Prim && sem_of(op.w->prim) == Sem::Compare && i + 1 < ops.size() &&
                ops[i + 1].kind == OpKind::JumpZ) {
                ++i;
                compare_branch(op.w->prim, ops[i].a, ops[i].invert);
                continue;
            }
            if (op.kind == OpKind::PrimImm && sem_of(op.w->prim) == Sem::Compare && i + 1 < ops.size() &&
                ops[i + 1].kind == OpKind::JumpZ) {
                items.push_back(Item::constant(op.n));
                ++i;
                compare_branch(op.w->prim, ops[i].a, ops[i].invert);
                continue;
            }
            // n AND followed by a branch on the result (IF, or 0= 0< ... IF): `test x, n`
            // sets the flags of x & n, as `test t, t` would for t = x & n.
            if (op.kind == OpKind::PrimImm && sem_of(op.w->prim) == Sem::And && fits_i32(op.n) &&
                i + 1 < ops.size() && !items.empty() && !items.back().imm) {
                const Op& b = ops[i + 1];
                Cond c = Cond::None;
                if (b.kind == OpKind::JumpZ) c = b.invert ? Cond::NE : Cond::E;
                else if (b.kind == OpKind::CmpJumpZ && b.w->prim->zero_compare)
                    c = b.invert ? b.w->prim->cond : negate(b.w->prim->cond);
                if (c != Cond::None) {
                    int r = value_reg(pop());
                    g.test(R(r), int32_t(op.n));
                    ++i;
                    branch(b.a, c);
                    continue;
                }
            }
            // ?DUP before a branch: one test, and the item stays only where it is not zero.
            if (op.kind == OpKind::Prim && sem_of(op.w->prim) == Sem::QuestionDupe && i + 1 < ops.size() &&
                ops[i + 1].kind == OpKind::JumpZ && question_dupe_branch(ops[i + 1])) {
                ++i;
                continue;
            }
            // F@ then F+ F- F* F/: the fetched value is the right operand, read
            // by the arithmetic instruction itself (`mulsd x, [addr]`).
            if (op.kind == OpKind::Prim && sem_of(op.w->prim) == Sem::FFetch && i + 1 < ops.size() &&
                ops[i + 1].kind == OpKind::Prim && float_arith(sem_of(ops[i + 1].w->prim))) {
                ++i;
                fetch_arith(sem_of(ops[i].w->prim));
                continue;
            }
            // A jump to the label right after it is no jump at all.
            if (op.kind == OpKind::Jump && i + 1 < ops.size() && ops[i + 1].kind == OpKind::Label &&
                ops[i + 1].a == op.a) {
                --refs[size_t(op.a)];
                continue;
            }
            step(op);
        }
        if (ops.empty() || ops.back().kind != OpKind::TailCall) {
            canonical();
            A.ret();
        }
    }

private:
    Assembler& A;
    Gen& g;
    const std::vector<Op>& ops;
    std::vector<Target>& targets;
    std::vector<int>& refs;   // jumps to each label
    std::vector<Item>& items;
    int consumed = 0;
    std::vector<Item>& ritems;
    std::vector<FItem>& fitems;   // the float stack's top, bottom first
    int fconsumed = 0;                                            // its memory part is at [r12 + 8*fconsumed]
    bool reachable = true;
    size_t next_op = 0;      // the op after the one being assembled
    unsigned pinned = 0;     // registers an op is still reading: not to be reused

    // Code no jump reaches (after a jump, EXIT, or the copies of a loop's
    // latch that took every jump to it) is not assembled; the jumps in it
    // no longer count as arrivals. Labels, DO and LOOP still get placed.
    bool dead(const Op& op) {
        switch (op.kind) {
        case OpKind::Lit: case OpKind::FLit: case OpKind::Prim: case OpKind::PrimImm: case OpKind::Call:
        case OpKind::CallSelf: case OpKind::CallCode: case OpKind::CallDeferred: case OpKind::LocalFetch:
        case OpKind::LocalStore:
        case OpKind::LoopStep:
            return true;
        case OpKind::Jump: case OpKind::JumpZ: case OpKind::CmpJumpZ: case OpKind::CmpImmJumpZ:
            --refs[size_t(op.a)];
            return true;
        case OpKind::Leave:
            --refs[size_t(A.loops[op.a].leave)];
            return true;
        default: return false;
        }
    }

    void count_refs(const Op& op) {
        switch (op.kind) {
        case OpKind::Jump: case OpKind::JumpZ: case OpKind::CmpJumpZ: case OpKind::CmpImmJumpZ:
            ++refs[size_t(op.a)];
            break;
        case OpKind::QDo: ++refs[size_t(A.loops[op.a].done)]; [[fallthrough]];
        case OpKind::Do: ++refs[size_t(A.loops[op.a].top)]; break;
        case OpKind::Leave: ++refs[size_t(A.loops[op.a].leave)]; break;
        case OpKind::Does: ++refs[size_t(op.a)]; break;   // the DOES> code, entered from the words it makes
        default: break;
        }
    }

    // -- Registers ----------------------------------------------------------
    int uses(int reg) const {
        if (reg < 0) return 0;   // NO_BASE
        int n = (pinned >> reg) & 1;
        for (const Item& it : items) n += it.uses(reg);
        for (const Item& it : ritems) n += it.uses(reg);
        return n;
    }
    void pin(const Item& it) {
        if (it.imm) return;
        if (it.reg != NO_BASE) pinned |= 1u << it.reg;
        if (it.idx >= 0) pinned |= 1u << it.idx;
    }
    int alloc() {
        for (;;) {
            for (int r : POOL)
                if (uses(r) == 0) return r;
            // Every register holds an item: write the deepest one back.
            if (!ritems.empty()) flush_one_ritem();
            else spill_bottom();
        }
    }

    Xbyak::Address slot(int s) { return g.qword[DSP + 8 * s]; }

    // Writes item `it` to stack slot s.
    void store_item(int s, const Item& it) {
        if (!(it.plain() && it.home == s)) {
            if (it.imm && fits_i32(it.n)) {
                g.mov(slot(s), int32_t(it.n));
            } else if (it.imm) {
                g.mov(R(SCRATCH), it.n);
                g.mov(slot(s), R(SCRATCH));
            } else if (!it.plain()) {
                materialize(it, SCRATCH);
                g.mov(slot(s), R(SCRATCH));
            } else {
                g.mov(slot(s), R(it.reg));
            }
        }
        for (Item& other : items)
            if (other.home == s) other.home = NO_HOME;
        if (!(it.plain() && it.home == s))
            for (Item& other : ritems) other.home = NO_HOME;
    }
    void spill_bottom() {
        Item it = items.front();
        items.erase(items.begin());
        store_item(--consumed, it);
    }
    void flush_one_ritem() {
        Item it = ritems.front();
        ritems.erase(ritems.begin());
        if (it.imm && fits_i32(it.n)) {
            g.push(int32_t(it.n));
        } else if (it.plain()) {
            g.push(R(it.reg));
        } else {
            materialize(it, SCRATCH);
            g.push(R(SCRATCH));
        }
    }
    void flush_ritems() { while (!ritems.empty()) flush_one_ritem(); }

    // Puts the value of `it` into register dst (flags untouched).
    void materialize(const Item& it, int dst) {
        if (it.imm) g.mov(R(dst), it.n);
        else if (it.idx >= 0) g.lea(R(dst), g.ptr[indexed(it)]);
        else if (it.n != 0) g.lea(R(dst), g.ptr[R(it.reg) + int32_t(it.n)]);
        else if (it.reg != dst) g.mov(R(dst), R(it.reg));
    }

    // -- The stack ------------------------------------------------------------
    void ensure(size_t k) {   // at least k items in the picture
        while (items.size() < k) {
            int r = alloc();
            g.mov(R(r), slot(consumed));
            items.insert(items.begin(), Item::in(r, consumed));
            ++consumed;
        }
    }
    Item pop() {
        ensure(1);
        Item it = items.back();
        items.pop_back();
        return it;
    }
    // ( a b -- ): both taken at once, so that loading a cannot reuse b's register.
    std::pair<Item, Item> pop2() {
        ensure(2);
        Item b = items.back();
        items.pop_back();
        Item a = items.back();
        items.pop_back();
        return {a, b};
    }
    void push(const Item& it) { items.push_back(it); }

    // A register holding exactly the value of `it`, for reading.
    int value_reg(const Item& it) {
        if (it.plain()) return it.reg;
        if (!it.imm && it.idx < 0 && !(pinned >> it.reg & 1) && offset_shared(it.reg, it.n)) {
            // Every other holder of the register wants the same offset: add it once.
            g.lea(R(it.reg), g.ptr[R(it.reg) + int32_t(it.n)]);
            for (auto* v : {&items, &ritems})
                for (Item& other : *v)
                    if (other.uses(it.reg)) other.n = 0;
            return it.reg;
        }
        int r = alloc();
        materialize(it, r);
        if (!it.imm)   // copies of the same value use the register just made
            for (auto* v : {&items, &ritems})
                for (Item& other : *v)
                    if (!other.imm && other.same_value(it)) other = Item::in(r);
        return r;
    }
    bool offset_shared(int reg, cell n) const {
        for (auto* v : {&items, &ritems})
            for (const Item& other : *v)
                if (other.uses(reg) && (other.idx >= 0 || other.n != n)) return false;
        return true;
    }
    // A register holding the value of `it` that the op may overwrite.
    int own_reg(const Item& it) {
        if (!it.imm && it.idx < 0 && uses(it.reg) == 0) {
            if (it.n != 0) g.lea(R(it.reg), g.ptr[R(it.reg) + int32_t(it.n)]);
            return it.reg;
        }
        int r = alloc();
        materialize(it, r);
        return r;
    }
    // `b` as the second operand of an ALU instruction: an imm32 or a register.
    // Uses r11 when it has to, so call it after the destination is chosen.
    struct Operand { bool imm; int32_t n; int reg; };
    Operand operand(const Item& b) {
        if (b.imm && fits_i32(b.n)) return {true, int32_t(b.n), 0};
        if (b.plain()) return {false, 0, b.reg};
        materialize(b, SCRATCH);
        return {false, 0, SCRATCH};
    }
    // The memory operand at address `a` (+ disp).
    Xbyak::RegExp address(const Item& a) {
        if (a.imm && fits_i32(a.n)) return Xbyak::RegExp(size_t(int64_t(a.n)));
        if (a.imm) {
            g.mov(R(SCRATCH), a.n);
            return Xbyak::RegExp(R(SCRATCH));
        }
        if (a.idx >= 0) return indexed(a);
        return R(a.reg) + int32_t(a.n);
    }
    // The address expression reg + idx * scale + n of an item with an index.
    Xbyak::RegExp indexed(const Item& a) {
        Xbyak::RegExp index = R(a.idx) * a.scale;
        if (a.reg == NO_BASE) return index + int32_t(a.n);
        return R(a.reg) + index + int32_t(a.n);
    }
    void forget_homes() {
        for (Item& it : items) it.home = NO_HOME;
    }

    // -- The float stack --------------------------------------------------------
    // Kept like the data stack but simpler: no offsets, no homes, and every
    // label, branch and unknown op finds it canonical (FTOS in xmm8).
    Xbyak::Xmm X(int idx) { return Xbyak::Xmm(idx); }
    Xbyak::Address fslot(int s) { return g.qword[FSP + 8 * s]; }
    int fuses(int x) const {
        int n = 0;
        for (const FItem& it : fitems) n += !it.imm && it.xmm == x;
        return n;
    }
    void fstore(int s, const FItem& it) {
        if (it.imm) {
            g.mov(R(SCRATCH), it.bits);
            g.mov(fslot(s), R(SCRATCH));
        } else {
            g.movsd(fslot(s), X(it.xmm));
        }
    }
    void fload(const FItem& it, int dst) {   // flags untouched
        if (it.imm) {
            g.mov(R(SCRATCH), it.bits);
            g.movq(X(dst), R(SCRATCH));
        } else if (it.xmm != dst) {
            g.movsd(X(dst), X(it.xmm));
        }
    }
    int falloc(unsigned busy = 0) {
        for (;;) {
            for (int x : FPOOL)
                if (fuses(x) == 0 && !(busy >> x & 1)) return x;
            FItem it = fitems.front();
            fitems.erase(fitems.begin());
            fstore(--fconsumed, it);
        }
    }
    void fensure(size_t k) {
        while (fitems.size() < k) {
            int x = falloc();
            g.movsd(X(x), fslot(fconsumed));
            fitems.insert(fitems.begin(), FItem{false, x, 0});
            ++fconsumed;
        }
    }
    FItem fpop() {
        fensure(1);
        FItem it = fitems.back();
        fitems.pop_back();
        return it;
    }
    // A register with the value of `it` that the op may overwrite.
    int fown(const FItem& it, unsigned busy = 0) {
        if (!it.imm && fuses(it.xmm) == 0 && !(busy >> it.xmm & 1)) return it.xmm;
        int x = falloc(busy | (it.imm ? 0u : 1u << it.xmm));
        fload(it, x);
        return x;
    }
    // The float stack as the canonical state has it: FTOS in xmm8, the rest in memory.
    void fitems_canonical() {
        fitems.resize(1);   // not assign(): an out-of-line call, at every branch and call
        fitems[0] = FItem{false, FTOS.getIdx(), 0};
        fconsumed = 0;
    }
    bool fcanonical_already() const {
        return fitems.size() == 1 && !fitems[0].imm && fitems[0].xmm == FTOS.getIdx() && fconsumed == 0;
    }
    void fcanonical() {
        if (fcanonical_already()) return;   // most code has no float on it
        while (fitems.size() > 1) {
            FItem it = fitems.front();
            fitems.erase(fitems.begin());
            fstore(--fconsumed, it);
        }
        if (fitems.empty()) {
            g.movsd(FTOS, fslot(fconsumed));
            ++fconsumed;
        } else {
            fload(fitems.back(), FTOS.getIdx());
        }
        if (fconsumed != 0) g.lea(FSP, g.ptr[FSP + 8 * fconsumed]);
        fitems_canonical();
    }
    static bool float_arith(Sem s) { return s == Sem::FAdd || s == Sem::FSub || s == Sem::FMul || s == Sem::FDiv; }
    void float_arith_insn(Sem s, const Xbyak::Xmm& d, const Xbyak::Operand& b) {
        switch (s) {
        case Sem::FAdd: g.addsd(d, b); break;
        case Sem::FSub: g.subsd(d, b); break;
        case Sem::FMul: g.mulsd(d, b); break;
        default: g.divsd(d, b); break;
        }
    }
    // F@ and then the arithmetic op s, the fetched float its right operand.
    void fetch_arith(Sem s) {
        Item at = pop();
        int d = fown(fpop());   // r11 and xmm15 may load a constant: before address()
        float_arith_insn(s, X(d), g.qword[address(at)]);
        fitems.push_back(FItem{false, d, 0});
    }
    bool float_prim(Sem s) {
        switch (s) {
        case Sem::FDup: fensure(1); fitems.push_back(fitems.back()); break;
        case Sem::FDrop:
            if (fitems.empty()) ++fconsumed;
            else fitems.pop_back();
            break;
        case Sem::FSwap: fensure(2); std::swap(fitems[fitems.size() - 1], fitems[fitems.size() - 2]); break;
        case Sem::FOver: fensure(2); fitems.push_back(fitems[fitems.size() - 2]); break;
        case Sem::FNip: fensure(2); fitems.erase(fitems.end() - 2); break;
        case Sem::FTuck: fensure(2); fitems.insert(fitems.end() - 2, fitems.back()); break;
        case Sem::FRot: {
            fensure(3);
            FItem a = fitems[fitems.size() - 3];
            fitems.erase(fitems.end() - 3);
            fitems.push_back(a);
            break;
        }
        case Sem::FAdd: case Sem::FSub: case Sem::FMul: case Sem::FDiv: {   // see also fetch_arith
            fensure(2);
            FItem b = fitems.back();
            fitems.pop_back();
            FItem a = fitems.back();
            fitems.pop_back();
            unsigned busy = b.imm ? 0u : 1u << b.xmm;
            if (!b.imm && !a.imm && a.xmm == b.xmm && fuses(a.xmm) == 0) busy = 0;   // FDUP F*
            int d = fown(a, busy);
            Xbyak::Xmm B = X(FSCRATCH);
            if (b.imm) fload(b, FSCRATCH);
            else B = X(b.xmm);
            float_arith_insn(s, X(d), B);
            fitems.push_back(FItem{false, d, 0});
            break;
        }
        case Sem::FNegate: case Sem::FAbs: case Sem::FSqrt: {
            int d = fown(fpop());
            if (s == Sem::FSqrt) {
                g.sqrtsd(X(d), X(d));
            } else {
                g.pcmpeqd(X(FSCRATCH), X(FSCRATCH));
                if (s == Sem::FNegate) {
                    g.psllq(X(FSCRATCH), 63);
                    g.xorpd(X(d), X(FSCRATCH));
                } else {
                    g.psrlq(X(FSCRATCH), 1);
                    g.andpd(X(d), X(FSCRATCH));
                }
            }
            fitems.push_back(FItem{false, d, 0});
            break;
        }
        case Sem::FFetch: {
            Item a = pop();
            int d = falloc();
            g.movsd(X(d), g.qword[address(a)]);
            fitems.push_back(FItem{false, d, 0});
            break;
        }
        case Sem::FStore: {
            Item a = pop();
            FItem v = fpop();
            int x = v.imm ? FSCRATCH : v.xmm;
            if (v.imm) fload(v, FSCRATCH);   // before address(), which may want r11 too
            g.movsd(g.qword[address(a)], X(x));
            forget_homes();
            break;
        }
        default: return false;
        }
        return true;
    }

    // -- Conforming ----------------------------------------------------------
    using Move = Lists::Move;
    std::vector<Move>& moves;   // conform's
    void conform(const Target& t) {
        flush_ritems();
        fcanonical();
        if (conforms(t)) return;   // most calls: nothing to move, and the picture stays as it is
        size_t k = t.regs.size();
        while (items.size() > k) spill_bottom();
        size_t extra = k - items.size();
        moves.clear();
        int homes[RegList::CAP];   // a moved value keeps its home slot
        std::fill(homes, homes + k, NO_HOME);
        for (size_t i = 0; i < k; ++i) {
            int dst = t.regs[i];
            if (i < extra) {
                moves.push_back({dst, 2, 0, cell(consumed + int(extra) - 1 - int(i))});
                homes[i] = int(moves.back().n);
            } else {
                const Item& it = items[i - extra];
                if (it.plain()) homes[i] = it.home;
                if (it.imm) moves.push_back({dst, 1, 0, it.n});
                else if (!(it.plain() && it.reg == dst)) moves.push_back({dst, 0, it.reg, it.n, it.idx, it.scale});
            }
        }
        parallel_move(moves);
        int shift = consumed + int(extra) - t.consumed;
        if (shift != 0) g.lea(DSP, g.ptr[DSP + 8 * shift]);
        items.clear();
        for (size_t i = 0; i < k; ++i) items.push_back(Item::in(t.regs[i], homes[i] == NO_HOME ? NO_HOME : homes[i] - shift));
        consumed = t.consumed;
    }
    bool conforms(const Target& t) const {
        if (items.size() != t.regs.size() || consumed != t.consumed) return false;
        for (size_t i = 0; i < items.size(); ++i)
            if (!items[i].plain() || items[i].reg != t.regs[i]) return false;
        return true;
    }
    void parallel_move(std::vector<Move>& moves) {   // empties moves
        auto read_by_pending = [&](int reg) {
            for (const Move& m : moves)
                if (m.kind == 0 && (m.reg == reg || m.idx == reg)) return true;
            return false;
        };
        while (!moves.empty()) {
            bool progress = false;
            for (size_t i = 0; i < moves.size(); ++i) {
                Move m = moves[i];
                moves.erase(moves.begin() + long(i));
                if (read_by_pending(m.dst)) {
                    moves.insert(moves.begin() + long(i), m);
                    continue;
                }
                if (m.kind == 0) materialize(Item{false, m.reg, m.n, NO_HOME, m.idx, m.scale}, m.dst);
                else if (m.kind == 1) g.mov(R(m.dst), m.n);
                else g.mov(R(m.dst), slot(int(m.n)));
                progress = true;
                break;
            }
            if (progress) continue;
            // Only cycles of register moves remain: park one destination's
            // value in r11 and let its readers take it from there.
            int d = moves.front().dst;
            g.mov(R(SCRATCH), R(d));
            for (Move& m : moves) {
                if (m.kind == 0 && m.reg == d) m.reg = SCRATCH;
                if (m.kind == 0 && m.idx == d) m.idx = SCRATCH;
            }
        }
    }
    Target canonical_target() const {
        Target t;
        t.regs.push_back(TOS.getIdx());
        t.decided = true;
        return t;
    }
    void canonical() { conform(canonical_target()); }

    // The state a label takes from its first arrival: at most
    // MAX_LABEL_ITEMS items, each in a register of its own.
    Target decide() {
        flush_ritems();
        ensure(1);   // a state without its top in a register costs a load at every use
        while (items.size() > MAX_LABEL_ITEMS) spill_bottom();
        Target t;
        t.decided = true;
        unsigned taken = 0;
        for (const Item& it : items)
            if (it.plain() && !(taken >> it.reg & 1)) {
                t.regs.push_back(it.reg);
                taken |= 1u << it.reg;
            } else {
                t.regs.push_back(-1);
            }
        for (int& r : t.regs) {
            if (r != -1) continue;
            for (int c : POOL)
                if (!(taken >> c & 1) && uses(c) == 0) { r = c; break; }
            if (r == -1)
                for (int c : POOL)
                    if (!(taken >> c & 1)) { r = c; break; }
            taken |= 1u << r;
        }
        t.consumed = consumed;
        return t;
    }
    Target& target(int label) {
        Target& t = targets[size_t(label)];
        if (!t.decided) t = decide();
        return t;
    }

    // Jumps to `label` (when `c` holds after the flags already set, or always).
    void branch(int label, Cond c = Cond::None) {
        Target& t = target(label);
        conform(t);
        agree_homes(t);
        ++t.arrivals;
        A.jump(label, c);
        if (c == Cond::None) unreachable();
    }
    void unreachable() {
        reachable = false;
        fitems_canonical();
        items.resize(1);
        items[0] = Item::in(TOS.getIdx());
        consumed = 0;
        ritems.clear();
    }
    void agree_homes(Target& t) {
        if (t.homes.empty()) {
            for (const Item& it : items) t.homes.push_back(it.home);
            return;
        }
        for (size_t i = 0; i < items.size(); ++i)
            if (t.homes[i] != items[i].home) t.homes[i] = NO_HOME;
    }
    void place(int label) {
        Target& t = targets[size_t(label)];
        if (!reachable && refs[size_t(label)] == 0) {   // dead code goes on
            A.bind(label, false);
            return;
        }
        bool all_forward = t.arrivals == refs[size_t(label)];   // no jump comes from below
        if (reachable) {
            if (t.decided) {
                conform(t);
            } else if (refs[size_t(label)] > 0) {
                if (!all_forward) ensure(size_t(std::min(MAX_LOOP_ITEMS, items_read(ops, next_op))));
                conform(target(label));
            }
            if (all_forward && t.arrivals > 0) {
                agree_homes(t);
                for (size_t i = 0; i < items.size(); ++i) items[i].home = t.homes[i];
            }
        } else if (all_forward && t.decided) {
            items.clear();
            for (size_t i = 0; i < t.regs.size(); ++i)
                items.push_back(Item::in(t.regs[i], i < t.homes.size() ? t.homes[i] : NO_HOME));
            consumed = t.consumed;
            reachable = true;
            A.bind(label, refs[size_t(label)] > 0);
            return;
        } else {
            if (!t.decided) t = canonical_target();
            items.clear();
            for (int r : t.regs) items.push_back(Item::in(r));
            consumed = t.consumed;
        }
        if (!all_forward) {
            forget_homes();   // a jump from below is not assembled yet
            A.align_loop_head();
        }
        reachable = true;
        A.bind(label, refs[size_t(label)] > 0);
    }

    // -- Ops ------------------------------------------------------------------
    void fallback(const Op& op) {
        canonical();
        A.emit_canonical(op);
        forget_homes();   // the op may have changed rbx and the stack
    }

    void step(const Op& op) {
        switch (op.kind) {
        case OpKind::Lit: push(Item::constant(op.n)); break;
        case OpKind::FLit: fitems.push_back(FItem{true, 0, op.n}); break;
        case OpKind::Prim:
            if (prim(op.w->prim)) break;
            // A constant on top (`3 CELLS ALLOCATE`, folded here) takes the
            // immediate form, as a literal right before the word does (lit-op).
            if (op.w->prim->emit_imm && !items.empty() && items.back().imm) {
                cell n = items.back().n;
                items.pop_back();
                fallback(Op{OpKind::PrimImm, n, op.w});
            } else {
                fallback(op);
            }
            break;
        case OpKind::PrimImm:
            push(Item::constant(op.n));
            if (!prim(op.w->prim)) {
                items.pop_back();
                fallback(op);
            }
            break;
        case OpKind::CmpJumpZ: compare_branch(op.w->prim, op.a, op.invert); break;
        case OpKind::CmpImmJumpZ:
            push(Item::constant(op.n));
            compare_branch(op.w->prim, op.a, op.invert);
            break;
        case OpKind::Jump: branch(op.a); break;
        case OpKind::JumpZ: {
            Item f = pop();
            if (f.imm) {
                if ((f.n == 0) != op.invert) branch(op.a);
                break;
            }
            int r = value_reg(f);
            g.test(R(r), R(r));
            branch(op.a, op.invert ? Cond::NE : Cond::E);
            break;
        }
        case OpKind::Label: place(op.a); break;
        case OpKind::Do: case OpKind::QDo: do_loop(op); break;
        case OpKind::Loop: case OpKind::PlusLoop: end_loop(op); break;
        case OpKind::LoopStep: loop_step(op.a, op.n != 0); break;
        case OpKind::Leave: branch(A.loops[op.a].leave); break;
        case OpKind::LocalFetch: {
            int r = alloc();
            g.mov(R(r), g.qword[FRAME - 8 * (op.a + 1)]);
            push(Item::in(r));
            break;
        }
        case OpKind::LocalStore: {
            Item x = pop();
            if (x.imm && fits_i32(x.n)) {
                g.mov(g.qword[FRAME - 8 * (op.a + 1)], int32_t(x.n));
            } else {
                int r = x.plain() ? x.reg : (materialize(x, SCRATCH), SCRATCH);
                g.mov(g.qword[FRAME - 8 * (op.a + 1)], R(r));
            }
            break;
        }
        case OpKind::Exit: case OpKind::TailCall: case OpKind::Does:
            fallback(op);
            unreachable();
            break;
        case OpKind::Call:
            if (op.w->code == throw_code_body) throw_if_nonzero(op);
            else fallback(op);
            break;
        default: fallback(op); break;
        }
    }

    // ?DUP followed by a branch on the same item: `test x, x`, then the
    // jump when zero leaves without x (JumpZ), or the jump when not zero
    // leaves with it (JumpNZ, after loop rotation). On the path that goes
    // on with x, x must survive the jump's conforming moves: it is kept in
    // a register the label's state does not use. False (nothing done) when
    // every register is taken.
    bool question_dupe_branch(const Op& jz) {
        Item x = pop();
        int r = value_reg(x);
        pinned |= 1u << r;
        if (!jz.invert) {
            const Target& t = target(jz.a);   // decided now, if it was not, around r
            if (std::find(t.regs.begin(), t.regs.end(), r) != t.regs.end()) {
                int free_reg = -1;
                for (int c : POOL)
                    if (uses(c) == 0 && std::find(t.regs.begin(), t.regs.end(), c) == t.regs.end()) free_reg = c;
                if (free_reg < 0) {
                    pinned = 0;
                    push(Item::in(r));
                    return false;
                }
                g.mov(R(free_reg), R(r));
                r = free_reg;
                pinned = 1u << r;
            }
            g.test(R(r), R(r));
            branch(jz.a, Cond::E);
            pinned = 0;
            push(Item::in(r));
        } else {
            g.test(R(r), R(r));
            pinned = 0;
            push(Item::in(r));
            branch(jz.a, Cond::NE);
            pop();
        }
        return true;
    }

    // x THROW: `test x, x` and on to the next op when it is zero; the state
    // is made canonical and THROW called only on the way out.
    std::vector<Item> saved_items, saved_ritems;
    std::vector<FItem> saved_fitems;
    void throw_if_nonzero(const Op& op) {
        Item x = pop();
        if (x.imm && x.n == 0) return;
        if (x.imm) {
            push(x);
            fallback(op);
            unreachable();
            return;
        }
        int r = value_reg(x);
        g.test(R(r), R(r));
        Xbyak::Label zero;
        g.jz(zero, Gen::T_NEAR);
        saved_items = items;
        saved_ritems = ritems;
        saved_fitems = fitems;
        int saved_consumed = consumed, saved_fconsumed = fconsumed;
        push(Item::in(r));
        fallback(op);
        items = saved_items;
        ritems = saved_ritems;
        fitems = saved_fitems;
        consumed = saved_consumed;
        fconsumed = saved_fconsumed;
        g.L(zero);
    }

    // cmp (or test) for comparison p on the top two (one) items, then a
    // jump to `label` when the comparison is false (true, with invert).
    void compare_branch(const Prim* p, int label, bool invert) {
        Cond c = p->cond;
        if (!compare_flags(p, c)) {   // folded to a constant
            Item f = items.back();
            items.pop_back();
            if ((f.n == 0) != invert) branch(label);
            return;
        }
        branch(label, invert ? c : negate(c));
    }
    // Sets the flags for comparison p (its condition in c, possibly swapped);
    // false when both operands were constants: the flag is pushed instead.
    bool compare_flags(const Prim* p, Cond& c) {
        if (p->zero_compare) {
            Item a = pop();
            if (a.imm) {
                push(Item::constant(holds(c, a.n, 0) ? -1 : 0));
                return false;
            }
            int r = value_reg(a);
            g.test(R(r), R(r));
            return true;
        }
        auto [a, b] = pop2();
        if (a.imm && b.imm) {
            push(Item::constant(holds(c, a.n, b.n) ? -1 : 0));
            return false;
        }
        if (a.imm) {
            std::swap(a, b);
            c = swap_cond(c);
        }
        pin(b);
        int ra = value_reg(a);
        pinned |= 1u << ra;
        Operand ob = operand(b);
        if (ob.imm) g.cmp(R(ra), ob.n);
        else g.cmp(R(ra), R(ob.reg));
        pinned = 0;
        return true;
    }
    void compare_value(const Prim* p) {
        Cond c = p->cond;
        if (!compare_flags(p, c)) return;
        int d = alloc();   // mov-free: the flags survive a spill
        set_if(g, c, R(d).cvt8());
        g.movzx(R(d).cvt32(), R(d).cvt8());
        g.neg(R(d));
        push(Item::in(d));
    }

    // Binary ALU ops: + - AND OR XOR *.
    void alu(Sem s) {
        auto [a, b] = pop2();
        if (a.imm && b.imm) {
            push(Item::constant(fold(s, a.n, b.n)));
            return;
        }
        bool commutes = s != Sem::Sub;
        if (commutes && (a.imm || (b.plain() && !a.imm && uses(a.reg) > 0 && uses(b.reg) == 0))) std::swap(a, b);
        if (b.imm && !a.imm && (s == Sem::Add || s == Sem::Sub)) {
            cell off = s == Sem::Add ? cell(ucell(a.n) + ucell(b.n)) : cell(ucell(a.n) - ucell(b.n));
            if (fits_i32(off) && fits_i32(b.n)) {
                Item r = a;
                r.n = off;
                r.home = NO_HOME;
                push(r);
                return;
            }
        }
        // A scaled index (CELLS) plus a register: base + index*8, for the
        // next address or one lea.
        if (s == Sem::Add && !a.imm && !b.imm && (a.reg == NO_BASE) != (b.reg == NO_BASE)) {
            const Item& index = a.reg == NO_BASE ? a : b;
            const Item& base = a.reg == NO_BASE ? b : a;
            cell off = cell(ucell(index.n) + ucell(base.n));
            if (base.idx < 0 && fits_i32(off)) {
                push(Item{false, base.reg, off, NO_HOME, index.idx, index.scale});
                return;
            }
        }
        // $FFFFFFFF AND (a hash's low half): a 32-bit mov zero-extends, and
        // needs no r11 for the mask.
        if (s == Sem::And && b.imm && b.n == cell(0xFFFFFFFF)) {
            int d = own_reg(a);
            g.mov(R(d).cvt32(), R(d).cvt32());
            push(Item::in(d));
            return;
        }
        pin(b);
        // DUP *: the register is both operands and nothing else wants it.
        bool self = a.plain() && b.plain() && a.reg == b.reg && uses(a.reg) == 1;
        int d = self ? a.reg : own_reg(a);
        pinned |= 1u << d;
        Operand o = operand(b);
        pinned = 0;
        Xbyak::Reg64 D = R(d);
        switch (s) {
        case Sem::Add: o.imm ? g.add(D, o.n) : g.add(D, R(o.reg)); break;
        case Sem::Sub: o.imm ? g.sub(D, o.n) : g.sub(D, R(o.reg)); break;
        case Sem::And: o.imm ? g.and_(D, o.n) : g.and_(D, R(o.reg)); break;
        case Sem::Or: o.imm ? g.or_(D, o.n) : g.or_(D, R(o.reg)); break;
        case Sem::Xor: o.imm ? g.xor_(D, o.n) : g.xor_(D, R(o.reg)); break;
        case Sem::Mul: o.imm ? g.imul(D, D, o.n) : g.imul(D, R(o.reg)); break;
        default: break;
        }
        push(Item::in(d));
    }
    static cell fold(Sem s, cell a, cell b) {
        ucell ua = ucell(a), ub = ucell(b);
        switch (s) {
        case Sem::Add: return cell(ua + ub);
        case Sem::Sub: return cell(ua - ub);
        case Sem::And: return a & b;
        case Sem::Or: return a | b;
        case Sem::Xor: return a ^ b;
        case Sem::Mul: return cell(ua * ub);
        default: return 0;
        }
    }

    // One-operand ops on a register the op owns.
    template <typename F> void unary(F&& f) {
        Item a = pop();
        int d = own_reg(a);
        f(R(d));
        push(Item::in(d));
    }

    bool prim(const Prim* p) {
        Sem s = sem_of(p);
        switch (s) {
        case Sem::None: case Sem::QuestionDupe: return false;
        case Sem::Dup: ensure(1); push(items.back()); break;
        case Sem::Drop:
            if (items.empty()) ++consumed;
            else items.pop_back();
            break;
        case Sem::Swap: ensure(2); std::swap(items[items.size() - 1], items[items.size() - 2]); break;
        case Sem::Over: ensure(2); push(items[items.size() - 2]); break;
        case Sem::Rot: {   // a b c -- b c a
            ensure(3);
            Item a = items[items.size() - 3];
            items.erase(items.end() - 3);
            push(a);
            break;
        }
        case Sem::MinusRot: {   // a b c -- c a b
            ensure(3);
            Item c = items.back();
            items.pop_back();
            items.insert(items.end() - 2, c);
            break;
        }
        case Sem::Nip: ensure(2); items.erase(items.end() - 2); break;
        case Sem::Tuck: ensure(2); items.insert(items.end() - 2, items.back()); break;
        case Sem::TwoDup:
            ensure(2);
            push(items[items.size() - 2]);
            push(items[items.size() - 2]);
            break;
        case Sem::TwoDrop:
            for (int i = 0; i < 2; ++i) {
                if (items.empty()) ++consumed;
                else items.pop_back();
            }
            break;
        case Sem::Add: case Sem::Sub: case Sem::And: case Sem::Or: case Sem::Xor: case Sem::Mul: alu(s); break;
        case Sem::OnePlus: push(Item::constant(1)); alu(Sem::Add); break;
        case Sem::OneMinus: push(Item::constant(1)); alu(Sem::Sub); break;
        case Sem::CellPlus: push(Item::constant(8)); alu(Sem::Add); break;
        case Sem::CharPlus: push(Item::constant(1)); alu(Sem::Add); break;
        case Sem::Chars: break;
        case Sem::Negate: case Sem::Invert: case Sem::TwoStar: case Sem::TwoSlash: case Sem::Cells: {
            ensure(1);
            Item& a = items.back();
            if (a.imm) {
                ucell u = ucell(a.n);
                a.n = s == Sem::Negate ? cell(0 - u) : s == Sem::Invert ? ~a.n : s == Sem::TwoStar ? cell(u << 1)
                    : s == Sem::Cells ? cell(u << 3) : a.n >> 1;
                break;
            }
            // CELLS of a register (+ offset): index*8 (+ offset*8), no code yet.
            if (s == Sem::Cells && a.idx < 0 && a.reg != NO_BASE && fits_i32(cell(ucell(a.n) << 3)) &&
                a.n == cell(ucell(a.n) << 3) >> 3) {
                a = Item{false, NO_BASE, cell(ucell(a.n) << 3), NO_HOME, a.reg, 8};
                break;
            }
            unary([&](const Xbyak::Reg64& d) {
                switch (s) {
                case Sem::Negate: g.neg(d); break;
                case Sem::Invert: g.not_(d); break;
                case Sem::TwoStar: g.add(d, d); break;
                case Sem::TwoSlash: g.sar(d, 1); break;
                default: g.shl(d, 3); break;
                }
            });
            break;
        }
        case Sem::Lshift: case Sem::Rshift: {
            ensure(2);
            Item b = items.back();
            if (!b.imm) return false;   // a variable count needs cl: the canonical code
            items.pop_back();
            int n = int(b.n & 63);
            Item& a = items.back();
            if (a.imm) {
                a.n = s == Sem::Lshift ? cell(ucell(a.n) << n) : cell(ucell(a.n) >> n);
                break;
            }
            if (n == 0) break;
            unary([&](const Xbyak::Reg64& d) { s == Sem::Lshift ? g.shl(d, n) : g.shr(d, n); });
            break;
        }
        case Sem::Min: case Sem::Max: {
            auto [a, b] = pop2();
            if (a.imm && b.imm) {
                push(Item::constant(s == Sem::Min ? std::min(a.n, b.n) : std::max(a.n, b.n)));
                break;
            }
            pin(b);
            int d = own_reg(a);
            pinned |= 1u << d;
            int rb = b.imm ? (materialize(b, SCRATCH), SCRATCH) : value_reg(b);
            pinned = 0;
            g.cmp(R(d), R(rb));
            if (s == Sem::Min) g.cmovg(R(d), R(rb));
            else g.cmovl(R(d), R(rb));
            push(Item::in(d));
            break;
        }
        case Sem::Compare: compare_value(p); break;
        case Sem::Pick: {   // with a constant index: a copy of that item
            ensure(1);
            Item u = items.back();
            if (!u.imm || u.n < 0 || u.n > 16) return false;
            items.pop_back();
            ensure(size_t(u.n) + 1);
            push(items[items.size() - 1 - size_t(u.n)]);
            break;
        }
        case Sem::Fetch: case Sem::CFetch: {
            Item a = pop();
            pin(a);
            int d = a.imm || a.idx >= 0 || uses(a.reg) > 1 ? alloc() : a.reg;   // pinned counts as one use
            pinned = 0;
            Xbyak::RegExp at = address(a);
            if (s == Sem::Fetch) g.mov(R(d), g.qword[at]);
            else g.movzx(R(d), g.byte[at]);
            push(Item::in(d));
            break;
        }
        case Sem::Store: case Sem::CStore: case Sem::PlusStore: {
            auto [x, a] = pop2();
            pin(a);
            int rx = -1;
            if (!(x.imm && fits_i32(x.n))) rx = value_reg(x);
            pinned = 0;
            Xbyak::RegExp at = address(a);
            if (s == Sem::CStore) {
                if (rx < 0) g.mov(g.byte[at], uint8_t(x.n));
                else g.mov(g.byte[at], R(rx).cvt8());
            } else if (s == Sem::Store) {
                if (rx < 0) g.mov(g.qword[at], int32_t(x.n));
                else g.mov(g.qword[at], R(rx));
            } else {
                if (rx < 0) g.add(g.qword[at], int32_t(x.n));
                else g.add(g.qword[at], R(rx));
            }
            forget_homes();
            break;
        }
        case Sem::LoopI: push(Item{false, LOOPT.getIdx(), 0, NO_HOME, LOOPB.getIdx()}); break;
        case Sem::LoopJ: {   // the enclosing loop's pair, where DO saved it
            flush_ritems();
            int d = alloc();
            g.mov(R(d), g.qword[rsp]);
            g.add(R(d), g.qword[rsp + 8]);
            push(Item::in(d));
            break;
        }
        case Sem::ToR:
            ritems.push_back(pop());
            ritems.back().home = NO_HOME;
            if (ritems.size() > MAX_RITEMS) flush_one_ritem();
            break;
        case Sem::RFrom:
            if (!ritems.empty()) {
                push(ritems.back());
                ritems.pop_back();
            } else {
                int d = alloc();
                g.pop(R(d));
                push(Item::in(d));
            }
            break;
        case Sem::RFetch:
            if (!ritems.empty()) {
                push(ritems.back());
            } else {
                int d = alloc();
                g.mov(R(d), g.qword[rsp]);
                push(Item::in(d));
            }
            break;
        case Sem::RDrop:
            if (!ritems.empty()) ritems.pop_back();
            else g.add(rsp, 8);
            break;
        default: return float_prim(s);
        }
        return true;
    }

    // Items made of LOOPT/LOOPB (I) get registers of their own before the
    // loop registers change.
    void settle_loop_items() {
        for (auto* v : {&items, &ritems})
            for (Item& it : *v)
                if (it.uses(LOOPT.getIdx()) || it.uses(LOOPB.getIdx())) {
                    pin(it);
                    int d = alloc();
                    pinned = 0;
                    materialize(it, d);
                    it = Item::in(d);
                }
    }

    // DO / ?DO: ( limit index -- ), the loop pair in LOOPT/LOOPB; the
    // enclosing pair is saved on the return stack, as in the canonical code.
    void do_loop(const Op& op) {
        const LoopLabels& L = A.loops[op.a];
        settle_loop_items();
        auto [limit, index] = pop2();
        flush_ritems();
        g.push(LOOPB);
        g.push(LOOPT);
        constexpr ucell BIAS = ucell(1) << 63;
        if (limit.imm) {
            g.mov(LOOPB, cell(ucell(limit.n) - BIAS));
        } else {
            materialize(limit, LOOPB.getIdx());
            g.btc(LOOPB, 63);
        }
        if (index.imm && limit.imm) {
            g.mov(LOOPT, cell(ucell(index.n) - (ucell(limit.n) - BIAS)));
        } else {
            materialize(index, LOOPT.getIdx());
            g.sub(LOOPT, LOOPB);
        }
        if (op.kind == OpKind::QDo) {
            bool always = index.imm && limit.imm && index.n == limit.n;
            bool never = index.imm && limit.imm && index.n != limit.n;
            if (!never) {
                Xbyak::Label enter;
                if (!always) {
                    g.mov(R(SCRATCH), BIAS);
                    g.cmp(LOOPT, R(SCRATCH));
                    g.jne(enter, Gen::T_NEAR);
                }
                g.pop(LOOPT);
                g.pop(LOOPB);
                std::vector<Item> saved = items;
                int saved_consumed = consumed;
                branch(L.done);
                items = saved;
                consumed = saved_consumed;
                reachable = !always;
                g.L(enter);
            }
        }
        place(L.top);
    }
    // LOOP's (+LOOP's) step and its jump back to the top; falls through,
    // in the top's state, when the loop ends.
    void loop_step(int loop, bool plus) {
        const LoopLabels& L = A.loops[loop];
        settle_loop_items();
        if (!plus) {
            g.add(LOOPT, 1);
        } else {
            Item n = pop();
            Operand o = operand(n);
            o.imm ? g.add(LOOPT, o.n) : g.add(LOOPT, R(o.reg));
        }
        conform(target(L.top));   // flags-neutral: the overflow flag decides
        A.jump(L.top, Cond::NO);
    }
    void end_loop(const Op& op) {
        const LoopLabels& L = A.loops[op.a];
        if (reachable) loop_step(op.a, op.kind == OpKind::PlusLoop);

        place(L.leave);
        g.pop(LOOPT);
        g.pop(LOOPB);
        place(L.done);
    }
};

}  // namespace

// The passes of asm/jumps.cpp: optimistic, then measuring and planned.
void* assemble_modeled(const std::vector<Op>& ops, int nlabels, const std::vector<LoopLabels>& loops, size_t* size) {
    static Model::Lists lists;
    static JumpRecord record;
    static std::vector<JumpSize> plan;
    Gen* gen = nullptr;   // Gen::reused(): each pass starts it afresh, the last one's code is kept
    auto pass = [&](bool optimistic, const std::vector<JumpSize>* with_plan, JumpRecord* rec) {
        Assembler a(nlabels, loops);
        gen = &a.g;
        a.optimistic = optimistic;
        a.plan = with_plan;
        a.record = rec;
        if (rec) rec->clear(size_t(nlabels) + 1);
        try {
            Model(a, ops, lists).run();
        } catch (const Xbyak::Error& e) {
            if (e != Xbyak::ERR_LABEL_IS_TOO_FAR) throw;
            return false;
        }
        return true;
    };
    bool reached = pass(true, nullptr, &record);
    if (reached && !record.plan(plan)) return gen->finish(size);
    if (!reached) {
        pass(false, nullptr, &record);   // all near: cannot fail
        if (!record.plan(plan)) return gen->finish(size);
    }
    if (!pass(false, &plan, nullptr)) pass(false, nullptr, nullptr);   // a planned short jump did not reach
    return gen->finish(size);
}

}  // namespace xf
