// SPDX-License-Identifier: MIT
// The inline primitives of DOUBLE, checked at the byte level (each array
// shows its listing), and each one's inlined body against its standalone
// body and against -O0, on operands that carry or borrow across the cell
// boundary.
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
// `args word` three ways: inlined in a definition (with and without the
// fusion rules) and through the word's standalone body with EXECUTE.
void same_three_ways(const std::string& word, const std::string& args) {
    static int n = 0;
    std::string name = "t-dbl-" + std::to_string(n++);
    bool saved = optimize;
    optimize = true;
    run(": " + name + " " + word + " ;");
    optimize = false;
    run(": " + name + "-o0 " + word + " ;");
    optimize = saved;
    std::vector<cell> inlined = run(args + " " + name);
    CHECK(run(args + " " + name + "-o0") == inlined);
    CHECK(run(args + " ' " + word + " execute") == inlined);
}
}  // namespace

TEST_CASE("D+ bytes", "[double]") {
    CHECK(emitted("D+") == Bytes{
        0x49, 0x8B, 0x07,                        // mov rax,qword [r15]
        0x49, 0x01, 0x47, 0x10,                  // add qword [r15+16],rax
        0x49, 0x13, 0x5F, 0x08,                  // adc rbx,qword [r15+8]
        0x49, 0x83, 0xC7, 0x10,                  // add r15,16
    });
}

TEST_CASE("D- bytes", "[double]") {
    CHECK(emitted("D-") == Bytes{
        0x49, 0x8B, 0x07,                        // mov rax,qword [r15]
        0x49, 0x29, 0x47, 0x10,                  // sub qword [r15+16],rax
        0x49, 0x8B, 0x47, 0x08,                  // mov rax,qword [r15+8]
        0x48, 0x19, 0xD8,                        // sbb rax,rbx
        0x48, 0x89, 0xC3,                        // mov rbx,rax
        0x49, 0x83, 0xC7, 0x10,                  // add r15,16
    });
}

TEST_CASE("DNEGATE bytes", "[double]") {
    CHECK(emitted("DNEGATE") == Bytes{
        0x48, 0xF7, 0xDB,                        // neg rbx
        0x49, 0xF7, 0x1F,                        // neg qword [r15]
        0x48, 0x83, 0xDB, 0x00,                  // sbb rbx,0
    });
}

TEST_CASE("DABS bytes", "[double]") {
    CHECK(emitted("DABS") == Bytes{
        0x48, 0x89, 0xD8,                        // mov rax,rbx
        0x48, 0xC1, 0xF8, 0x3F,                  // sar rax,63
        0x49, 0x31, 0x07,                        // xor qword [r15],rax
        0x48, 0x31, 0xC3,                        // xor rbx,rax
        0x49, 0x29, 0x07,                        // sub qword [r15],rax
        0x48, 0x19, 0xC3,                        // sbb rbx,rax
    });
}

TEST_CASE("D2* bytes", "[double]") {
    CHECK(emitted("D2*") == Bytes{
        0x49, 0xD1, 0x27,                        // shl qword [r15],1
        0x48, 0xD1, 0xD3,                        // rcl rbx,1
    });
}

TEST_CASE("D2/ bytes", "[double]") {
    CHECK(emitted("D2/") == Bytes{
        0x48, 0xD1, 0xFB,                        // sar rbx,1
        0x49, 0xD1, 0x1F,                        // rcr qword [r15],1
    });
}

TEST_CASE("M+ bytes", "[double]") {
    CHECK(emitted("M+") == Bytes{
        0x48, 0x89, 0xD8,                        // mov rax,rbx
        0x48, 0xC1, 0xF8, 0x3F,                  // sar rax,63
        0x49, 0x01, 0x5F, 0x08,                  // add qword [r15+8],rbx
        0x49, 0x8B, 0x1F,                        // mov rbx,qword [r15]
        0x48, 0x11, 0xC3,                        // adc rbx,rax
        0x49, 0x83, 0xC7, 0x08,                  // add r15,8
    });
}

TEST_CASE("D>S bytes", "[double]") {
    CHECK(emitted("D>S") == Bytes{
        0x49, 0x8B, 0x1F,                        // mov rbx,qword [r15]
        0x49, 0x83, 0xC7, 0x08,                  // add r15,8
    });
}

TEST_CASE("D0= bytes", "[double]") {
    CHECK(emitted("D0=") == Bytes{
        0x49, 0x0B, 0x1F,                        // or rbx,qword [r15]
        0x48, 0x83, 0xFB, 0x01,                  // cmp rbx,1
        0x48, 0x19, 0xDB,                        // sbb rbx,rbx
        0x49, 0x83, 0xC7, 0x08,                  // add r15,8
    });
}

TEST_CASE("D0< bytes", "[double]") {
    CHECK(emitted("D0<") == Bytes{
        0x48, 0xC1, 0xFB, 0x3F,                  // sar rbx,63
        0x49, 0x83, 0xC7, 0x08,                  // add r15,8
    });
}

