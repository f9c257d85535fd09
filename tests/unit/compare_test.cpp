// SPDX-License-Identifier: MIT
// words/compare.cpp: comparisons give 0 or -1; signed and unsigned at the
// edges of the cell; the literal forms (cmp with an immediate) agree with
// the plain ones.
#include "support.h"

using namespace xf;
using namespace xf::test;

namespace {
const std::string MIN_S = "-9223372036854775808";
const std::string MAX_S = "9223372036854775807";

// `a b op` for a table of pairs, and the same with b as a literal in the body.
void check_pairs(const char* op, const std::vector<std::pair<std::string, std::string>>& pairs,
                 const Cells& flags) {
    REQUIRE(pairs.size() == flags.size());
    for (size_t i = 0; i < pairs.size(); ++i) {
        const auto& [a, b] = pairs[i];
        check_all(a + " " + b, op, {flags[i]});
        check_all(a, b + " " + op, {flags[i]});
    }
}
const std::vector<std::pair<std::string, std::string>> PAIRS = {
    {"1", "2"}, {"2", "1"}, {"3", "3"}, {"-1", "1"}, {"1", "-1"}, {"-1", "-1"},
    {MIN_S, MAX_S}, {MAX_S, MIN_S}, {"0", MIN_S}, {"$100000000", "$100000001"},
    {"-2", "$7fffffff"}, {"$80000000", "-1"},
};
}  // namespace

TEST_CASE("= <>", "[compare]") {
    check_pairs("=", PAIRS, {0, 0, -1, 0, 0, -1, 0, 0, 0, 0, 0, 0});
    check_pairs("<>", PAIRS, {-1, -1, 0, -1, -1, 0, -1, -1, -1, -1, -1, -1});
}

TEST_CASE("< > <= >= are signed", "[compare]") {
    check_pairs("<", PAIRS, {-1, 0, 0, -1, 0, 0, -1, 0, 0, -1, -1, 0});
    check_pairs(">", PAIRS, {0, -1, 0, 0, -1, 0, 0, -1, -1, 0, 0, -1});
    check_pairs("<=", PAIRS, {-1, 0, -1, -1, 0, -1, -1, 0, 0, -1, -1, 0});
    check_pairs(">=", PAIRS, {0, -1, -1, 0, -1, -1, 0, -1, -1, 0, 0, -1});
}

TEST_CASE("U< U> are unsigned", "[compare]") {
    check_pairs("u<", PAIRS, {-1, 0, 0, 0, -1, 0, 0, -1, -1, -1, 0, -1});
    check_pairs("u>", PAIRS, {0, -1, 0, -1, 0, 0, -1, 0, 0, 0, -1, 0});
}

TEST_CASE("0= 0<> 0< 0>", "[compare]") {
    const std::vector<std::string> xs = {"0", "1", "-1", MIN_S, MAX_S, "$100000000"};
    const Cells eq = {-1, 0, 0, 0, 0, 0}, ne = {0, -1, -1, -1, -1, -1};
    const Cells lt = {0, 0, -1, -1, 0, 0}, gt = {0, -1, 0, 0, -1, -1};
    for (size_t i = 0; i < xs.size(); ++i) {
        check_all(xs[i], "0=", {eq[i]});
        check_all(xs[i], "0<>", {ne[i]});
        check_all(xs[i], "0<", {lt[i]});
        check_all(xs[i], "0>", {gt[i]});
    }
}

TEST_CASE("a flag is a well-formed cell: usable with AND, INVERT, IF", "[compare]") {
    check_all("1 2", "< 1 2 > or", {-1});
    check_all("1 2", "< invert", {0});
    check_all("5", "dup 0 > swap 10 < and", {-1});
    check_compiled("3", "4 < if 11 else 22 then", {11});
    check_compiled("4", "4 < if 11 else 22 then", {22});
}

TEST_CASE("comparison primitives: inline bytes", "[compare][bytes]") {
    // mov rax, [r15] ; add r15, 8 ; cmp rax, rbx ; sete al ; movzx ebx, al ; neg rbx
    CHECK(prim_bytes("=") == Bytes{0x49, 0x8B, 0x07, 0x49, 0x83, 0xC7, 0x08, 0x48, 0x39, 0xD8,
                                   0x0F, 0x94, 0xC0, 0x0F, 0xB6, 0xD8, 0x48, 0xF7, 0xDB});
    // ... setl al ...
    CHECK(prim_bytes("<") == Bytes{0x49, 0x8B, 0x07, 0x49, 0x83, 0xC7, 0x08, 0x48, 0x39, 0xD8,
                                   0x0F, 0x9C, 0xC0, 0x0F, 0xB6, 0xD8, 0x48, 0xF7, 0xDB});
    // ... setb al ...
    CHECK(prim_bytes("U<") == Bytes{0x49, 0x8B, 0x07, 0x49, 0x83, 0xC7, 0x08, 0x48, 0x39, 0xD8,
                                    0x0F, 0x92, 0xC0, 0x0F, 0xB6, 0xD8, 0x48, 0xF7, 0xDB});
    // test rbx, rbx ; sete al ; movzx ebx, al ; neg rbx
    CHECK(prim_bytes("0=") == Bytes{0x48, 0x85, 0xDB, 0x0F, 0x94, 0xC0, 0x0F, 0xB6, 0xD8, 0x48, 0xF7, 0xDB});
    // test rbx, rbx ; setg al ; movzx ebx, al ; neg rbx
    CHECK(prim_bytes("0>") == Bytes{0x48, 0x85, 0xDB, 0x0F, 0x9F, 0xC0, 0x0F, 0xB6, 0xD8, 0x48, 0xF7, 0xDB});
    // sar rbx, 63
    CHECK(prim_bytes("0<") == Bytes{0x48, 0xC1, 0xFB, 0x3F});
    // cmp rbx, -1 ; setb al ; movzx ebx, al ; neg rbx        (U< with a literal: imm8, sign-extended)
    CHECK(prim_imm_bytes("U<", -1) == Bytes{0x48, 0x83, 0xFB, 0xFF, 0x0F, 0x92, 0xC0, 0x0F, 0xB6, 0xD8, 0x48, 0xF7, 0xDB});
    // mov eax, 0x80000000 ; cmp rbx, rax ; seta al ; movzx ebx, al ; neg rbx   (beyond imm32's signed range)
    CHECK(prim_imm_bytes("U>", 0x80000000) ==
          Bytes{0xB8, 0x00, 0x00, 0x00, 0x80, 0x48, 0x39, 0xC3, 0x0F, 0x97, 0xC0, 0x0F, 0xB6, 0xD8, 0x48, 0xF7, 0xDB});
}

TEST_CASE("a one-word definition of 0= is its bytes and ret", "[compare][bytes]") {
    // test rbx, rbx ; sete al ; movzx ebx, al ; neg rbx ; ret
    CHECK(compiled("t-just-0=", "0=") == Bytes{0x48, 0x85, 0xDB, 0x0F, 0x94, 0xC0, 0x0F, 0xB6, 0xD8, 0x48, 0xF7, 0xDB, 0xC3});
}
