// SPDX-License-Identifier: MIT
// words/memory.cpp: cell and byte access, data space, block moves.
#include "support.h"

using namespace xf;
using namespace xf::test;

namespace {
// A 64-byte scratch buffer, T-MBUF, and its address.
uint8_t* mbuf() {
    static uint8_t* p = [] {
        run("create t-mbuf 64 allot");
        return (uint8_t*)run("t-mbuf")[0];
    }();
    return p;
}
cell mbuf_cell() { return (cell)mbuf(); }
std::string mbuf_text(size_t n) { return std::string((const char*)mbuf(), n); }
void mbuf_set(const std::string& s) {
    memset(mbuf(), 0, 64);
    memcpy(mbuf(), s.data(), s.size());
}
}  // namespace

TEST_CASE("! @ store and fetch a cell", "[memory]") {
    mbuf();
    check_all("-7 t-mbuf", "tuck ! @", {-7});
    check_all("-9223372036854775808 t-mbuf", "tuck ! @", {INT64_MIN});
    check_all("1 2 t-mbuf", "! t-mbuf @", {1, 2});
    mbuf_set("");
    check_all("$1122334455667788 t-mbuf 8 +", "! t-mbuf 8 + @", {0x1122334455667788});
    CHECK(mbuf()[8] == 0x88);   // little-endian
    CHECK(mbuf()[15] == 0x11);
    CHECK(mbuf()[16] == 0);
}

TEST_CASE("C! stores the low byte only; C@ zero-extends", "[memory]") {
    mbuf();
    check_all("300 t-mbuf", "tuck c! c@", {44});
    check_all("-1 t-mbuf", "tuck c! c@", {255});
    mbuf_set("");
    check_all("$ab t-mbuf 1+", "c! t-mbuf @", {0xab00});
    mbuf_set("\x80");
    check_all("t-mbuf", "c@", {0x80});
}

TEST_CASE("+! adds to a cell in memory", "[memory]") {
    mbuf();
    check_all("5 t-mbuf ! 3 t-mbuf", "+! t-mbuf @", {8});
    check_all("14 t-mbuf ! -20 t-mbuf", "+! t-mbuf @", {-6});
    run("5 t-mbuf ! 3 t-mbuf +! 3 t-mbuf +!");
    CHECK(run("t-mbuf @") == Cells{11});
    run("-1 t-mbuf ! 1 t-mbuf +!");
    CHECK(run("t-mbuf @") == Cells{0});
}

TEST_CASE("2! 2@ keep x2 at the lower address", "[memory]") {
    mbuf();
    check_all("1 2 t-mbuf", "2! t-mbuf @ t-mbuf cell+ @", {2, 1});
    check_all("t-mbuf", "2@", {1, 2});
    check_all("-1 -2 t-mbuf", "2! t-mbuf 2@", {-1, -2});
}

TEST_CASE("COUNT CHAR+ CHARS ALIGNED", "[memory]") {
    mbuf_set("\x03" "abc");
    check_all("t-mbuf", "count", {mbuf_cell() + 1, 3});
    mbuf_set(std::string("\xff") + std::string(255, 'x'));
    check_all("t-mbuf", "count nip", {255});
    check_all("5", "char+", {6});
    check_all("5", "chars", {5});
    check_all("0", "chars", {0});
    check_all("0", "aligned", {0});
    check_all("1", "aligned", {8});
    check_all("7", "aligned", {8});
    check_all("8", "aligned", {8});
    check_all("9", "aligned", {16});
    check_all("-7", "aligned", {0});
}

TEST_CASE("HERE ALLOT , C, ALIGN UNUSED move the data-space pointer", "[memory]") {
    boot_once();
    check_all("", "here", {(cell)vm.dp});
    CHECK(run("here 10 allot here swap - -10 allot") == Cells{10});
    CHECK(run("here 0 allot here -") == Cells{0});
    CHECK(run("align here 5 , here over - swap @") == Cells{8, 5});
    CHECK(run("here 7 c, here over - swap c@") == Cells{1, 7});
    CHECK(run("align here 7 and") == Cells{0});
    CHECK(run("1 allot align here 7 and") == Cells{0});
    CHECK(run("unused 16 allot unused - -16 allot") == Cells{16});
    CHECK(run("unused") == Cells{cell(vm.dp_end - vm.dp)});
}

