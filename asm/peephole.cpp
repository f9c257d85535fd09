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
#include "asm/compiler.h"

namespace xf {

void peephole(std::vector<Op>& ops) {
    std::vector<Op> out;
    out.reserve(ops.size());
    for (const Op& op : ops) {
        if (op.kind == OpKind::Prim && op.w->prim->emit_imm && !out.empty() && out.back().kind == OpKind::Lit) {
            out.back() = Op{OpKind::PrimImm, out.back().n, op.w};
            continue;
        }
        out.push_back(op);
    }
    ops.swap(out);
}

}  // namespace xf
