// SPDX-License-Identifier: MIT
#include "asm/cfi.h"
#include <array>
#include "asm/capstone.h"
#include <map>
#include <optional>

namespace xf {

// -- Registers ---------------------------------------------------------------------

// DWARF numbers of the x86-64 general registers (System V psABI): rax rdx rcx
// rbx rsi rdi rbp rsp r8..r15 = 0..15; -1 for any other register.
static int dwarf_reg(unsigned r) {
    static const std::array<std::array<unsigned, 5>, 16> names = {{
        {X86_REG_RAX, X86_REG_EAX, X86_REG_AX, X86_REG_AL, X86_REG_AH},
        {X86_REG_RDX, X86_REG_EDX, X86_REG_DX, X86_REG_DL, X86_REG_DH},
        {X86_REG_RCX, X86_REG_ECX, X86_REG_CX, X86_REG_CL, X86_REG_CH},
        {X86_REG_RBX, X86_REG_EBX, X86_REG_BX, X86_REG_BL, X86_REG_BH},
        {X86_REG_RSI, X86_REG_ESI, X86_REG_SI, X86_REG_SIL, X86_REG_SIL},
        {X86_REG_RDI, X86_REG_EDI, X86_REG_DI, X86_REG_DIL, X86_REG_DIL},
        {X86_REG_RBP, X86_REG_EBP, X86_REG_BP, X86_REG_BPL, X86_REG_BPL},
        {X86_REG_RSP, X86_REG_ESP, X86_REG_SP, X86_REG_SPL, X86_REG_SPL},
        {X86_REG_R8, X86_REG_R8D, X86_REG_R8W, X86_REG_R8B, X86_REG_R8B},
        {X86_REG_R9, X86_REG_R9D, X86_REG_R9W, X86_REG_R9B, X86_REG_R9B},
        {X86_REG_R10, X86_REG_R10D, X86_REG_R10W, X86_REG_R10B, X86_REG_R10B},
        {X86_REG_R11, X86_REG_R11D, X86_REG_R11W, X86_REG_R11B, X86_REG_R11B},
        {X86_REG_R12, X86_REG_R12D, X86_REG_R12W, X86_REG_R12B, X86_REG_R12B},
        {X86_REG_R13, X86_REG_R13D, X86_REG_R13W, X86_REG_R13B, X86_REG_R13B},
        {X86_REG_R14, X86_REG_R14D, X86_REG_R14W, X86_REG_R14B, X86_REG_R14B},
        {X86_REG_R15, X86_REG_R15D, X86_REG_R15W, X86_REG_R15B, X86_REG_R15B},
    }};
    for (int i = 0; i < 16; ++i)
        for (unsigned n : names[size_t(i)])
            if (n == r) return i;
    return -1;
}
constexpr int RSP = 7, RBP = 6;

// -- The frame state ------------------------------------------------------------

// Depths count the bytes pushed since entry (the return address excluded),
// so CFA = rsp + 8 + depth.
struct State {
    enum Kind : uint8_t { Known, Aligned, Saved, Lost } kind = Known;
    int depth = 0;   // Known: now; Aligned, Saved: when rsp was aligned
    int k = 0;       // Saved: the rsp of `depth` is at [rsp + k]
    int8_t ra_reg = -1;
    std::optional<int> rbp_saved;   // Known: the depth whose slot holds the caller's rbp
    std::array<std::optional<int>, 16> copy{};   // register r holds rsp as it was at depth copy[r]

