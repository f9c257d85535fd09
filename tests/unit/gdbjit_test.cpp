// SPDX-License-Identifier: MIT
// The frame rules of asm/cfi.h on sequences of the shapes xforth emits, and
// the ELF object of asm/gdbjit.h read back through its own headers.
#include "asm/cfi.h"
#include "asm/gdbjit.h"
#include <catch2/catch.hpp>
#include <cstring>
#include <elf.h>
#include <xbyak/xbyak.h>

using namespace xf;
using namespace Xbyak::util;

namespace {

struct Code : Xbyak::CodeGenerator {
    Code() : Xbyak::CodeGenerator(4096, Xbyak::DontSetProtectRWE) {}
    std::vector<CfaRow> rows() { return frame_rows(getCode(), getSize()); }
    uint32_t here() const { return uint32_t(getSize()); }
};

// The rule in force at byte `at`.
CfaRow rule_at(const std::vector<CfaRow>& rows, uint32_t at) {
    CfaRow r = rows.front();
    for (const CfaRow& x : rows)
        if (x.offset <= at) r = x;
    return r;
}

}  // namespace

TEST_CASE("frame rules follow pushes and pops", "[gdbjit]") {
    Code c;
    c.push(rbx);            // >R
    uint32_t after_push = c.here();
    c.push(r13);            // DO
    c.push(r14);
    uint32_t in_loop = c.here();
    c.call(c.rax);
    c.pop(r14);
    c.pop(r13);
    uint32_t after_loop = c.here();
    c.pop(rbx);
    uint32_t at_ret = c.here();
    c.ret();
    auto rows = c.rows();
    CHECK(rule_at(rows, 0).n == 8);
    CHECK(rule_at(rows, after_push).n == 16);
    CHECK(rule_at(rows, in_loop).n == 32);
    CHECK(rule_at(rows, after_loop).n == 16);
    CHECK(rule_at(rows, at_ret).n == 8);
    for (const CfaRow& r : rows) CHECK_FALSE(r.saved);
}

TEST_CASE("a helper call's realigned rsp is found through its saved copy", "[gdbjit]") {
    Code c;   // the shape of call_helper (asm/runtime.cpp), after a >R
    c.push(rbx);
    c.mov(rax, rsp);
    c.mov(rdx, rax);
    c.and_(rsp, -16);
    c.push(rax);
    c.push(rax);
    uint32_t aligned = c.here();
    c.mov(rax, 0x1234);
    c.call(rax);
    uint32_t after_call = c.here();
    c.mov(rsp, c.qword[rsp]);
    uint32_t restored = c.here();
    c.pop(rbx);
    c.ret();
    auto rows = c.rows();
    CfaRow r = rule_at(rows, after_call);
    CHECK(r.saved);
    CHECK(r.k == 0);
    CHECK(r.n == 16);   // [rsp] is rsp after the push of rbx: CFA = that + 16
    CHECK(rule_at(rows, aligned).saved);
    CHECK_FALSE(rule_at(rows, restored).saved);
    CHECK(rule_at(rows, restored).n == 16);
}

TEST_CASE("a locals frame is left through rbp", "[gdbjit]") {
    Code c;
    c.push(rbp);
    c.mov(rbp, rsp);
    c.sub(rsp, 24);
    uint32_t body = c.here();
    c.call(rax);
    c.mov(rsp, rbp);
    uint32_t left = c.here();
    c.pop(rbp);
    uint32_t at_ret = c.here();
    c.ret();
    auto rows = c.rows();
    CHECK(rule_at(rows, body).n == 40);
    CHECK(rule_at(rows, left).n == 16);
    CHECK(rule_at(rows, at_ret).n == 8);
    // The caller's rbp is in the slot pushed first, at CFA - 16, until it is popped.
    CHECK(rule_at(rows, 0).rbp_at == -1);
    CHECK(rule_at(rows, body).rbp_at == 2);
    CHECK(rule_at(rows, left).rbp_at == 2);
    CHECK(rule_at(rows, at_ret).rbp_at == -1);
}

