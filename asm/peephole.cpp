// SPDX-License-Identifier: MIT
// Fusion rules over the op list, applied once at `;` before assembly.
//
// Every rule must
//   1. leave the stack canonical after the ops it replaces (so the result is
//      a drop-in for the original sequence at any following label);
//   2. never match across a Label op (a label is a branch target, and the
//      code before it may be skipped);
//   3. only shrink the op list, so one left-to-right pass terminates.
//
// Rules (name: pattern -> result):
//   lit-op:  Lit n, Prim p  (p has an immediate form: + - AND OR XOR and the
//            comparisons)  ->  PrimImm p n, one instruction with an immediate
//            operand when n fits 32 bits, else through a scratch register.
//   cmp-branch:  Prim c, JumpZ L  (c a comparison: = <> < > <= >= U< U> 0= 0<>
//            0< 0>)  ->  CmpJumpZ c L: cmp (or test) and a conditional jump
//            on the negated condition; no flag is made.
//   cmp-imm-branch:  PrimImm c n, JumpZ L  ->  CmpImmJumpZ c n L.
//   branch-over-jump:  (Cmp)(Imm)JumpZ L1, Jump L2, Label L1  ->  the same
//            conditional jump inverted, to L2, then Label L1.
//   tail-call:  Call w, Exit  ->  TailCall w; and a Call that ends the
//            definition becomes a TailCall too (jmp instead of call + ret).
//            RECURSE (CallSelf) the same, as TailCall with no word: a jump
//            back to the definition's start. Labels after the call do not
//            take it out of tail position.
#include "asm/compiler.h"