    std::optional<CfaRow> row(uint32_t offset) const {
        int8_t rbp_at = rbp_saved ? int8_t((8 + *rbp_saved) / 8) : int8_t(-1);
        if (kind == Known && depth >= -8) return CfaRow{offset, false, 8 + depth, 0, ra_reg, rbp_at};
        if (kind == Saved) return CfaRow{offset, true, 8 + depth, k, ra_reg, rbp_at};
        return std::nullopt;
    }
    void push(int reg) {
        if (kind == Known) {
            if (reg >= 0 && reg == ra_reg && depth == -8) ra_reg = -1;   // the return address goes back
            depth += 8;
            if (reg == RBP && !rbp_saved) rbp_saved = depth;
        } else if (kind == Aligned || kind == Saved) {
            if (reg >= 0 && copy[size_t(reg)] == depth) kind = Saved, k = 0;
            else k += 8;
        }
    }
    void pop(int reg) {
        if (kind == Known) {
            if (depth == 0 && reg >= 0) ra_reg = int8_t(reg);   // popped the return address
            if (reg == RBP && rbp_saved == depth) rbp_saved.reset();
            depth -= 8;
        } else if (kind == Saved && (k -= 8) < 0) {
            kind = Lost;
        }
    }
    void move(int by) {   // rsp += by
        if (kind == Known) depth -= by;
        else if (kind == Saved && (k += by) < 0) kind = Lost;
        else if (kind == Aligned) kind = Lost;
        forget_dropped_rbp();
    }
    void set(std::optional<int> d) {   // rsp = the rsp of depth d
        kind = d ? Known : Lost;
        if (d) depth = *d;
        forget_dropped_rbp();
    }
    void forget_dropped_rbp() {   // its slot was dropped with the stack above it
        if (kind == Lost || (kind == Known && rbp_saved && depth < *rbp_saved)) rbp_saved.reset();
    }
};

// An instruction that writes rsp other than by push, pop, call or ret.
static void write_rsp(State& s, const cs_insn* insn) {
    const cs_x86& x = insn->detail->x86;
    const cs_x86_op* src = x.op_count > 1 ? &x.operands[1] : nullptr;
    switch (insn->id) {
    case X86_INS_ADD:
    case X86_INS_SUB:
        if (src && src->type == X86_OP_IMM) s.move(int(insn->id == X86_INS_ADD ? src->imm : -src->imm));
        else s.kind = State::Lost;
        return;
    case X86_INS_AND:
        s.kind = s.kind == State::Known ? State::Aligned : State::Lost;
        s.k = 0;
        return;
    case X86_INS_MOV:
        if (src && src->type == X86_OP_REG && dwarf_reg(src->reg) >= 0) return s.set(s.copy[size_t(dwarf_reg(src->reg))]);
        if (src && src->type == X86_OP_MEM && dwarf_reg(src->mem.base) == RSP && src->mem.index == X86_REG_INVALID &&
            s.kind == State::Saved && src->mem.disp == s.k)
            return s.set(s.depth);
        s.kind = State::Lost;
        return;
    case X86_INS_LEA:
        if (src && src->mem.index == X86_REG_INVALID && dwarf_reg(src->mem.base) == RSP) return s.move(int(src->mem.disp));
        if (src && src->mem.index == X86_REG_INVALID && dwarf_reg(src->mem.base) >= 0) {
            auto c = s.copy[size_t(dwarf_reg(src->mem.base))];
            return s.set(c ? std::optional<int>(*c - int(src->mem.disp)) : std::nullopt);
        }
        s.kind = State::Lost;
        return;
    case X86_INS_LEAVE: {   // rsp = rbp; pop rbp
        auto c = s.copy[RBP];
        s.set(c ? std::optional<int>(*c - 8) : std::nullopt);
        s.rbp_saved.reset();
        return;
    }
    default:
        s.kind = State::Lost;
    }
}

// -- Following the code -----------------------------------------------------------

std::vector<CfaRow> frame_rows(const void* code, size_t size) {
    std::vector<CfaRow> rows{CfaRow{0}};
    Disassembler cs;
    if (!cs) return rows;
    const auto* p = (const uint8_t*)code;
    const uint64_t start = (uint64_t)p, end = start + size;
    uint64_t addr = start;
    const cs_insn* insn = cs.insn();
    State s;
    bool dead = false;                    // after a ret or jmp
    std::map<uint64_t, State> targets;    // branch targets ahead, with the state of the first branch there
    while (size > 0) {
        uint64_t at = addr;
        if (auto t = targets.find(at); t != targets.end() && dead) s = t->second;
        dead = false;
        if (auto r = s.row(uint32_t(at - start)); r && !r->same_rule(rows.back())) {
            if (r->offset == rows.back().offset) rows.back() = *r;
            else rows.push_back(*r);
        }
        if (!cs.next(&p, &size, &addr)) {   // not an instruction: step over the byte
            ++p, --size, ++addr;
            continue;
        }
        const cs_x86& x = insn->detail->x86;
        const cs_x86_op* dst = x.op_count > 0 ? &x.operands[0] : nullptr;
        // A register that now holds a known rsp, before the writes below forget it.
        std::optional<int> new_copy;
        int copy_to = -1;
        if (insn->id == X86_INS_MOV && dst && dst->type == X86_OP_REG && x.operands[1].type == X86_OP_REG) {
            copy_to = dwarf_reg(dst->reg);
            int from = dwarf_reg(x.operands[1].reg);
            if (from == RSP && s.kind == State::Known) new_copy = s.depth;
            else if (from >= 0 && from != RSP) new_copy = s.copy[size_t(from)];
        }
        cs_regs read, written;
        uint8_t nread = 0, nwritten = 0;
        if (!cs.regs_access(read, &nread, written, &nwritten)) nwritten = 0;
        bool writes_rsp = false;
        for (uint8_t i = 0; i < nwritten; ++i) {
            int r = dwarf_reg(written[i]);
            if (r == RSP) writes_rsp = true;
            else if (r >= 0) s.copy[size_t(r)].reset();
        }
        bool jump = cs.in_group(CS_GRP_JUMP);
        switch (insn->id) {
        case X86_INS_PUSH: s.push(dst && dst->type == X86_OP_REG ? dwarf_reg(dst->reg) : -1); break;
        case X86_INS_POP: s.pop(dst && dst->type == X86_OP_REG ? dwarf_reg(dst->reg) : -1); break;
        case X86_INS_CALL:   // the callee may clobber every caller-saved register
            for (int r : {0, 1, 2, 4, 5, 8, 9, 10, 11}) s.copy[size_t(r)].reset();
            break;
        case X86_INS_RET: dead = true; break;
        default:
            if (writes_rsp && !jump) write_rsp(s, insn);
        }
        if (copy_to >= 0 && copy_to != RSP) s.copy[size_t(copy_to)] = new_copy;
        if (jump) {
            if (dst && dst->type == X86_OP_IMM && uint64_t(dst->imm) > at && uint64_t(dst->imm) < end)
                targets.try_emplace(uint64_t(dst->imm), s);
            if (insn->id == X86_INS_JMP) dead = true;
        }
    }
    return rows;
}

}  // namespace xf