TEST_CASE("CATCH's frame keeps the caller's rbp until it is dropped", "[gdbjit]") {
    Code c;   // the shape of emit_catch (asm/runtime.cpp)
    c.push(c.qword[rcx]);
    c.push(r15);
    c.push(r13);
    c.push(r14);
    c.push(r12);
    c.push(rbp);
    uint32_t framed = c.here();
    c.call(c.qword[rax]);
    c.add(rsp, 48);
    uint32_t dropped = c.here();
    c.ret();
    auto rows = c.rows();
    CHECK(rule_at(rows, framed).n == 56);
    CHECK(rule_at(rows, framed).rbp_at == 7);
    CHECK(rule_at(rows, dropped).n == 8);
    CHECK(rule_at(rows, dropped).rbp_at == -1);
}

TEST_CASE("code after an exit takes the depth of the branch to it", "[gdbjit]") {
    Code c;   // 2 0 DO ... IF UNLOOP EXIT THEN ... LOOP
    Xbyak::Label then;
    c.push(r13);
    c.push(r14);
    c.test(rbx, rbx);
    c.jz(then, Xbyak::CodeGenerator::T_NEAR);
    c.pop(r14);
    c.pop(r13);
    c.ret();
    c.L(then);
    uint32_t at_then = c.here();
    c.call(rax);
    c.pop(r14);
    c.pop(r13);
    c.ret();
    c.ready();
    auto rows = c.rows();
    CHECK(rule_at(rows, at_then).n == 24);
}

TEST_CASE("a primitive that pops its return address keeps it in a register", "[gdbjit]") {
    Code c;   // Prim::rstack bodies: pop r11 ... jmp r11
    c.pop(r11);
    uint32_t body = c.here();
    c.push(rbx);
    c.pop(rbx);
    c.jmp(r11);
    auto rows = c.rows();
    CfaRow r = rule_at(rows, body);
    CHECK(r.n == 0);
    CHECK(r.ra_reg == 11);
}

TEST_CASE("the JIT object is an ELF file naming each symbol at its address", "[gdbjit]") {
    static const unsigned char code[64] = {0xc3};
    std::vector<CodeSymbol> syms{{code, 16, "first"}, {code + 32, 8, "second word"}};
    std::vector<unsigned char> elf = gdb_object(syms);
    REQUIRE(elf.size() > sizeof(Elf64_Ehdr));
    Elf64_Ehdr eh;
    memcpy(&eh, elf.data(), sizeof eh);
    CHECK(memcmp(eh.e_ident, ELFMAG, SELFMAG) == 0);
    CHECK(eh.e_machine == EM_X86_64);
    REQUIRE(eh.e_shoff + eh.e_shnum * sizeof(Elf64_Shdr) <= elf.size());
    std::vector<Elf64_Shdr> sh(eh.e_shnum);
    memcpy(sh.data(), elf.data() + eh.e_shoff, eh.e_shnum * sizeof(Elf64_Shdr));
    auto section = [&](const char* name) -> const Elf64_Shdr* {
        for (const Elf64_Shdr& s : sh)
            if (!strcmp((const char*)elf.data() + sh[eh.e_shstrndx].sh_offset + s.sh_name, name)) return &s;
        return nullptr;
    };
    const Elf64_Shdr* text = section(".text");
    const Elf64_Shdr* symtab = section(".symtab");
    REQUIRE(text);
    REQUIRE(symtab);
    REQUIRE(section(".eh_frame"));
    CHECK(text->sh_addr == (uintptr_t)code);
    CHECK(text->sh_size == 40);
    const Elf64_Shdr& strtab = sh[symtab->sh_link];
    REQUIRE(symtab->sh_size == 3 * sizeof(Elf64_Sym));
    for (size_t i = 1; i < 3; ++i) {
        Elf64_Sym s;
        memcpy(&s, elf.data() + symtab->sh_offset + i * sizeof s, sizeof s);
        CHECK(std::string((const char*)elf.data() + strtab.sh_offset + s.st_name) == syms[i - 1].name);
        CHECK(text->sh_addr + s.st_value == (uintptr_t)syms[i - 1].start);
        CHECK(s.st_size == syms[i - 1].size);
        CHECK(ELF64_ST_TYPE(s.st_info) == STT_FUNC);
    }
}
