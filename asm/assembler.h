// SPDX-License-Identifier: MIT
// The two assemblers' shared part: labels, the locals frame, and each op's
// code against the canonical state (TOS in rbx, the rest at [r15]). The
// -O0 assembler (asm/compiler.cpp) is nothing but this, op after op; the
// stack model (asm/stackmodel.cpp) falls back to it for every op it does not
// model, after making its state canonical.
#pragma once
#include "asm/compiler.h"
#include "asm/emit.h"

namespace xf {

struct Assembler {
    Gen& g;   // Gen::reused()
    std::vector<Xbyak::Label> labels;
    Xbyak::Label self;
    bool frame = false;   // a locals frame is open at this point of the code
    const std::vector<LoopLabels>& loops;

    Assembler(int nlabels, const std::vector<LoopLabels>& loops);
    void ret();                              // leaves the frame, if any, and returns
    void jump_if(Cond c, Xbyak::Label& to);  // jcc after a cmp or test
    void emit_canonical(const Op& op);
    void align_loop_head();                  // before a label jumped to from below
};

// The optimising assembler: the compile-time stack model.
void* assemble_modeled(const std::vector<Op>& ops, int nlabels, const std::vector<LoopLabels>& loops, size_t* size);

}  // namespace xf
