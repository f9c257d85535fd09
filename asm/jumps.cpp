// SPDX-License-Identifier: MIT
// Jump sizing for the optimising assembler.
//
// A jump to a label placed above is Xbyak's T_AUTO: short (2 bytes) when
// the distance fits a byte. A jump forward is assembled before its label is
// placed, so its size must be chosen blind; assembled near (5-6 bytes)
// every time, loops grew past their 64-byte window and a bubble sort paid
// for a `jmp` to the next instruction (IF ... ELSE 2DROP THEN, whose ELSE
// part has no code) a fifth of its time. So assemble_modeled
// (asm/stackmodel.cpp) runs up to three passes over a definition:
//   1. optimistic: every forward jump short. If every one reached and none
//      lands on the next instruction, that is the code.
//   2. measuring: every forward jump near (always valid), its place and
//      its label's recorded. If no jump can shrink, that is the code.
//   3. planned: each forward jump None (not assembled: it would land on the
//      next instruction, past nothing but labels), Short, or Near.
// The passes assemble the same ops in the same way; only jump sizes and the
// NOPs that pad loop heads to their alignment differ between them. So from
// one pass to the next a distance can only shrink, except by padding that
// grows: a site is planned Short only when its short displacement plus the
// largest growth of every padding it crosses fits a byte. (If Xbyak still
// found one too far, the definition is assembled again all near.)
#include "asm/assembler.h"

namespace xf {

void Assembler::bind(int label, bool jumped_to) {
    if (record) record->bound_at[size_t(label)] = uint32_t(g.getSize());
    if (jumped_to) g.L(labels[size_t(label)]);
    bound[size_t(label)] = true;
}

void Assembler::jump(int label, Cond c) {
    Xbyak::Label& to = labels[size_t(label)];
    Gen::LabelType type = Gen::T_AUTO;   // backward: Xbyak knows the distance
    if (!bound[size_t(label)]) {
        size_t k = forward_jumps++;
        JumpSize s = optimistic ? JumpSize::Short : plan && k < plan->size() ? (*plan)[k] : JumpSize::Near;
        uint32_t start = uint32_t(g.getSize());
        if (s == JumpSize::None) {
            if (record) record->sites.push_back({start, start, label});
            return;
        }
        type = s == JumpSize::Short ? Gen::T_SHORT : Gen::T_NEAR;
        if (c == Cond::None) g.jmp(to, type);
        else jump_if(c, to, type);
        if (record) record->sites.push_back({start, uint32_t(g.getSize()), label});
        return;
    }
    if (c == Cond::None) g.jmp(to, type);
    else jump_if(c, to, type);
}

bool JumpRecord::plan(std::vector<JumpSize>& out) const {
    constexpr int64_t SHORT_SIZE = 2;   // jmp rel8 and jcc rel8 alike
    out.assign(sites.size(), JumpSize::Near);
    bool better = false;
    for (size_t k = 0; k < sites.size(); ++k) {
        const Site& s = sites[k];
        int64_t target = bound_at[size_t(s.label)];
        if (target == UINT32_MAX) continue;
        if (target == s.end) {
            out[k] = JumpSize::None;
            better = true;
            continue;
        }
        int64_t growth = 0;
        for (uint32_t a : aligns)
            if (a >= s.start && a < target) growth += loop_alignment - 1;
        if (target - (s.start + SHORT_SIZE) + growth <= 127) {
            out[k] = JumpSize::Short;
            better = better || s.end - s.start > SHORT_SIZE;
        }
    }
    return better;
}

}  // namespace xf
