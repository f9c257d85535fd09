// SPDX-License-Identifier: MIT
// Float primitives at the byte level: FTOS is xmm8, the second float is at
// [r12]; each test shows the listing beside the bytes, then runs the word.
#include "support.h"

using namespace xf;
using namespace xf::test;

namespace {
Bytes emitted(const char* name) {
    return bytes_of([&](Gen& g) { prim_word(name)->prim->emit(g); });
}
}  // namespace

TEST_CASE("F+ adds the second float into FTOS", "[float]") {
    // addsd xmm8, [r12] ; add r12, 8
    CHECK(emitted("F+") == Bytes{0xF2, 0x45, 0x0F, 0x58, 0x04, 0x24,
                                 0x49, 0x83, 0xC4, 0x08});
    CHECK(run("1.5e 2.25e f+ 3.75e f=") == std::vector<cell>{-1});
}

TEST_CASE("F- computes second minus top through xmm0", "[float]") {
    // movsd xmm0, [r12] ; subsd xmm0, xmm8 ; movsd xmm8, xmm0 ; add r12, 8
    CHECK(emitted("F-") == Bytes{0xF2, 0x41, 0x0F, 0x10, 0x04, 0x24,
                                 0xF2, 0x41, 0x0F, 0x5C, 0xC0,
                                 0xF2, 0x44, 0x0F, 0x10, 0xC0,
                                 0x49, 0x83, 0xC4, 0x08});
    CHECK(run("5e 2e f- f>s") == std::vector<cell>{3});
}

TEST_CASE("F< leaves cmpltsd's mask as the flag", "[float]") {
    // movsd xmm0, [r12] ; cmpltsd xmm0, xmm8 ; movsd xmm8, [r12+8] ; add r12, 16
    // sub r15, 8 ; mov [r15], rbx ; movq rbx, xmm0
    CHECK(emitted("F<") == Bytes{0xF2, 0x41, 0x0F, 0x10, 0x04, 0x24,
                                 0xF2, 0x41, 0x0F, 0xC2, 0xC0, 0x01,
                                 0xF2, 0x45, 0x0F, 0x10, 0x44, 0x24, 0x08,
                                 0x49, 0x83, 0xC4, 0x10,
                                 0x49, 0x83, 0xEF, 0x08,
                                 0x49, 0x89, 0x1F,
                                 0x66, 0x48, 0x0F, 0x7E, 0xC3});
    CHECK(run("1e 2e f< 2e 1e f< 0e 0e f/ 1e f<") == std::vector<cell>{-1, 0, 0});
}

TEST_CASE("F@ spills FTOS and loads from the address in TOS", "[float]") {
    // sub r12, 8 ; movsd [r12], xmm8 ; movsd xmm8, [rbx] ; mov rbx, [r15] ; add r15, 8
    CHECK(emitted("F@") == Bytes{0x49, 0x83, 0xEC, 0x08,
                                 0xF2, 0x45, 0x0F, 0x11, 0x04, 0x24,
                                 0xF2, 0x44, 0x0F, 0x10, 0x03,
                                 0x49, 0x8B, 0x1F,
                                 0x49, 0x83, 0xC7, 0x08});
    CHECK(run("fvariable t-fv 2.5e t-fv f! 7 t-fv f@ f>s") == std::vector<cell>{7, 2});
}

TEST_CASE("a float literal in a definition is an FLit op: an operand under the model, pushed under -O0", "[float]") {
    bool saved = optimize;
    optimize = false;
    run(": t-flit-o0 0.5e f+ ;");
    optimize = true;
    run(": t-flit 0.5e f+ ;");
    optimize = saved;
    CHECK(listing_of("t-flit") == "movabs r11, 0x3fe0000000000000; movq xmm15, r11; addsd xmm8, xmm15; ret");
    CHECK(listing_of("t-flit-o0").find("movq xmm0, rax") != std::string::npos);
    CHECK(run("1e t-flit 1.5e f= 1e t-flit-o0 1.5e f=") == std::vector<cell>{-1, -1});
}

TEST_CASE("fetch-arith: F@ before F+ F- F* F/ is the arithmetic instruction's memory operand", "[float]") {
    using Cells = std::vector<cell>;
    run("create t-fa 2e f, 8e f,");
    bool saved = optimize;
    optimize = true;
    run(": t-fmul ( addr -- ) ( F: r -- r' ) f@ f* ;  : t-fdiv ( addr -- ) ( F: r -- r' ) float+ f@ f/ ;");
    run(": t-fsub-to ( addr -- ) ( F: r -- ) dup f@ fswap f- f! ;");
    optimize = false;
    run(": t-fdiv-o0 float+ f@ f/ ;  : t-fsub-to-o0 dup f@ fswap f- f! ;");
    optimize = saved;
    CHECK(listing_of("t-fmul") == "mulsd xmm8, qword ptr [rbx]; mov rbx, qword ptr [r15]; lea r15, [r15 + 8]; ret");
    CHECK(listing_of("t-fdiv") ==
          "divsd xmm8, qword ptr [rbx + 8]; mov rbx, qword ptr [r15]; lea r15, [r15 + 8]; ret");
    // The fetched float as the left operand: loaded, then the operation.
    std::string to = listing_of("t-fsub-to");
    INFO(to);
    CHECK(to.find("movsd xmm0, qword ptr [rbx]; subsd xmm0, xmm8") != std::string::npos);
    // The right operand stays the right one: 1 / 8, not 8 / 1.
    CHECK(run("3e t-fa t-fmul f>s  1e t-fa t-fdiv 16e f* f>s  1e t-fa t-fdiv-o0 16e f* f>s") == Cells{6, 2, 2});
    CHECK(run("0.5e t-fa t-fsub-to  t-fa f@ 2e f* f>s  2e t-fa f!  0.5e t-fa t-fsub-to-o0  t-fa f@ 2e f* f>s") ==
          Cells{3, 3});
}

TEST_CASE("a helper on an empty float stack throws -45", "[float]") {
    // (Faults in native code are tested in tests/forth/float.fs: Catch2
    // replaces the SIGSEGV handler while a test case runs.)
    CHECK(throw_of("fsin") == -45);
    CHECK(throw_of("1e f**") == -45);
    CHECK(run("1e fdepth") == std::vector<cell>{1});
}
