// SPDX-License-Identifier: MIT
// Code memory: one shared memory object mapped twice, read+execute where code runs
// and read+write at a fixed distance where bytes are written. No page of the
// process is ever writable and executable at once (W^X).
//
// Every address handed to the rest of the system is an RX address. Code is
// assembled straight into the RW view; a call or jump to an RX target T is
// assembled as a call to T + delta, which gives the same rel32 because the
// call site is also displaced by delta. Branches inside a definition are
// position-independent already.
#pragma once
#include <cstddef>
#include <cstdint>
#include <xbyak/xbyak.h>

namespace xf {

struct CodeMemory {
    uint8_t* rx = nullptr;
    uint8_t* rw = nullptr;
    size_t size = 0;
    size_t used = 0;
    ptrdiff_t delta() const { return rw - rx; }
    bool contains(const void* p) const { return (const uint8_t*)p >= rx && (const uint8_t*)p < rx + used; }
};
extern CodeMemory codemem;

void init_code_memory(size_t size = 256u << 20);

// An assembler positioned at the next free byte of code memory. finish()
// commits what was written and returns its RX address; a Gen dropped without
// finish() leaves code memory as it was.
class Gen : public Xbyak::CodeGenerator {
public:
    Gen();
    // The one assembler colon definitions are assembled with, positioned at
    // the next free byte: constructing an Xbyak::CodeGenerator (some 300
    // register operands) for every definition costs more than a small
    // definition's assembly. Not for nested use: one definition at a time.
    static Gen& reused();
    void* finish(size_t* size_out = nullptr);
    // RX address of the next byte assembled.
    const uint8_t* rx_curr() const { return getCurr() - codemem.delta(); }
    void call_rx(const void* target) { call((const void*)((const uint8_t*)target + codemem.delta())); }
    void jmp_rx(const void* target) { jmp((const void*)((const uint8_t*)target + codemem.delta()), T_NEAR); }
};

}  // namespace xf
