// SPDX-License-Identifier: MIT
// words/arith.cpp: arithmetic and logic. Division is floored (as in Gforth)
// except SM/REM; a zero divisor throws -10 from the callable body and from
// inline code alike. Each word runs interpreted and compiled both ways.
#include "support.h"
#include <random>

using namespace xf;
using namespace xf::test;

namespace {
const std::string MIN_S = "-9223372036854775808";
const std::string MAX_S = "9223372036854775807";
}  // namespace

TEST_CASE("+ - wrap around, with and without a literal operand", "[arith]") {
    check_all("2 3", "+", {5});
    check_all("-2 3", "+", {1});
    check_all(MAX_S + " 1", "+", {INT64_MIN});
    check_all("2 3", "-", {-1});
    check_all("3 2", "-", {1});
    check_all(MIN_S + " 1", "-", {INT64_MAX});
    // The literal forms (lit-op): imm8, imm32, negative, and beyond 32 bits.
    check_all("37", "5 +", {42});
    check_all("37", "-5 +", {32});
    check_all("1", "100000 +", {100001});
    check_all("1", "$100000000 +", {0x100000001});
    check_all("1", "-$100000000 +", {1 - 0x100000000});
    check_all("10", "3 -", {7});
    check_all("10", "-3 -", {13});
    check_all("0", "$7fffffff -", {-0x7fffffff});
    check_all("0", "$80000000 -", {-0x80000000LL});
    check_all("0", "$123456789 -", {-0x123456789LL});
}

TEST_CASE("AND OR XOR INVERT", "[arith]") {
    check_all("12 10", "and", {8});
    check_all("12 10", "or", {14});
    check_all("12 10", "xor", {6});
    check_all("-1 0", "and", {0});
    check_all("-1 0", "or", {-1});
    check_all("-1 -1", "xor", {0});
    check_all("$ff00", "$0ff0 and", {0x0f00});
    check_all("$ff00", "$0ff0 or", {0xfff0});
    check_all("$ff00", "$0ff0 xor", {0xf0f0});
    check_all("$123456789abcdef0", "$ffffffff00000000 and", {0x1234567800000000});
    check_all("0", "-1 xor", {-1});
    check_all("0", "invert", {-1});
    check_all("-1", "invert", {0});
    check_all("5", "invert", {-6});
    check_all(MAX_S, "invert", {INT64_MIN});
}

TEST_CASE("* keeps the low cell; the literal form too", "[arith]") {
    check_all("6 7", "*", {42});
    check_all("-6 7", "*", {-42});
    check_all("-6 -7", "*", {42});
    check_all("0 -7", "*", {0});
    check_all(MAX_S + " 2", "*", {-2});
    check_all("$100000000 $100000000", "*", {0});
    check_all("6", "7 *", {42});
    check_all("6", "-7 *", {-42});
    check_all("3", "$100000000 *", {0x300000000});
}

TEST_CASE("NEGATE ABS 1+ 1- 2* 2/ CELL+ CELLS", "[arith]") {
    check_all("5", "negate", {-5});
    check_all("-5", "negate", {5});
    check_all("0", "negate", {0});
    check_all(MIN_S, "negate", {INT64_MIN});
    check_all("5", "abs", {5});
    check_all("-5", "abs", {5});
    check_all("0", "abs", {0});
    check_all(MIN_S, "abs", {INT64_MIN});
    check_all("5", "1+", {6});
    check_all("-1", "1+", {0});
    check_all(MAX_S, "1+", {INT64_MIN});
    check_all("5", "1-", {4});
    check_all("0", "1-", {-1});
    check_all(MIN_S, "1-", {INT64_MAX});
    check_all("5", "2*", {10});
    check_all("-5", "2*", {-10});
    check_all(MIN_S, "2*", {0});
    check_all("$4000000000000000", "2*", {INT64_MIN});
    check_all("5", "2/", {2});
    check_all("-5", "2/", {-3});   // arithmetic shift: floored
    check_all("-1", "2/", {-1});
    check_all(MIN_S, "2/", {INT64_MIN / 2});
    check_all("0", "cell+", {8});
    check_all("-8", "cell+", {0});
    check_all("3", "cells", {24});
    check_all("-1", "cells", {-8});
    check_all("0", "cells", {0});
}

TEST_CASE("LSHIFT RSHIFT; RSHIFT is logical", "[arith]") {
    check_all("1 0", "lshift", {1});
    check_all("1 1", "lshift", {2});
    check_all("1 63", "lshift", {INT64_MIN});
    check_all("-1 4", "lshift", {-16});
    check_all("$ff 8", "lshift", {0xff00});
    check_all("16 0", "rshift", {16});
    check_all("16 4", "rshift", {1});
    check_all("-1 1", "rshift", {INT64_MAX});
    check_all("-1 63", "rshift", {1});
    check_all(MIN_S + " 63", "rshift", {1});
}

