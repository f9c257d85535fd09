// SPDX-License-Identifier: MIT
// The inline primitives of STRING, checked at the byte level.
#include "support.h"

using namespace xf;
using namespace xf::test;

namespace {
const Prim* prim_of(const char* name) {
    boot_once();
    Word* w = prim_word(name);
    REQUIRE(w != nullptr);
    REQUIRE(w->prim != nullptr);
    return w->prim;
}
Bytes emitted(const char* name) {
    const Prim* p = prim_of(name);
    return bytes_of([&](Gen& g) { p->emit(g); });
}
Bytes emitted_imm(const char* name, cell n) {
    const Prim* p = prim_of(name);
    REQUIRE(p->emit_imm != nullptr);
    return bytes_of([&](Gen& g) { p->emit_imm(g, n); });
}
}  // namespace

TEST_CASE("-TRAILING bytes: a loop over the last character", "[string]") {
    CHECK(emitted("-TRAILING") == Bytes{
        0x49, 0x8B, 0x07,                        // mov rax,qword [r15]
        0x48, 0x85, 0xDB,                        // loop: test rbx,rbx
        0x7E, 0x0D,                              // jle done
        0x80, 0x7C, 0x18, 0xFF, 0x20,            // cmp byte [rax+rbx*1-1],32
        0x75, 0x06,                              // jne done
        0x48, 0x83, 0xEB, 0x01,                  // sub rbx,1
        0xEB, 0xEE,                              // jmp loop ; done:
    });
}

TEST_CASE("/STRING bytes", "[string]") {
    CHECK(emitted("/STRING") == Bytes{
        0x49, 0x29, 0x1F,                        // sub qword [r15],rbx
        0x49, 0x01, 0x5F, 0x08,                  // add qword [r15+8],rbx
        0x49, 0x8B, 0x1F,                        // mov rbx,qword [r15]
        0x49, 0x83, 0xC7, 0x08,                  // add r15,8
    });
}

TEST_CASE("/STRING after a literal works on the string in place", "[string][peephole]") {
    CHECK(emitted_imm("/STRING", 1) == Bytes{
        0x48, 0x83, 0xEB, 0x01,                  // sub rbx,1
        0x49, 0x83, 0x07, 0x01,                  // add qword [r15],1
    });
    CHECK(emitted_imm("/STRING", -1) == Bytes{
        0x48, 0x83, 0xEB, 0xFF,                  // sub rbx,-1
        0x49, 0x83, 0x07, 0xFF,                  // add qword [r15],-1
    });
    CHECK(emitted_imm("/STRING", 0x100000000) == Bytes{
        0x48, 0xB8, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, // movabs rax,0x100000000
        0x48, 0x29, 0xC3,                        // sub rbx,rax
        0x49, 0x01, 0x07,                        // add qword [r15],rax
    });
}

TEST_CASE("-TRAILING and /STRING inline, standalone and under -O0 agree", "[string]") {
    run(": t-trail -trailing ; : t-skip 2 /string ; : t-skip-n /string ;");
    bool saved = optimize;
    optimize = false;
    run(": t-skip-o0 2 /string ;");
    optimize = saved;
    std::vector<cell> r = run("s\" ab  \" t-trail nip  s\" ab  \" ' -trailing execute nip");
    CHECK(r == std::vector<cell>{2, 2});
    CHECK(run("1000 10 t-skip  1000 10 t-skip-o0  1000 10 2 t-skip-n  1000 10 2 ' /string execute") ==
          std::vector<cell>{1002, 8, 1002, 8, 1002, 8, 1002, 8});
    CHECK(run("1000 0 -trailing") == std::vector<cell>{1000, 0});
}
