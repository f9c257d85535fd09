// SPDX-License-Identifier: MIT
// words/stack.cpp: data and return stack primitives. Each word is run
// interpreted (its callable body) and compiled inline, with and without the
// fusion rules; a few show their exact inline bytes.
#include "support.h"

using namespace xf;
using namespace xf::test;

TEST_CASE("DUP DROP SWAP OVER", "[stack]") {
    check_all("1", "dup", {1, 1});
    check_all("-9223372036854775808", "dup", {INT64_MIN, INT64_MIN});
    check_all("1 2", "drop", {1});
    check_all("1", "drop", {});
    check_all("1 2", "swap", {2, 1});
    check_all("7 1 2", "swap", {7, 2, 1});
    check_all("1 2", "over", {1, 2, 1});
    check_all("-1 0", "over", {-1, 0, -1});
}

TEST_CASE("ROT -ROT NIP TUCK", "[stack]") {
    check_all("1 2 3", "rot", {2, 3, 1});
    check_all("0 1 2 3", "rot rot rot", {0, 1, 2, 3});
    check_all("1 2 3", "-rot", {3, 1, 2});
    check_all("1 2 3", "rot -rot", {1, 2, 3});
    check_all("1 2", "nip", {2});
    check_all("5 1 2", "nip", {5, 2});
    check_all("1 2", "tuck", {2, 1, 2});
    check_all("9 1 2", "tuck", {9, 2, 1, 2});
}

TEST_CASE("?DUP duplicates only a non-zero cell", "[stack]") {
    check_all("0", "?dup", {0});
    check_all("1", "?dup", {1, 1});
    check_all("-1", "?dup", {-1, -1});
    check_all("-9223372036854775808", "?dup", {INT64_MIN, INT64_MIN});
    check_all("5 0", "?dup", {5, 0});
}

TEST_CASE("2DUP 2DROP 2SWAP 2OVER", "[stack]") {
    check_all("1 2", "2dup", {1, 2, 1, 2});
    check_all("1 2 3", "2drop", {1});
    check_all("1 2", "2drop", {});
    check_all("1 2 3 4", "2swap", {3, 4, 1, 2});
    check_all("0 1 2 3 4", "2swap", {0, 3, 4, 1, 2});
    check_all("1 2 3 4", "2over", {1, 2, 3, 4, 1, 2});
    check_all("1 2 3 4", "2over 2swap 2drop", {1, 2, 1, 2});
}

TEST_CASE("PICK reaches any depth; 0 PICK is DUP, 1 PICK is OVER", "[stack]") {
    check_all("1 2 3", "0 pick", {1, 2, 3, 3});
    check_all("1 2 3", "1 pick", {1, 2, 3, 2});
    check_all("1 2 3", "2 pick", {1, 2, 3, 1});
    std::string many;
    for (int i = 0; i < 100; ++i) many += std::to_string(i) + " ";
    std::vector<cell> r = run(many + "99 pick");
    REQUIRE(r.size() == 101);
    CHECK(r.back() == 0);
    CHECK(run_compiled(many + "50", "pick", false).back() == 49);
}

TEST_CASE("DEPTH counts the items below it", "[stack]") {
    check_all("", "depth", {0});
    check_all("7", "depth", {7, 1});
    check_all("1 2 3", "depth", {1, 2, 3, 3});
    check_all("", "depth depth depth", {0, 1, 2});
    check_all("1 2", "drop depth", {1, 1});
}

TEST_CASE(">R R> R@ RDROP move cells between the stacks", "[stack]") {
    check_compiled("1", ">r r>", {1});
    check_compiled("1 2", ">r >r r> r>", {1, 2});
    check_compiled("1", ">r r@ r@ r>", {1, 1, 1});
    check_compiled("1 2", ">r >r rdrop r>", {2});
    check_compiled("5", ">r 7 r> +", {12});
    // Many cells parked on the return stack come back in order.
    check_compiled("1 2 3 4 5 6", ">r >r >r >r >r >r r> r> r> r> r> r>", {1, 2, 3, 4, 5, 6});
}

TEST_CASE("2>R 2R> 2R@ keep the pair's order", "[stack]") {
    check_compiled("1 2", "2>r 2r>", {1, 2});
    check_compiled("1 2", "2>r r> r>", {2, 1});
    check_compiled("1 2", ">r >r 2r>", {2, 1});
    check_compiled("1 2", "2>r 2r@ 2r>", {1, 2, 1, 2});
    check_compiled("1 2 3 4", "2>r 2>r 2r> 2r>", {1, 2, 3, 4});
}

TEST_CASE("the return-stack words are compile-only", "[stack]") {
    for (const char* w : {">r", "r>", "r@", "rdrop", "2>r", "2r>", "2r@"}) {
        INFO(w);
        CHECK(throw_of(std::string("1 2 ") + w) == -14);
    }
}