TEST_CASE("ALLOT past either end of data space throws", "[memory]") {
    boot_once();
    uint8_t* dp = vm.dp;
    CHECK(throw_of("unused 1+ allot") == -8);
    CHECK(vm.dp == dp);
    CHECK(throw_of("here negate 1- allot") == -9);
    CHECK(throw_of("-1000000000000 allot") == -9);
    CHECK(throw_of("-9223372036854775808 allot") == -9);
    CHECK(vm.dp == dp);
    CHECK(throw_of("unused allot 0 ,") == -8);   // full: not one more cell...
    CHECK(throw_of("1 c,") == -8);
    vm.dp = dp;                                    // ...then give the space back
    CHECK(run("1 2 +") == Cells{3});
}

TEST_CASE("FILL with a count of zero or less does nothing", "[memory]") {
    mbuf_set("abcdefgh");
    run("t-mbuf 3 char * fill");
    CHECK(mbuf_text(8) == "***defgh");
    run("t-mbuf 0 char - fill");
    run("t-mbuf -5 char - fill");
    CHECK(mbuf_text(8) == "***defgh");
    run(": t-fill t-mbuf 2 + 2 bl fill ; t-fill");
    CHECK(mbuf_text(8) == "**  efgh");
}

TEST_CASE("MOVE copies as if through a buffer, in either direction", "[memory]") {
    mbuf_set("abcdefgh");
    run("t-mbuf t-mbuf 2 + 4 move");
    CHECK(mbuf_text(8) == "ababcdgh");
    mbuf_set("abcdefgh");
    run("t-mbuf 2 + t-mbuf 4 move");
    CHECK(mbuf_text(8) == "cdefefgh");
    mbuf_set("abcdefgh");
    run("t-mbuf t-mbuf 8 + 0 move  t-mbuf t-mbuf 8 + -1 move");
    CHECK(mbuf()[8] == 0);
}

TEST_CASE("CMOVE copies upwards byte by byte, CMOVE> downwards", "[memory]") {
    mbuf_set("abcdefgh");
    run("t-mbuf t-mbuf 1+ 4 cmove");
    CHECK(mbuf_text(8) == "aaaaafgh");   // each byte copied on to the next
    mbuf_set("abcdefgh");
    run("t-mbuf 1+ t-mbuf 4 cmove>");
    CHECK(mbuf_text(8) == "eeeeefgh");
    mbuf_set("abcdefgh");
    run("t-mbuf 4 + t-mbuf 4 cmove");
    CHECK(mbuf_text(8) == "efghefgh");
    mbuf_set("abcdefgh");
    run("t-mbuf t-mbuf 4 + 4 cmove>");
    CHECK(mbuf_text(8) == "abcdabcd");
    mbuf_set("abcdefgh");
    run("t-mbuf t-mbuf 4 + 0 cmove  t-mbuf t-mbuf 4 + -3 cmove>");
    CHECK(mbuf_text(8) == "abcdefgh");
}

TEST_CASE("a block move or fill whose area begins or ends unmapped is -9 before it writes", "[memory][faults]") {
    // A fuzzer finding: copying down from the header arena towards address 0
    // shifted every header a byte before it faulted; each lookup after was -9.
    run(": t-newest ;");
    CHECK(throw_of("1 0 ' t-newest cmove>") == -9);
    CHECK(run("1 2 +  ' dup execute") == Cells{3, 3});
    CHECK(run(": t-after 3 4 + ; t-after") == Cells{7});
    // Upwards into the unmapped: the bytes on the way are left alone.
    mbuf_set("abcdefgh");
    for (const char* w : {"cmove", "move"}) {
        INFO(w);
        CHECK(throw_of(std::string("t-mbuf 4 + t-mbuf 100000000000 ") + w) == -9);
        CHECK(mbuf_text(8) == "abcdefgh");
        CHECK(throw_of(std::string("1 t-mbuf 4 ") + w) == -9);   // the source
        CHECK(mbuf_text(8) == "abcdefgh");
    }
    CHECK(throw_of("t-mbuf 100000000000 char * fill") == -9);
    CHECK(throw_of("t-mbuf 1+ t-mbuf 100000000000 cmove>") == -9);
    CHECK(mbuf_text(8) == "abcdefgh");
}