TEST_CASE("D= bytes", "[double]") {
    CHECK(emitted("D=") == Bytes{
        0x49, 0x8B, 0x47, 0x10,                  // mov rax,qword [r15+16]
        0x49, 0x33, 0x07,                        // xor rax,qword [r15]
        0x49, 0x33, 0x5F, 0x08,                  // xor rbx,qword [r15+8]
        0x48, 0x09, 0xC3,                        // or rbx,rax
        0x48, 0x83, 0xFB, 0x01,                  // cmp rbx,1
        0x48, 0x19, 0xDB,                        // sbb rbx,rbx
        0x49, 0x83, 0xC7, 0x18,                  // add r15,24
    });
}

TEST_CASE("D< bytes", "[double]") {
    CHECK(emitted("D<") == Bytes{
        0x49, 0x8B, 0x47, 0x10,                  // mov rax,qword [r15+16]
        0x49, 0x3B, 0x07,                        // cmp rax,qword [r15]
        0x49, 0x8B, 0x47, 0x08,                  // mov rax,qword [r15+8]
        0x48, 0x19, 0xD8,                        // sbb rax,rbx
        0x0F, 0x9C, 0xC0,                        // setl al
        0x0F, 0xB6, 0xD8,                        // movzx ebx,al
        0x48, 0xF7, 0xDB,                        // neg rbx
        0x49, 0x83, 0xC7, 0x18,                  // add r15,24
    });
}

TEST_CASE("DU< bytes", "[double]") {
    CHECK(emitted("DU<") == Bytes{
        0x49, 0x8B, 0x47, 0x10,                  // mov rax,qword [r15+16]
        0x49, 0x3B, 0x07,                        // cmp rax,qword [r15]
        0x49, 0x8B, 0x47, 0x08,                  // mov rax,qword [r15+8]
        0x48, 0x19, 0xD8,                        // sbb rax,rbx
        0x48, 0x19, 0xDB,                        // sbb rbx,rbx
        0x49, 0x83, 0xC7, 0x18,                  // add r15,24
    });
}

TEST_CASE("DMAX bytes", "[double]") {
    CHECK(emitted("DMAX") == Bytes{
        0x49, 0x8B, 0x47, 0x10,                  // mov rax,qword [r15+16]
        0x49, 0x3B, 0x07,                        // cmp rax,qword [r15]
        0x49, 0x8B, 0x47, 0x08,                  // mov rax,qword [r15+8]
        0x48, 0x19, 0xD8,                        // sbb rax,rbx
        0x49, 0x8B, 0x47, 0x10,                  // mov rax,qword [r15+16]
        0x49, 0x8B, 0x4F, 0x08,                  // mov rcx,qword [r15+8]
        0x49, 0x8B, 0x17,                        // mov rdx,qword [r15]
        0x48, 0x0F, 0x4C, 0xC2,                  // cmovl rax,rdx
        0x48, 0x0F, 0x4D, 0xD9,                  // cmovge rbx,rcx
        0x49, 0x89, 0x47, 0x10,                  // mov qword [r15+16],rax
        0x49, 0x83, 0xC7, 0x10,                  // add r15,16
    });
}

TEST_CASE("DMIN bytes", "[double]") {
    CHECK(emitted("DMIN") == Bytes{
        0x49, 0x8B, 0x47, 0x10,                  // mov rax,qword [r15+16]
        0x49, 0x3B, 0x07,                        // cmp rax,qword [r15]
        0x49, 0x8B, 0x47, 0x08,                  // mov rax,qword [r15+8]
        0x48, 0x19, 0xD8,                        // sbb rax,rbx
        0x49, 0x8B, 0x47, 0x10,                  // mov rax,qword [r15+16]
        0x49, 0x8B, 0x4F, 0x08,                  // mov rcx,qword [r15+8]
        0x49, 0x8B, 0x17,                        // mov rdx,qword [r15]
        0x48, 0x0F, 0x4D, 0xC2,                  // cmovge rax,rdx
        0x48, 0x0F, 0x4C, 0xD9,                  // cmovl rbx,rcx
        0x49, 0x89, 0x47, 0x10,                  // mov qword [r15+16],rax
        0x49, 0x83, 0xC7, 0x10,                  // add r15,16
    });
}

TEST_CASE("2ROT bytes", "[double]") {
    CHECK(emitted("2ROT") == Bytes{
        0x49, 0x8B, 0x47, 0x20,                  // mov rax,qword [r15+32]
        0x49, 0x8B, 0x4F, 0x18,                  // mov rcx,qword [r15+24]
        0x49, 0x8B, 0x57, 0x10,                  // mov rdx,qword [r15+16]
        0x49, 0x89, 0x57, 0x20,                  // mov qword [r15+32],rdx
        0x49, 0x8B, 0x57, 0x08,                  // mov rdx,qword [r15+8]
        0x49, 0x89, 0x57, 0x18,                  // mov qword [r15+24],rdx
        0x49, 0x8B, 0x17,                        // mov rdx,qword [r15]
        0x49, 0x89, 0x57, 0x10,                  // mov qword [r15+16],rdx
        0x49, 0x89, 0x5F, 0x08,                  // mov qword [r15+8],rbx
        0x49, 0x89, 0x07,                        // mov qword [r15],rax
        0x48, 0x89, 0xCB,                        // mov rbx,rcx
    });
}