TEST_CASE("stack primitives: inline bytes", "[stack][bytes]") {
    // sub r15, 8 ; mov [r15], rbx
    CHECK(prim_bytes("DUP") == Bytes{0x49, 0x83, 0xEF, 0x08, 0x49, 0x89, 0x1F});
    // mov rbx, [r15] ; add r15, 8
    CHECK(prim_bytes("DROP") == Bytes{0x49, 0x8B, 0x1F, 0x49, 0x83, 0xC7, 0x08});
    // mov rax, [r15] ; mov [r15], rbx ; mov rbx, rax
    CHECK(prim_bytes("SWAP") == Bytes{0x49, 0x8B, 0x07, 0x49, 0x89, 0x1F, 0x48, 0x89, 0xC3});
    // mov rax, [r15+8] ; mov rcx, [r15] ; mov [r15+8], rcx ; mov [r15], rbx ; mov rbx, rax
    CHECK(prim_bytes("ROT") == Bytes{0x49, 0x8B, 0x47, 0x08, 0x49, 0x8B, 0x0F, 0x49, 0x89, 0x4F, 0x08,
                                     0x49, 0x89, 0x1F, 0x48, 0x89, 0xC3});
    // add r15, 8
    CHECK(prim_bytes("NIP") == Bytes{0x49, 0x83, 0xC7, 0x08});
    // mov rax, [r15] ; sub r15, 8 ; mov [r15+8], rbx ; mov [r15], rax
    CHECK(prim_bytes("TUCK") == Bytes{0x49, 0x8B, 0x07, 0x49, 0x83, 0xEF, 0x08, 0x49, 0x89, 0x5F, 0x08,
                                      0x49, 0x89, 0x07});
    // test rbx, rbx ; je +7 ; sub r15, 8 ; mov [r15], rbx
    CHECK(prim_bytes("?DUP") == Bytes{0x48, 0x85, 0xDB, 0x74, 0x07, 0x49, 0x83, 0xEF, 0x08, 0x49, 0x89, 0x1F});
    // mov rbx, [r15+rbx*8]
    CHECK(prim_bytes("PICK") == Bytes{0x49, 0x8B, 0x1C, 0xDF});
    // push rbx ; mov rbx, [r15] ; add r15, 8
    CHECK(prim_bytes(">R") == Bytes{0x53, 0x49, 0x8B, 0x1F, 0x49, 0x83, 0xC7, 0x08});
    // sub r15, 8 ; mov [r15], rbx ; pop rbx
    CHECK(prim_bytes("R>") == Bytes{0x49, 0x83, 0xEF, 0x08, 0x49, 0x89, 0x1F, 0x5B});
    // push qword [r15] ; push rbx ; mov rbx, [r15+8] ; add r15, 16
    CHECK(prim_bytes("2>R") == Bytes{0x41, 0xFF, 0x37, 0x53, 0x49, 0x8B, 0x5F, 0x08, 0x49, 0x83, 0xC7, 0x10});
}

TEST_CASE("a one-word definition is the primitive's bytes and ret", "[stack][bytes]") {
    // sub r15, 8 ; mov [r15], rbx ; ret
    CHECK(compiled("t-just-dup", "dup") == Bytes{0x49, 0x83, 0xEF, 0x08, 0x49, 0x89, 0x1F, 0xC3});
    // mov rax, [r15] ; mov [r15], rbx ; mov rbx, rax ; ret
    CHECK(compiled("t-just-swap", "swap") == Bytes{0x49, 0x8B, 0x07, 0x49, 0x89, 0x1F, 0x48, 0x89, 0xC3, 0xC3});
    CHECK(compiled("t-just-over", "over") == prim_bytes("OVER") + Bytes{0xC3});
    CHECK(compiled("t-just-2swap", "2swap") == prim_bytes("2SWAP") + Bytes{0xC3});
}

TEST_CASE("a return-stack primitive's callable body pops its return address first", "[stack][bytes]") {
    Word* w = prim_word(">R");
    // pop r11 ; push rbx ; mov rbx, [r15] ; add r15, 8 ; jmp r11
    Bytes expected{0x41, 0x5B, 0x53, 0x49, 0x8B, 0x1F, 0x49, 0x83, 0xC7, 0x08, 0x41, 0xFF, 0xE3};
    auto* p = (const uint8_t*)w->code;
    CHECK(Bytes(p, p + expected.size()) == expected);
    // and so it works through EXECUTE
    CHECK(run(": t-x>r ['] >r execute 5 r> ; 3 t-x>r") == Cells{5, 3});
    CHECK(run(": t-x2r 1 2 ['] 2>r execute ['] 2r@ execute ['] 2r> execute ; t-x2r") == Cells{1, 2, 1, 2});
    CHECK(run(": t-xr@ 4 >r ['] r@ execute ['] rdrop execute ; t-xr@") == Cells{4});
}