TEST_CASE("memory helpers underflow with -4", "[memory]") {
    for (const char* w : {"allot", ",", "c,", "fill", "move", "cmove", "cmove>"}) {
        INFO(w);
        CHECK(throw_of(w) == -4);
    }
    CHECK(throw_of("1 2 fill") == -4);
}

TEST_CASE("memory primitives: inline bytes", "[memory][bytes]") {
    // mov rbx, [rbx]
    CHECK(prim_bytes("@") == Bytes{0x48, 0x8B, 0x1B});
    // mov rax, [r15] ; mov [rbx], rax ; mov rbx, [r15+8] ; add r15, 16
    CHECK(prim_bytes("!") == Bytes{0x49, 0x8B, 0x07, 0x48, 0x89, 0x03, 0x49, 0x8B, 0x5F, 0x08, 0x49, 0x83, 0xC7, 0x10});
    // movzx rbx, byte [rbx]
    CHECK(prim_bytes("C@") == Bytes{0x48, 0x0F, 0xB6, 0x1B});
    // mov rax, [r15] ; mov [rbx], al ; mov rbx, [r15+8] ; add r15, 16
    CHECK(prim_bytes("C!") == Bytes{0x49, 0x8B, 0x07, 0x88, 0x03, 0x49, 0x8B, 0x5F, 0x08, 0x49, 0x83, 0xC7, 0x10});
    // mov rax, [r15] ; add [rbx], rax ; mov rbx, [r15+8] ; add r15, 16
    CHECK(prim_bytes("+!") == Bytes{0x49, 0x8B, 0x07, 0x48, 0x01, 0x03, 0x49, 0x8B, 0x5F, 0x08, 0x49, 0x83, 0xC7, 0x10});
    // mov rax, [rbx+8] ; sub r15, 8 ; mov [r15], rax ; mov rbx, [rbx]
    CHECK(prim_bytes("2@") == Bytes{0x48, 0x8B, 0x43, 0x08, 0x49, 0x83, 0xEF, 0x08, 0x49, 0x89, 0x07, 0x48, 0x8B, 0x1B});
    // lea rax, [rbx+1] ; movzx rbx, byte [rbx] ; sub r15, 8 ; mov [r15], rax
    CHECK(prim_bytes("COUNT") == Bytes{0x48, 0x8D, 0x43, 0x01, 0x48, 0x0F, 0xB6, 0x1B, 0x49, 0x83, 0xEF, 0x08, 0x49, 0x89, 0x07});
    // add rbx, 7 ; and rbx, -8
    CHECK(prim_bytes("ALIGNED") == Bytes{0x48, 0x83, 0xC3, 0x07, 0x48, 0x83, 0xE3, 0xF8});
    // (nothing)
    CHECK(prim_bytes("CHARS").empty());
    const uint64_t dp = (uint64_t)&vm.dp;
    if (dp < 0x80000000u)   // non-PIE: sub r15, 8 ; mov [r15], rbx ; mov rbx, [&vm.dp]
        CHECK(prim_bytes("HERE") == Bytes{0x49, 0x83, 0xEF, 0x08, 0x49, 0x89, 0x1F, 0x48, 0x8B, 0x1C, 0x25} + le(dp, 4));
    else   // mov rax, &vm.dp ; mov rax, [rax] ; sub r15, 8 ; mov [r15], rbx ; mov rbx, rax
        CHECK(prim_bytes("HERE") == Bytes{0x48, 0xB8} + le(dp, 8) +
                                        Bytes{0x48, 0x8B, 0x00, 0x49, 0x83, 0xEF, 0x08, 0x49, 0x89, 0x1F, 0x48, 0x89, 0xC3});
}

TEST_CASE("a one-word definition of @ is its bytes and ret", "[memory][bytes]") {
    // mov rbx, [rbx] ; ret
    CHECK(compiled("t-just-fetch", "@") == Bytes{0x48, 0x8B, 0x1B, 0xC3});
    // ret   (CHARS compiles to nothing)
    CHECK(compiled("t-just-chars", "chars") == Bytes{0xC3});
}