TEST_CASE("MIN MAX compare signed", "[arith]") {
    check_all("1 2", "min", {1});
    check_all("2 1", "min", {1});
    check_all("-1 1", "min", {-1});
    check_all("3 3", "min", {3});
    check_all(MIN_S + " " + MAX_S, "min", {INT64_MIN});
    check_all("1 2", "max", {2});
    check_all("2 1", "max", {2});
    check_all("-1 1", "max", {1});
    check_all(MIN_S + " " + MAX_S, "max", {INT64_MAX});
    check_all("-1 0", "max", {0});
}

TEST_CASE("/ MOD /MOD are floored", "[arith]") {
    check_all("7 2", "/", {3});
    check_all("-7 2", "/", {-4});
    check_all("7 -2", "/", {-4});
    check_all("-7 -2", "/", {3});
    check_all("-6 2", "/", {-3});
    check_all("0 5", "/", {0});
    check_all(MIN_S + " 1", "/", {INT64_MIN});
    check_all(MAX_S + " -1", "/", {-INT64_MAX});
    check_all("7 2", "mod", {1});
    check_all("-7 2", "mod", {1});
    check_all("7 -2", "mod", {-1});
    check_all("-7 -2", "mod", {-1});
    check_all("-6 2", "mod", {0});
    check_all("7 2", "/mod", {1, 3});
    check_all("-7 2", "/mod", {1, -4});
    check_all("7 -2", "/mod", {-1, -4});
    check_all("-7 -2", "/mod", {-1, 3});
    check_all("9 1 3", "/mod", {9, 1, 0});
}

// Floored n / d and n mod d, computed in C++.
static std::pair<cell, cell> floored(cell n, cell d) {
    if (d == -1) return {cell(0 - uint64_t(n)), 0};   // MIN -1 / wraps, as idiv's caller does
    cell q = n / d, r = n % d;
    if (r != 0 && ((r < 0) != (d < 0))) --q, r += d;
    return {q, r};
}

TEST_CASE("/ MOD /MOD by a literal divide without idiv, with the same results", "[arith]") {
    // Powers of two (a shift and a mask), small odd and even divisors, and
    // big ones up to the largest cell; dividends at the edges and between.
    std::vector<cell> divisors = {1, 2, 3, 5, 6, 7, 10, 12, 60, 100, 641, 1000, 1 << 20, 1000003, 3 << 30,
                                  cell(1) << 32, (cell(1) << 32) + 1, cell(1) << 40, cell(1) << 62,
                                  (cell(1) << 62) + 1, INT64_MAX - 1, INT64_MAX};
    std::vector<cell> dividends = {0, 1, -1, 2, -2, 3, -3, 6, -6, 7, -7, 99, -99, 100, -100, 12345678901, -12345678901,
                                   INT64_MAX, INT64_MAX - 1, INT64_MIN, INT64_MIN + 1, cell(1) << 62, -(cell(1) << 62)};
    std::mt19937_64 rng(42);
    for (int i = 0; i < 40; ++i) dividends.push_back(cell(rng()) >> (rng() % 64));
    for (cell d : divisors) {
        std::string ds = std::to_string(d);
        run(": t-div " + ds + " / ;  : t-mod " + ds + " mod ;  : t-divmod " + ds + " /mod ;");
        if (d == 7) CHECK(listing_of("t-divmod").find("idiv") == std::string::npos);
        for (cell n : dividends) {
            auto [q, r] = floored(n, d);
            std::string ns = std::to_string(n);
            INFO(ns << " " << ds);
            REQUIRE(run(ns + " t-div") == Cells{q});
            REQUIRE(run(ns + " t-mod") == Cells{r});
            REQUIRE(run(ns + " t-divmod") == Cells{r, q});
        }
    }
    // Negative and zero literals keep the general code; zero still throws.
    check_all("-7", "-2 /mod", {-1, 3});
    check_all("7", "-1 /", {-7});
    check_throw("7", "0 /", -10);
    check_throw("7", "0 mod", -10);
    check_throw("7", "0 /mod", -10);
}

