// SPDX-License-Identifier: MIT
// Where a debugger finds the caller of native code: for each instruction of
// a code range, the canonical frame address (CFA: the caller's rsp after the
// return) and where the return address is. asm/gdbjit.cpp turns the rows
// into DWARF call-frame instructions.
//
// Forth words have no frame pointer: >R, DO and locals push onto rsp, and a
// helper call realigns rsp and keeps the old value on the stack. So the rows
// come from following rsp through the instructions (Capstone decodes them):
// push/pop/add/sub/lea move it by a known amount; `mov reg, rsp` ... `mov
// rsp, reg` (locals, leave) restore a known depth; a `push rbp` (locals,
// the trampoline, CATCH) is where the caller's rbp is found until it is
// popped, which C++ frames compiled with frame pointers need; after `and rsp, -16` the
// depth is unknown until the old rsp is pushed, and from then on the CFA is
// that saved copy plus a constant; `mov rsp, [rsp+k]` restores it. Control
// flow is followed in address order: a branch target takes the depth of the
// first branch seen to it, and the instruction after a ret or jmp takes its
// depth from there. Where the depth cannot be known (a THROW landing loads
// rsp from memory) the previous row stays: the debugger may then lose the
// thread at that one instruction, never elsewhere.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace xf {

struct CfaRow {
    uint32_t offset;        // from this byte of the range on
    bool saved = false;     // false: CFA = rsp + n; true: CFA = [rsp + k] + n
    int32_t n = 8;
    int32_t k = 0;
    int8_t ra_reg = -1;     // -1: return address at CFA - 8; else the DWARF register holding it
    int8_t rbp_at = -1;     // -1: rbp as in the caller; else the caller's rbp is at CFA - 8 * rbp_at
    bool same_rule(const CfaRow& o) const {
        return saved == o.saved && n == o.n && k == o.k && ra_reg == o.ra_reg && rbp_at == o.rbp_at;
    }
};

// The rows for [code, code+size), which is entered by a call (first row:
// CFA = rsp + 8, return address at CFA - 8). Rows are in offset order and
// each differs from the one before.
std::vector<CfaRow> frame_rows(const void* code, size_t size);

}  // namespace xf
