// SPDX-License-Identifier: MIT
// words/define.cpp: defining words, the compiler's interface to Forth
// (IMMEDIATE, POSTPONE, LITERAL, COMPILE, [ ] ' ['] FIND) and the system
// variables STATE BASE >IN BLK.
#include "support.h"
#include "asm/codemap.h"
#include "asm/codemem.h"

using namespace xf;
using namespace xf::test;

TEST_CASE(": ; define a word; :NONAME leaves an xt", "[define]") {
    CHECK(run(": t-sq dup * ; 7 t-sq") == Cells{49});
    CHECK(run(": t-empty ; 1 t-empty") == Cells{1});
    CHECK(run(":noname 2 3 * ; execute") == Cells{6});
    CHECK(run(":noname ; execute 4") == Cells{4});
    CHECK(throw_of(":") == -16);
    CHECK(throw_of(";") == -14);
    CHECK(run("state @") == Cells{0});   // the failed ':' did not start compiling
}

TEST_CASE(": or :NONAME inside an open definition is -29, and both are dropped", "[define]") {
    CHECK(throw_of(": t-nest-outer 1 [ : t-nest-inner 2 ; ] 3 ;") == -29);
    CHECK(throw_of(": t-nest-outer2 1 [ :noname 2 ; ] literal ;") == -29);
    CHECK(find_word("t-nest-outer") == nullptr);
    CHECK(find_word("t-nest-inner") == nullptr);
    CHECK(find_word("t-nest-outer2") == nullptr);
    CHECK(run(": t-after 4 ; t-after") == Cells{4});
}

TEST_CASE("CREATE VARIABLE CONSTANT", "[define]") {
    run("create t-cr 11 , 22 ,");
    CHECK(run("t-cr @ t-cr cell+ @") == Cells{11, 22});
    CHECK(run("t-cr aligned t-cr -") == Cells{0});
    CHECK(run("1 c, create t-cr2 t-cr2 7 and") == Cells{0});   // CREATE aligns
    CHECK(run("create t-cr3 here t-cr3 -") == Cells{0});       // the body is HERE
    run("variable t-var1 variable t-var2");
    CHECK(run("t-var1 @") == Cells{0});
    CHECK(run("5 t-var1 ! 6 t-var2 ! t-var1 @ t-var2 @") == Cells{5, 6});
    CHECK(run("t-var2 t-var1 - abs 8 <") == Cells{0});
    run("-3 constant t-con  9223372036854775807 constant t-max");
    CHECK(run("t-con t-max") == Cells{-3, INT64_MAX});
    CHECK(run(": t-usecon t-con 1+ ; t-usecon") == Cells{-2});
    CHECK(throw_of("constant t-nothing") == -4);
    CHECK(throw_of("5 constant") == -16);
    CHECK(throw_of("create") == -16);
}

TEST_CASE("VALUE and TO, interpreted and compiled", "[define]") {
    run("10 value t-val");
    CHECK(run("t-val") == Cells{10});
    CHECK(run("20 to t-val t-val") == Cells{20});
    run(": t-setval to t-val ; : t-getval t-val ;");
    CHECK(run("30 t-setval t-getval t-val") == Cells{30, 30});
    CHECK(throw_of("1 to dup") == -32);
    CHECK(throw_of("1 to t-no-such-value") == -13);
    CHECK(throw_of("1 to") == -16);
    CHECK(throw_of(": t-badto to dup ;") == -32);
    CHECK(run("t-val") == Cells{30});
}

TEST_CASE("DEFER IS ACTION-OF DEFER@ DEFER!", "[define]") {
    run("defer t-def");
    CHECK(throw_of("t-def") == -21);       // not set yet
    CHECK(run("' dup is t-def 3 t-def") == Cells{3, 3});
    CHECK(run("action-of t-def ' dup =") == Cells{-1});
    run(": t-setdef is t-def ; : t-getdef action-of t-def ; : t-calldef t-def ;");
    CHECK(run("' negate t-setdef 4 t-calldef") == Cells{-4});
    CHECK(run("t-getdef ' negate =") == Cells{-1});
    CHECK(run("' t-def defer@ ' negate =") == Cells{-1});
    CHECK(run("' 1+ ' t-def defer! 4 t-calldef") == Cells{5});
    CHECK(throw_of("' dup is dup") == -32);
    CHECK(throw_of("action-of dup") == -32);
    CHECK(throw_of("' dup defer@") == -32);
    CHECK(throw_of("' dup ' dup defer!") == -32);
    CHECK(throw_of("(defer-uninitialized)") == -21);
}