TEST_CASE("*/ */MOD use a double-cell intermediate product", "[arith]") {
    check_all("10 3 4", "*/", {7});
    check_all("-10 3 4", "*/", {-8});
    check_all("10 -3 -4", "*/", {7});
    check_all(MAX_S + " 2 4", "*/", {INT64_MAX / 2});
    check_all(MAX_S + " " + MAX_S + " " + MAX_S, "*/", {INT64_MAX});
    check_all(MIN_S + " " + MAX_S + " " + MAX_S, "*/", {INT64_MIN});
    check_all("$100000000 $100000000 $10000", "*/", {0x1000000000000});   // 2^64 / 2^16
    check_all("10 3 4", "*/mod", {2, 7});
    check_all("-10 3 4", "*/mod", {2, -8});
    check_all("10 3 -4", "*/mod", {-2, -8});
    check_all(MAX_S + " 2 3", "*/mod", {2, 6148914691236517204});   // (2^64-2) / 3
}

TEST_CASE("FM/MOD SM/REM UM/MOD divide a double cell", "[arith]") {
    check_all("7 0 2", "fm/mod", {1, 3});
    check_all("-7 -1 2", "fm/mod", {1, -4});
    check_all("7 0 -2", "fm/mod", {-1, -4});
    check_all("-7 -1 -2", "fm/mod", {-1, 3});
    check_all("1 1 4", "fm/mod", {1, 0x4000000000000000});   // 2^64+1
    check_all("7 0 2", "sm/rem", {1, 3});
    check_all("-7 -1 2", "sm/rem", {-1, -3});
    check_all("7 0 -2", "sm/rem", {1, -3});
    check_all("-7 -1 -2", "sm/rem", {-1, 3});
    check_all("1 1 4", "sm/rem", {1, 0x4000000000000000});
    check_all("7 0 2", "um/mod", {1, 3});
    check_all("-1 0 2", "um/mod", {1, INT64_MAX});         // 2^64-1 unsigned
    check_all("0 1 2", "um/mod", {0, INT64_MIN});          // 2^64 / 2 = 2^63
    check_all("5 0 -1", "um/mod", {5, 0});                 // divisor 2^64-1
}

TEST_CASE("UM* M* S>D produce double cells", "[arith]") {
    check_all("6 7", "um*", {42, 0});
    check_all("-1 -1", "um*", {1, -2});
    check_all("-1 2", "um*", {-2, 1});
    check_all("6 7", "m*", {42, 0});
    check_all("-6 7", "m*", {-42, -1});
    check_all("-1 -1", "m*", {1, 0});
    check_all(MIN_S + " -1", "m*", {INT64_MIN, 0});
    check_all(MAX_S + " " + MAX_S, "m*", {1, 0x3fffffffffffffff});
    check_all("5", "s>d", {5, 0});
    check_all("-5", "s>d", {-5, -1});
    check_all("0", "s>d", {0, 0});
    check_all(MIN_S, "s>d", {INT64_MIN, -1});
}

TEST_CASE("division by zero is -10 in every dividing word", "[arith]") {
    check_throw("5 0", "/", -10);
    check_throw("0 0", "/", -10);
    check_throw("5 0", "mod", -10);
    check_throw("5 0", "/mod", -10);
    check_throw("5 3 0", "*/", -10);
    check_throw("5 3 0", "*/mod", -10);
    check_throw("5 0 0", "fm/mod", -10);
    check_throw("5 0 0", "sm/rem", -10);
    check_throw("5 0 0", "um/mod", -10);
    check_throw("-1 -1 0", "um/mod", -10);
}

TEST_CASE("after division by zero, CATCH has the stack at its depth and the system goes on", "[arith]") {
    CHECK(run("5 0 ' / catch") == Cells{5, 0, -10});
    CHECK(run("1 5 3 0 ' */mod catch") == Cells{1, 5, 3, 0, -10});
    CHECK(run(": t-div0 ( -- n ) 1 0 / ; ' t-div0 catch") == Cells{-10});
    // From inside a loop, caught inside another loop: the loops' registers come back.
    CHECK(run(": t-div-loop 10 0 do i 3 = if i 0 / then loop ; "
              ": t-div-outer 0 4 0 do ['] t-div-loop catch + i + loop ; t-div-outer") == Cells{-34});
    CHECK(run("7 2 /") == Cells{3});
}

