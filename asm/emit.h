// SPDX-License-Identifier: MIT
// Small emitters shared by every primitive: moving items between TOS and the
// in-memory stack, and the one sequence by which native code calls C++.
#pragma once
#include "asm/codemem.h"
#include "asm/regs.h"
#include "core/vm.h"

namespace xf {

// ( -- x ) with x already in `src`: spill TOS, then load it.
inline void push_reg(Gen& g, const Xbyak::Reg64& src) {
    using namespace regs;
    g.sub(DSP, 8);
    g.mov(g.qword[DSP], TOS);
    if (src != TOS) g.mov(TOS, src);
}
inline void push_imm(Gen& g, cell x) {
    using namespace regs;
    g.sub(DSP, 8);
    g.mov(g.qword[DSP], TOS);
    g.mov(TOS, x);
}
// ( x -- ) discard TOS, reload it from memory.
inline void drop(Gen& g) {
    using namespace regs;
    g.mov(TOS, g.qword[DSP]);
    g.add(DSP, 8);
}
// Spill TOS so that the whole stack is in memory at [DSP] (C++'s view), and back.
inline void spill(Gen& g) { push_reg(g, regs::TOS); }
inline void fill(Gen& g) { drop(g); }

// The float stack: FTOS register, the rest at [FSP], growing down.
inline void fpush_reg(Gen& g, const Xbyak::Xmm& src) {
    using namespace regs;
    g.sub(FSP, 8);
    g.movsd(g.qword[FSP], FTOS);
    if (src.getIdx() != FTOS.getIdx()) g.movsd(FTOS, src);
}
inline void fdrop(Gen& g) {
    using namespace regs;
    g.movsd(FTOS, g.qword[FSP]);
    g.add(FSP, 8);
}
inline void fspill(Gen& g) { fpush_reg(g, regs::FTOS); }
inline void ffill(Gen& g) { fdrop(g); }

inline bool fits_i32(cell x) { return x >= INT32_MIN && x <= INT32_MAX; }

// A C++ helper is `void f()` working on vm.ds; helper_entry (asm/runtime)
// moves the stack pointer in and out and turns C++ ForthThrow into THROW.
using HelperFn = void (*)();
void call_helper(Gen& g, HelperFn f);

}  // namespace xf
