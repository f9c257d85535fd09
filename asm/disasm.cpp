// SPDX-License-Identifier: MIT
#include "asm/disasm.h"
#include "asm/codemap.h"
#include "asm/capstone.h"
#include <cinttypes>
#include <string>

namespace xf {

// " \ NAME" (or " \ NAME+off") when addr lies in a word's code, else "".
static std::string name_of(uint64_t addr) {
    const Word* w = word_at((const void*)addr);
    if (!w) return "";
    std::string s = " \\ ";
    s += w->name_len ? std::string(w->name_view()) : std::string(":noname");
    uint64_t off = addr - (uint64_t)w->code;
    if (off) s += "+" + std::to_string(off);
    return s;
}

void disassemble(const void* code, size_t size, FILE* out) {
    Disassembler cs;
    if (!cs) {
        fputs("  (the disassembler could not start: is libcapstone4 installed?)\n", out);
        return;
    }
    const auto* p = (const uint8_t*)code;
    uint64_t addr = (uint64_t)p;
    const cs_insn* insn = cs.insn();
    while (size > 0) {
        uint64_t at = addr;
        if (!cs.next(&p, &size, &addr)) {   // a byte Capstone cannot read
            fprintf(out, "  %" PRIX64 "  .byte 0x%02X\n", at, *p);
            ++p, --size, ++addr;
            continue;
        }
        std::string note;
        const cs_x86& x = insn->detail->x86;
        for (int i = 0; i < x.op_count && note.empty(); ++i) {
            const cs_x86_op& op = x.operands[i];
            if (op.type == X86_OP_IMM) note = name_of(uint64_t(op.imm));
            else if (op.type == X86_OP_MEM && op.mem.base == X86_REG_RIP)
                note = name_of(insn->address + insn->size + uint64_t(op.mem.disp));
        }
        if (insn->op_str[0])
            fprintf(out, "  %" PRIX64 "  %-6s %s%s\n", insn->address, insn->mnemonic, insn->op_str, note.c_str());
        else
            fprintf(out, "  %" PRIX64 "  %s\n", insn->address, insn->mnemonic);
    }
}

std::string listing(const void* code, size_t size) {
    Disassembler cs;
    if (!cs) return "(the disassembler could not start)";
    const auto* p = (const uint8_t*)code;
    const uint64_t start = (uint64_t)p, end = start + size;
    uint64_t addr = start;
    const cs_insn* insn = cs.insn();
    std::string out;
    while (size > 0 && cs.next(&p, &size, &addr)) {
        std::string ops = insn->op_str;
        const cs_x86& x = insn->detail->x86;
        if (x.op_count == 1 && x.operands[0].type == X86_OP_IMM && (insn->id == X86_INS_CALL || insn->id == X86_INS_JMP ||
                                                                   cs.in_group(CS_GRP_JUMP))) {
            uint64_t t = uint64_t(x.operands[0].imm);
            if (t >= start && t <= end) ops = "+" + std::to_string(t - start);
            else if (const Word* w = word_at((const void*)t)) ops = std::string(w->name_view());
        }
        if (!out.empty()) out += "; ";
        out += insn->mnemonic;
        if (!ops.empty()) out += " " + ops;
    }
    return out;
}

}  // namespace xf
