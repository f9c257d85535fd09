// SPDX-License-Identifier: MIT
// A primitive: name, stack comment, flags and the emitter of its inline code.
// `emit_imm`, when present, is the fused form used when a literal precedes the
// primitive (asm/peephole.cpp). A primitive gets a callable body (its code
// plus `ret`) so that `' + EXECUTE` works.
#pragma once
#include "asm/codemem.h"
#include "core/vm.h"

namespace xf {

// x86 condition codes, in encoding order (so that c ^ 1 is the negation).
enum class Cond : int8_t { None = -1, O, NO, B, AE, E, NE, BE, A, S, NS, P, NP, L, GE, LE, G };
inline Cond negate(Cond c) { return Cond(int8_t(c) ^ 1); }

struct Prim {
    const char* name;
    const char* stack;   // stack comment, shown by tools and checked by tests
    void (*emit)(Gen&);
    void (*emit_imm)(Gen&, cell) = nullptr;
    uint8_t flags = 0;   // WordFlags
    bool rstack = false; // touches the return stack: body runs with the return address popped
    // Comparisons: the condition under which the flag is true, after
    // `cmp second, top`, or after `test top, top` for the zero comparisons.
    // The fusion rules use it to branch on the comparison directly.
    Cond cond = Cond::None;
    bool zero_compare = false;
    mutable int8_t model_sem = -1;   // asm/stackmodel.cpp's cache: what its model knows this as
};

// A word implemented in C++ behind a call stub.
struct HelperDef {
    const char* name;
    const char* stack;
    void (*fn)();
    uint8_t flags = 0;
};

}  // namespace xf