TEST_CASE("IMMEDIATE runs a word while compiling; COMPILE-ONLY refuses to interpret it", "[define]") {
    run(": t-imm 5 postpone literal ; immediate");
    CHECK(run(": t-useimm t-imm ; t-useimm") == Cells{5});
    CHECK(run("bl word t-imm find nip") == Cells{1});
    CHECK(run("bl word t-useimm find nip") == Cells{-1});
    run(": t-co 8 ; compile-only");
    CHECK(throw_of("t-co") == -14);
    CHECK(run(": t-useco t-co ; t-useco") == Cells{8});
}

TEST_CASE("POSTPONE and [COMPILE]", "[define]") {
    run(": t-pdup postpone dup ; immediate");       // not immediate: compiles a compile
    CHECK(run(": t-usepdup t-pdup ; 4 t-usepdup") == Cells{4, 4});
    run(": t-pif postpone if ; immediate  : t-pthen postpone then ; immediate");
    CHECK(run(": t-usepif t-pif 1 t-pthen 2 ; 0 t-usepif -1 t-usepif") == Cells{2, 1, 2});
    run(": t-cdup [compile] dup ;");
    CHECK(run("6 t-cdup") == Cells{6, 6});
    run(": t-cthen [compile] then ; immediate");
    CHECK(run(": t-usecthen if 1 t-cthen 2 ; 0 t-usecthen") == Cells{2});
    CHECK(throw_of(": t-bad postpone t-no-such-word ;") == -13);
    CHECK(throw_of("postpone dup") == -14);
}

TEST_CASE("LITERAL COMPILE, [ ]", "[define]") {
    CHECK(run(": t-lit [ 6 7 * ] literal ; t-lit") == Cells{42});
    CHECK(run(": t-lit2 [ -9223372036854775808 ] literal ; t-lit2") == Cells{INT64_MIN});
    run(": t-cc ['] swap compile, ; immediate");
    CHECK(run(": t-usecc t-cc ; 1 2 t-usecc") == Cells{2, 1});
    run(": t-cc-colon ['] t-lit compile, ; immediate");
    CHECK(run(": t-usecc2 t-cc-colon 1+ ; t-usecc2") == Cells{43});
    CHECK(run(": t-state [ state @ ] literal state @ ; t-state") == Cells{0, 0});
    CHECK(run(": t-state2 [ ] [ state @ ] literal ; t-state2") == Cells{0});
    CHECK(throw_of("5 literal") == -14);
}

TEST_CASE("' ['] FIND >BODY", "[define]") {
    boot_once();
    CHECK(run("' dup") == Cells{(cell)prim_word("DUP")});
    CHECK(run("' DUP") == Cells{(cell)prim_word("DUP")});
    CHECK(run(": t-tick ['] over ; t-tick") == Cells{(cell)prim_word("OVER")});
    CHECK(throw_of("' t-no-such-word") == -13);
    CHECK(throw_of("'") == -16);
    CHECK(throw_of(": t-bad ['] t-no-such-word ;") == -13);
    CHECK(run("bl word dup find") == Cells{(cell)prim_word("DUP"), -1});
    CHECK(run("bl word IF find nip") == Cells{1});
    std::vector<cell> r = run("bl word t-no-such-word find");
    REQUIRE(r.size() == 2);
    CHECK(r[1] == 0);
    CHECK(*(const char*)r[0] == 14);   // the counted string comes back
    run("create t-body 3 ,");
    CHECK(run("' t-body >body @") == Cells{3});
    CHECK(run("' t-body >body t-body =") == Cells{-1});
    CHECK(throw_of("' dup >body") == -31);
    CHECK(throw_of(": t-colon-nb ; ' t-colon-nb >body") == -31);
}

TEST_CASE("DOES> gives each child its own body and the shared behaviour", "[define]") {
    run(": t-konst create , does> @ ;");
    run("1 t-konst t-k1  2 t-konst t-k2  3 t-konst t-k3");
    CHECK(run("t-k1 t-k2 t-k3") == Cells{1, 2, 3});
    CHECK(run(": t-usek t-k3 t-k1 - ; t-usek") == Cells{2});
    CHECK(run("' t-k2 >body @") == Cells{2});
    run(": t-sat create , does> @ 2dup < if drop else nip then ;");
    run("10 t-sat t-sat10  100 t-sat t-sat100");
    CHECK(run("5 t-sat10 50 t-sat10 50 t-sat100 500 t-sat100") == Cells{5, 10, 50, 100});
    // DOES> in a word whose latest definition has no body
    run(": t-does-only does> drop 1 ;  : t-no-body ;");
    CHECK(throw_of("t-does-only") == -31);
}