namespace xf {

void peephole(std::vector<Op>& ops) {
    // In place: every rule only shrinks the list, so the ops kept so far,
    // ops[0, n), never overtake the op being read.
    size_t n = 0;
    for (size_t i = 0; i < ops.size(); ++i) {
        const Op& op = ops[i];
        Op* prev = n == 0 ? nullptr : &ops[n - 1];
        if (op.kind == OpKind::Prim && op.w->prim->emit_imm && prev && prev->kind == OpKind::Lit) {
            *prev = Op{OpKind::PrimImm, prev->n, op.w};
            continue;
        }
        if (op.kind == OpKind::JumpZ && prev && (prev->kind == OpKind::Prim || prev->kind == OpKind::PrimImm) &&
            prev->w->prim->cond != Cond::None) {
            *prev = Op{prev->kind == OpKind::Prim ? OpKind::CmpJumpZ : OpKind::CmpImmJumpZ, prev->n, prev->w, op.a,
                       op.invert};
            continue;
        }
        // branch-over-jump: a conditional jump over an unconditional one is
        // the inverted conditional jump to the far target.
        if (op.kind == OpKind::Label && n >= 2 && ops[n - 1].kind == OpKind::Jump) {
            Op& cj = ops[n - 2];
            bool conditional = cj.kind == OpKind::JumpZ || cj.kind == OpKind::CmpJumpZ || cj.kind == OpKind::CmpImmJumpZ;
            if (conditional && cj.a == op.a) {
                cj.a = ops[n - 1].a;
                cj.invert = !cj.invert;
                --n;
            }
        }
        if (op.kind == OpKind::Exit && prev && (prev->kind == OpKind::Call || prev->kind == OpKind::CallSelf)) {
            *prev = Op{OpKind::TailCall, 0, prev->w};
            continue;
        }
        if (n != i) ops[n] = op;
        ++n;
    }
    ops.resize(n);
    // A call followed by nothing but labels is in tail position too (the
    // labels still get the return that ends the definition).
    size_t last = ops.size();
    while (last > 0 && ops[last - 1].kind == OpKind::Label) --last;
    if (last > 0 && (ops[last - 1].kind == OpKind::Call || ops[last - 1].kind == OpKind::CallSelf))
        ops[last - 1] = Op{OpKind::TailCall, 0, ops[last - 1].w};
}

// rotate_loops: Label B, C..., JumpZ X, body..., Jump B, Label X, with C a
// few ops of straight-line code, becomes
//   Label B, C..., JumpZ X, Label T, body..., C..., JumpNZ T, Label X
// (JumpNZ is JumpZ with invert). Label B stays for any other jump to it.
constexpr size_t ROTATE_MAX_COND_OPS = 8;

static bool straight(const Op& op) {
    switch (op.kind) {
    case OpKind::Lit: case OpKind::FLit: case OpKind::LocalFetch: return true;
    case OpKind::Prim: return !op.w->prim->rstack;
    default: return false;
    }
}

void rotate_loops(std::vector<Op>& ops, int& labels) {
    static std::vector<size_t> label_at;   // label -> index of its Label op, or SIZE_MAX
    static std::vector<Op> tail;
    label_at.clear();
    auto where = [&](int label) {
        if (label_at.empty()) {
            label_at.assign(size_t(labels), SIZE_MAX);
            for (size_t i = 0; i < ops.size(); ++i)
                if (ops[i].kind == OpKind::Label) label_at[size_t(ops[i].a)] = i;
        }
        return label_at[size_t(label)];
    };
    for (size_t i = 0; i + 1 < ops.size(); ++i) {
        if (ops[i].kind != OpKind::Jump) continue;
        size_t b = where(ops[i].a);
        if (b == SIZE_MAX || b >= i) continue;   // not a jump back
        size_t w = b + 1;
        while (w < i && w - b - 1 <= ROTATE_MAX_COND_OPS && straight(ops[w])) ++w;
        if (w >= i || ops[w].kind != OpKind::JumpZ || ops[w].invert || w - b - 1 > ROTATE_MAX_COND_OPS) continue;
        if (ops[i + 1].kind != OpKind::Label || ops[i + 1].a != ops[w].a) continue;   // WHILE's exit right after
        int top = labels++;
        tail.assign(ops.begin() + long(b) + 1, ops.begin() + long(w));   // the condition
        tail.push_back(Op{OpKind::JumpZ, 0, nullptr, top, true});
        ops.erase(ops.begin() + long(i));
        ops.insert(ops.begin() + long(i), tail.begin(), tail.end());
        ops.insert(ops.begin() + long(w) + 1, Op{OpKind::Label, 0, nullptr, top});
        label_at.clear();
        i += tail.size();
    }
}

// duplicate_latches: a forward jump, inside loop a, to a label from which
// only straight ops lead to loop a's LOOP or +LOOP, takes a copy of them:
//   Jump L              ->  S..., LoopStep a, Leave a
//   JumpZ L             ->  JumpNZ B, S..., LoopStep a, Leave a, Label B
//   ... Label L, S..., Loop a        (unchanged)
// so that the path that skips the rest of the body goes round with one
// taken branch (the latch's), not a jump to the latch and then its jump
// back. gcc lays out `if (flags[i]) ...` in a loop the same way; the sieve
// ran 1.7 times C without this, on par with it after (bench/sieve.fs).
// Labels between L and the latch are skipped over; the Leave at the end of
// a copy runs once, when the loop ends there.
constexpr size_t LATCH_MAX_OPS = 4;

void duplicate_latches(std::vector<Op>& ops, int& labels) {
    static std::vector<size_t> label_at;   // label -> index of its Label op
    static std::vector<int> loop_at;       // op index -> innermost loop open there, or -1
    static std::vector<int> open_loops;
    static std::vector<Op> out;
    // Only a jump inside a DO loop can take a latch copy. Most definitions
    // have none (a loop, and an IF after it, is the common case): they
    // need none of the lists below, set up and copied per definition.
    bool jump_in_loop = false;
    int depth = 0;
    for (const Op& op : ops) {
        if (op.kind == OpKind::Do || op.kind == OpKind::QDo) {
            ++depth;
        } else if (op.kind == OpKind::Loop || op.kind == OpKind::PlusLoop) {
            depth -= depth > 0;
        } else if ((op.kind == OpKind::Jump || op.kind == OpKind::JumpZ) && depth > 0) {
            jump_in_loop = true;
            break;
        }
    }
    if (!jump_in_loop) return;
    label_at.assign(size_t(labels), SIZE_MAX);
    loop_at.assign(ops.size(), -1);
    open_loops.clear();
    for (size_t i = 0; i < ops.size(); ++i) {
        const Op& op = ops[i];
        if (op.kind == OpKind::Label) label_at[size_t(op.a)] = i;
        if (op.kind == OpKind::Loop || op.kind == OpKind::PlusLoop) {
            if (!open_loops.empty()) open_loops.pop_back();
        }
        loop_at[i] = open_loops.empty() ? -1 : open_loops.back();
        if (op.kind == OpKind::Do || op.kind == OpKind::QDo) open_loops.push_back(op.a);
    }
    // The latch reached from Label L: [from, to) the straight ops, ops[to] the LOOP.
    auto latch_after = [&](size_t l, size_t& to) {
        size_t straight_ops = 0;
        for (to = l + 1; to < ops.size(); ++to) {
            const Op& op = ops[to];
            if (op.kind == OpKind::Loop || op.kind == OpKind::PlusLoop) return loop_at[l] == op.a;
            if (op.kind == OpKind::Label) continue;
            if (!straight(op) || ++straight_ops > LATCH_MAX_OPS) return false;
        }
        return false;
    };
    out.clear();
    bool changed = false;
    for (size_t i = 0; i < ops.size(); ++i) {
        const Op& op = ops[i];
        size_t l = SIZE_MAX, to = 0;
        if (op.kind == OpKind::Jump || op.kind == OpKind::JumpZ) l = label_at[size_t(op.a)];
        if (l == SIZE_MAX || l <= i || loop_at[i] < 0 || !latch_after(l, to) || loop_at[i] != ops[to].a) {
            out.push_back(op);
            continue;
        }
        changed = true;
        int over = -1;
        if (op.kind == OpKind::JumpZ) {
            over = labels++;
            out.push_back(Op{OpKind::JumpZ, 0, nullptr, over, !op.invert});
        }
        for (size_t k = l + 1; k < to; ++k)
            if (ops[k].kind != OpKind::Label) out.push_back(ops[k]);
        out.push_back(Op{OpKind::LoopStep, ops[to].kind == OpKind::PlusLoop, nullptr, ops[to].a});
        out.push_back(Op{OpKind::Leave, 0, nullptr, ops[to].a});
        if (over >= 0) out.push_back(Op{OpKind::Label, 0, nullptr, over});
    }
    if (changed) ops.swap(out);
}

}  // namespace xf