TEST_CASE("arithmetic primitives: inline bytes", "[arith][bytes]") {
    // add rbx, [r15] ; add r15, 8
    CHECK(prim_bytes("+") == Bytes{0x49, 0x03, 0x1F, 0x49, 0x83, 0xC7, 0x08});
    // mov rax, [r15] ; add r15, 8 ; sub rax, rbx ; mov rbx, rax
    CHECK(prim_bytes("-") == Bytes{0x49, 0x8B, 0x07, 0x49, 0x83, 0xC7, 0x08, 0x48, 0x29, 0xD8, 0x48, 0x89, 0xC3});
    // imul rbx, [r15] ; add r15, 8
    CHECK(prim_bytes("*") == Bytes{0x49, 0x0F, 0xAF, 0x1F, 0x49, 0x83, 0xC7, 0x08});
    // neg rbx
    CHECK(prim_bytes("NEGATE") == Bytes{0x48, 0xF7, 0xDB});
    // mov rax, rbx ; neg rax ; cmovns rbx, rax
    CHECK(prim_bytes("ABS") == Bytes{0x48, 0x89, 0xD8, 0x48, 0xF7, 0xD8, 0x48, 0x0F, 0x49, 0xD8});
    // sar rbx, 1
    CHECK(prim_bytes("2/") == Bytes{0x48, 0xD1, 0xFB});
    // mov rcx, rbx ; mov rbx, [r15] ; add r15, 8 ; shl rbx, cl
    CHECK(prim_bytes("LSHIFT") == Bytes{0x48, 0x89, 0xD9, 0x49, 0x8B, 0x1F, 0x49, 0x83, 0xC7, 0x08, 0x48, 0xD3, 0xE3});
    // mov rax, [r15] ; add r15, 8 ; cmp rax, rbx ; cmovl rbx, rax
    CHECK(prim_bytes("MIN") == Bytes{0x49, 0x8B, 0x07, 0x49, 0x83, 0xC7, 0x08, 0x48, 0x39, 0xD8, 0x48, 0x0F, 0x4C, 0xD8});
    // mov rax, rbx ; mul qword [r15] ; mov [r15], rax ; mov rbx, rdx
    CHECK(prim_bytes("UM*") == Bytes{0x48, 0x89, 0xD8, 0x49, 0xF7, 0x27, 0x49, 0x89, 0x07, 0x48, 0x89, 0xD3});
    // imul rbx, rbx, 7          (the literal form of *)
    CHECK(prim_imm_bytes("*", 7) == Bytes{0x48, 0x6B, 0xDB, 0x07});
    // sub rbx, 3                (the literal form of -)
    CHECK(prim_imm_bytes("-", 3) == Bytes{0x48, 0x83, 0xEB, 0x03});
}

TEST_CASE("/ : a zero test before idiv, then the floored correction", "[arith][bytes]") {
    Bytes b = prim_bytes("/");
    REQUIRE(b.size() == 0x37);
    // mov rcx, rbx ; mov rax, [r15] ; cqo ; test rcx, rcx ; jne ok ; mov rdi, -10 ; call <throw>
    CHECK(Bytes(b.begin(), b.begin() + 0x15) ==
          Bytes{0x48, 0x89, 0xD9, 0x49, 0x8B, 0x07, 0x48, 0x99, 0x48, 0x85, 0xC9, 0x75, 0x0C,
                0x48, 0xC7, 0xC7, 0xF6, 0xFF, 0xFF, 0xFF, 0xE8});
    // ok: idiv rcx ; test rdx, rdx ; je done ; mov r8, rdx ; xor r8, rcx ; jns done ;
    //     sub rax, 1 ; add rdx, rcx ; done: add r15, 8 ; mov rbx, rax
    CHECK(Bytes(b.begin() + 0x19, b.end()) ==
          Bytes{0x48, 0xF7, 0xF9, 0x48, 0x85, 0xD2, 0x74, 0x0F, 0x49, 0x89, 0xD0, 0x49, 0x31, 0xC8, 0x79, 0x07,
                0x48, 0x83, 0xE8, 0x01, 0x48, 0x01, 0xCA, 0x49, 0x83, 0xC7, 0x08, 0x48, 0x89, 0xC3});
}

TEST_CASE("a definition of one arithmetic word is its inline bytes and ret", "[arith][bytes]") {
    // add rbx, [r15] ; add r15, 8 ; ret
    CHECK(compiled("t-just-plus", "+") == Bytes{0x49, 0x03, 0x1F, 0x49, 0x83, 0xC7, 0x08, 0xC3});
    // shl rbx, 3 ; ret
    CHECK(compiled("t-just-cells", "cells") == Bytes{0x48, 0xC1, 0xE3, 0x03, 0xC3});
    // add rbx, 8 ; ret
    CHECK(compiled("t-just-cell+", "cell+") == Bytes{0x48, 0x83, 0xC3, 0x08, 0xC3});
    // mov rax, rbx ; sar rax, 63 ; sub r15, 8 ; mov [r15], rbx ; mov rbx, rax ; ret
    CHECK(compiled("t-just-s>d", "s>d") ==
          Bytes{0x48, 0x89, 0xD8, 0x48, 0xC1, 0xF8, 0x3F, 0x49, 0x83, 0xEF, 0x08, 0x49, 0x89, 0x1F, 0x48, 0x89, 0xC3, 0xC3});
}