TEST_CASE("M+ after a literal fuses into add/adc with immediates", "[double][peephole]") {
    CHECK(emitted_imm("M+", 1) == Bytes{
        0x49, 0x83, 0x07, 0x01,                  // add qword [r15],1
        0x48, 0x83, 0xD3, 0x00,                  // adc rbx,0
    });
    CHECK(emitted_imm("M+", -1) == Bytes{
        0x49, 0x83, 0x07, 0xFF,                  // add qword [r15],-1
        0x48, 0x83, 0xD3, 0xFF,                  // adc rbx,-1
    });
    CHECK(emitted_imm("M+", 0x100000000) == Bytes{
        0x48, 0xB8, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, // movabs rax,0x100000000
        0x49, 0x01, 0x07,                        // add qword [r15],rax
        0x48, 0x83, 0xD3, 0x00,                  // adc rbx,0
    });
}

TEST_CASE("double primitives: inlined, -O0 and standalone bodies agree", "[double]") {
    const std::string carry = "-1 0 1 0 ", borrow = "0 1 1 0 ", extremes = "-1 $7FFFFFFFFFFFFFFF 0 $8000000000000000 ";
    for (const char* w : {"d+", "d-", "d=", "d<", "du<", "dmax", "dmin"}) {
        same_three_ways(w, carry);
        same_three_ways(w, borrow);
        same_three_ways(w, extremes);
        same_three_ways(w, "5 0 5 0 ");
    }
    for (const char* w : {"dnegate", "dabs", "d2*", "d2/", "d0=", "d0<", "d>s"}) {
        same_three_ways(w, "0 1 ");
        same_three_ways(w, "1 0 ");
        same_three_ways(w, "-1 -1 ");
        same_three_ways(w, "0 $8000000000000000 ");
        same_three_ways(w, "0 0 ");
    }
    same_three_ways("m+", "-1 0 1 ");
    same_three_ways("m+", "0 1 -1 ");
    run(": t-m+1 1 m+ ; : t-m+-1 -1 m+ ;");
    CHECK(run("-1 0 t-m+1 0 0 t-m+-1") == run("-1 0 1 ' m+ execute 0 0 -1 ' m+ execute"));
    same_three_ways("2rot", "1 2 3 4 5 6 ");
}

TEST_CASE("double primitives: results at the cell boundary", "[double]") {
    CHECK(run("-1 0 1 0 d+") == std::vector<cell>{0, 1});
    CHECK(run("0 1 1 0 d-") == std::vector<cell>{-1, 0});
    CHECK(run("0 1 dnegate 1 0 dnegate") == std::vector<cell>{0, -1, -1, -1});
    CHECK(run("0 -1 dabs") == std::vector<cell>{0, 1});
    CHECK(run("$8000000000000000 0 d2* 0 1 d2/") == std::vector<cell>{0, 1, INT64_MIN, 0});
    CHECK(run("-1 0 0 1 d< -1 0 0 1 du< 0 -1 0 0 d< 0 -1 0 0 du<") == std::vector<cell>{-1, -1, -1, 0});
    CHECK(run("1 -1 0 0 dmax 1 -1 0 0 dmin") == std::vector<cell>{0, 0, 1, -1});
    CHECK(run("1 0 1 0 d= 1 0 1 1 d= 0 0 d0= 0 1 d0=") == std::vector<cell>{-1, 0, -1, 0});
}

TEST_CASE("M*/ agrees with 128-bit floored division where the product fits", "[double]") {
    uint64_t seed = 0x9E3779B97F4A7C15ull;
    auto next = [&] { seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17; return seed; };
    for (int i = 0; i < 300; ++i) {
        cell d = cell(next());           // a double that is one sign-extended cell
        cell n1 = cell(next()) >> (next() % 63);
        cell n2 = cell(next()) >> (next() % 63);
        if (n2 == 0) n2 = 1;
        dcell p = dcell(d) * n1;         // |p| < 2^126: no overflow
        dcell q = p / n2;
        if ((p % n2 != 0) && ((p < 0) != (n2 < 0))) --q;   // floored
        std::string src = std::to_string(d) + " s>d " + std::to_string(n1) + " " + std::to_string(n2) + " m*/";
        std::vector<cell> expected{cell(ucell(udcell(q))), cell(ucell(udcell(q) >> 64))};
        INFO(src);
        CHECK(run(src) == expected);
    }
}

TEST_CASE("M*/ throws -10 on a zero divisor and -11 when the quotient does not fit", "[double]") {
    CHECK(throw_of("1. 1 0 m*/") == -10);
    CHECK(throw_of("-1 $7FFFFFFFFFFFFFFF 2 1 m*/") == -11);
    CHECK(throw_of("0 $8000000000000000 1 -1 m*/") == -11);
    CHECK(throw_of("0 $8000000000000000 1 1 m*/") == 0);
}