TEST_CASE("STATE BASE >IN BLK", "[define]") {
    boot_once();
    check_all("", "state", {(cell)&vm.state});
    check_all("", "base", {(cell)&vm.base});
    check_all("", ">in", {(cell)&vm.to_in});
    check_all("", "blk", {(cell)&vm.blk});
    CHECK(run("state @ base @ blk @") == Cells{0, 10, 0});
    CHECK(run(">in @") == Cells{5});   // @ runs after it is parsed
    CHECK(run(": t-imst state @ ; immediate : t-usest [ t-imst ] literal ; t-usest") == Cells{0});
    CHECK(run(": t-imst2 state @ postpone literal ; immediate : t-usest2 t-imst2 ; t-usest2") == Cells{-1});
    CHECK(run("16 base ! ff a base ! 10") == Cells{255, 10});
    CHECK(run("1 2 >in @ 13 + >in ! 3 4") == Cells{1, 2, 4});   // skip "3 "
}

TEST_CASE("defining words: inline bytes", "[define][bytes]") {
    boot_once();
    if ((uint64_t)&vm.state > 0xffffffff) {   // a PIE build: the address needs 64 bits
        // sub r15, 8 ; mov [r15], rbx ; mov rbx, &vm.state
        CHECK(prim_bytes("STATE") == Bytes{0x49, 0x83, 0xEF, 0x08, 0x49, 0x89, 0x1F, 0x48, 0xBB} +
                                         le((uint64_t)&vm.state, 8));
    }
    // A constant compiles to its value:  sub r15, 8 ; mov [r15], rbx ; mov ebx, 7 ; ret
    run("7 constant t-seven");
    CHECK(compiled("t-just-seven", "t-seven") == Bytes{0x49, 0x83, 0xEF, 0x08, 0x49, 0x89, 0x1F, 0xBB, 0x07, 0x00, 0x00, 0x00, 0xC3});
    // A variable compiles to its address:  sub r15, 8 ; mov [r15], rbx ; mov ebx, addr ; ret
    run("variable t-varb");
    cell addr = run("t-varb")[0];
    CHECK(compiled("t-just-var", "t-varb") == Bytes{0x49, 0x83, 0xEF, 0x08, 0x49, 0x89, 0x1F} + mov_rbx(addr) + Bytes{0xC3});
    // TO compiles the body's address and `!`:
    //   sub r15, 8 ; mov [r15], rbx ; mov rbx, body ; mov rax, [r15] ; mov [rbx], rax ;
    //   mov rbx, [r15+8] ; add r15, 16 ; ret
    run("0 value t-valb");
    cell body = (cell)find_word("t-valb")->body;
    CHECK(compiled("t-just-to", "to t-valb") == Bytes{0x49, 0x83, 0xEF, 0x08, 0x49, 0x89, 0x1F} + mov_rbx(body) +
                                                  Bytes{0x49, 0x8B, 0x07, 0x48, 0x89, 0x03, 0x49, 0x8B, 0x5F, 0x08, 0x49, 0x83, 0xC7, 0x10, 0xC3});
}

TEST_CASE("every word's body is in the code map, whatever defined it", "[define]") {
    // Ctrl-C is acted on only in a word's code (asm/signals.cpp), and
    // backtraces and SEE name code by the map: a body missing from it is a
    // loop Ctrl-C cannot stop (a fuzzer found one in a +FIELD word).
    run("here 64 +field cm-fld  0 field: cm-f2  0 cfield: cm-f3  1 2 2constant cm-2c  3 4 2value cm-2v "
        "1e fconstant cm-fc  2e fvalue cm-fv  vocabulary cm-voc  marker cm-mark  5 constant cm-c  variable cm-v "
        "6 value cm-val  defer cm-d  create cm-cr  : cm-does create , does> @ ;  7 cm-does cm-child  : cm-col 1+ ;");
    int checked = 0;
    for (const Word* w = dict.forth.latest; w; w = w->link) {
        if (!w->code || !codemem.contains(w->code)) continue;
        INFO(std::string(w->name_view()));
        const Word* owner = word_at(w->code);
        CHECK(owner != nullptr);
        ++checked;
    }
    CHECK(checked > 300);
}
