// SPDX-License-Identifier: MIT
// Capstone, loaded by the first disassembly instead of linked: the library's
// 80,000 relocations would cost every start-up about as much as the rest of
// xforth's start-up, and most sessions never disassemble (SEE, --gdb).
#pragma once
#include <capstone/capstone.h>
#include <cstddef>
#include <cstdint>

namespace xf {

// The Capstone functions xforth uses.
struct Capstone {
    decltype(&::cs_open) open = nullptr;
    decltype(&::cs_option) option = nullptr;
    decltype(&::cs_malloc) malloc = nullptr;
    decltype(&::cs_disasm_iter) disasm_iter = nullptr;
    decltype(&::cs_insn_group) insn_group = nullptr;
    decltype(&::cs_regs_access) regs_access = nullptr;
    decltype(&::cs_free) free = nullptr;
    decltype(&::cs_close) close = nullptr;
};

// The library, loaded on the first call; nullptr when it cannot be loaded.
const Capstone* capstone();

// An x86-64 handle with instruction details on and one instruction buffer;
// false when Capstone is missing. Closed at the end of its scope.
class Disassembler {
public:
    Disassembler();
    ~Disassembler();
    Disassembler(const Disassembler&) = delete;
    Disassembler& operator=(const Disassembler&) = delete;
    explicit operator bool() const { return cs_ != nullptr; }

    // Decodes the instruction at *p into insn() and steps past it.
    bool next(const uint8_t** p, size_t* size, uint64_t* addr) { return cs_->disasm_iter(h_, p, size, addr, insn_); }
    const cs_insn* insn() const { return insn_; }
    bool in_group(cs_group_type g) const { return cs_->insn_group(h_, insn_, g); }
    bool regs_access(cs_regs read, uint8_t* nread, cs_regs written, uint8_t* nwritten) const {
        return cs_->regs_access(h_, insn_, read, nread, written, nwritten) == CS_ERR_OK;
    }

private:
    const Capstone* cs_;
    csh h_ = 0;
    cs_insn* insn_ = nullptr;
};

}  // namespace xf
