// SPDX-License-Identifier: MIT
// The fusion rules, checked at the byte level: each test shows the listing
// the rule must produce beside its bytes.
#include "support.h"

using namespace xf;
using namespace xf::test;

namespace {
// Compiles `: NAME body ;` with the optimiser on or off; returns its code.
Bytes compile_with(bool opt, const std::string& name, const std::string& body) {
    bool saved = optimize;
    optimize = opt;
    run(": " + name + " " + body + " ;");
    optimize = saved;
    return code_of(name);
}
// The same, as one line of assembly.
std::string listing_with(bool opt, const std::string& name, const std::string& body) {
    compile_with(opt, name, body);
    return listing_of(name);
}
}  // namespace

TEST_CASE("lit-op: literal then + becomes one instruction with the literal in it", "[peephole]") {
    CHECK(listing_with(true, "t-add5", "5 +") == "lea rbx, [rbx + 5]; ret");
    CHECK(run("37 t-add5") == std::vector<cell>{42});
}

TEST_CASE("lit-op: literal then - AND OR XOR use the immediate forms", "[peephole]") {
    CHECK(listing_with(true, "t-sub", "1000 -") == "lea rbx, [rbx - 0x3e8]; ret");
    CHECK(listing_with(true, "t-and", "255 and") == "and rbx, 0xff; ret");
    CHECK(listing_with(true, "t-or", "16 or") == "or rbx, 0x10; ret");
    CHECK(listing_with(true, "t-xor", "-1 xor") == "xor rbx, 0xffffffffffffffff; ret");
    CHECK(run("1005 t-sub 511 t-and 1 t-or 0 t-xor") == std::vector<cell>{5, 255, 17, -1});
}

TEST_CASE("lit-op: a literal beyond 32 bits goes through r11", "[peephole]") {
    CHECK(listing_with(true, "t-big", "$100000000 +") == "movabs r11, 0x100000000; add rbx, r11; ret");
    CHECK(run("1 t-big") == std::vector<cell>{0x100000001});
}

TEST_CASE("lit-op: literal then a comparison becomes cmp with an immediate", "[peephole]") {
    CHECK(listing_with(true, "t-lt10", "10 <") == "cmp rbx, 0xa; setl al; movzx eax, al; neg rax; mov rbx, rax; ret");
    CHECK(run("9 t-lt10 10 t-lt10 -5 t-lt10") == std::vector<cell>{-1, 0, -1});
}

TEST_CASE("-O0 keeps the literal and the primitive apart, with the same result", "[peephole]") {
    // sub r15, 8 ; mov [r15], rbx ; mov ebx, 5 ; add rbx, [r15] ; add r15, 8 ; ret
    CHECK(compile_with(false, "t-add5-o0", "5 +") ==
          Bytes{0x49, 0x83, 0xEF, 0x08, 0x49, 0x89, 0x1F, 0xBB, 0x05, 0x00, 0x00, 0x00,
                0x49, 0x03, 0x1F, 0x49, 0x83, 0xC7, 0x08, 0xC3});
    CHECK(run("37 t-add5-o0") == std::vector<cell>{42});
}

TEST_CASE("lit-op never fuses across a label", "[peephole]") {
    std::vector<Op> ops = {{OpKind::Lit, 1}, {OpKind::Label, 0, nullptr, 0}, {OpKind::Prim, 0, prim_word("+")}};
    peephole(ops);
    REQUIRE(ops.size() == 3);
    CHECK(ops[2].kind == OpKind::Prim);
}

TEST_CASE("cmp-branch: a comparison before IF becomes cmp and a jump on the opposite condition", "[peephole]") {
    // The item under the operands is loaded before the jump: both paths want it in rax.
    CHECK(listing_with(true, "t-cb", "< if 1 then") ==
          "mov rax, qword ptr [r15]; cmp rax, rbx; mov rax, qword ptr [r15 + 8]; jge +21; "
          "mov eax, 1; lea r15, [r15 - 8]; mov rbx, rax; lea r15, [r15 + 0x10]; ret");
    CHECK(run("7 1 2 t-cb 7 2 1 t-cb 7 2 2 t-cb") == std::vector<cell>{7, 1, 7, 7});
}

TEST_CASE("cmp-imm-branch: literal, comparison and IF become one cmp with an immediate", "[peephole]") {
    CHECK(listing_with(true, "t-cib", "10 < if 1 then") ==
          "cmp rbx, 0xa; mov rax, qword ptr [r15]; jge +18; mov eax, 1; lea r15, [r15 - 8]; mov rbx, rax; "
          "lea r15, [r15 + 8]; ret");
    CHECK(run("0 9 t-cib 0 10 t-cib") == std::vector<cell>{0, 1, 0});
}

TEST_CASE("cmp-branch: a zero comparison becomes test and a jump", "[peephole]") {
    CHECK(listing_with(true, "t-zb", "0= if 1 then") ==
          "test rbx, rbx; mov rax, qword ptr [r15]; jne +17; mov eax, 1; lea r15, [r15 - 8]; mov rbx, rax; "
          "lea r15, [r15 + 8]; ret");
    CHECK(run("0 t-zb 5 t-zb") == std::vector<cell>{1});
}

TEST_CASE("tail-call: a call at the end of a definition becomes a jmp", "[peephole]") {
    run(": t-long 8 1 do i + loop ;");   // a loop of its own: not inlined
    Bytes b = compile_with(true, "t-tail", "t-long");
    const uint8_t* code = (const uint8_t*)find_word("t-tail")->code;
    const uint8_t* target = (const uint8_t*)find_word("t-long")->code;
    int32_t rel = int32_t(target - (code + 5));
    // jmp t-long
    CHECK(b == Bytes{0xE9, uint8_t(rel), uint8_t(rel >> 8), uint8_t(rel >> 16), uint8_t(rel >> 24)});
    CHECK(run("0 t-tail") == std::vector<cell>{28});
    // and EXIT after a call, inside a definition
    run(": t-tail2 if t-long exit then 0 ;");
    CHECK(run("1 1 t-tail2 0 t-tail2") == std::vector<cell>{29, 0});
}

TEST_CASE("inlining: a small definition is copied into its caller, where the rules fuse it further", "[peephole]") {
    run(": t-inc 1 + ;");
    // both increments fold into one offset
    CHECK(listing_with(true, "t-inc2", "t-inc t-inc") == "lea rbx, [rbx + 2]; ret");
    // a definition with a branch keeps its own labels when inlined twice
    run(": t-sgn 0< if -1 else 1 then ;  : t-sgn2 t-sgn t-sgn ;");
    CHECK(run("-5 t-sgn2 5 t-sgn2") == std::vector<cell>{-1, 1});
    // -O0 does not inline: the caller calls
    Bytes o0 = compile_with(false, "t-inc2-o0", "t-inc t-inc");
    CHECK(o0[0] == 0xE8);
}

TEST_CASE("inlining: an empty definition (a field at offset 0) leaves no call behind", "[peephole]") {
    run(": t-field0 ( addr -- addr ) ;  : t-field1 ( addr -- addr ) cell+ ;");
    CHECK(listing_with(true, "t-fields", "t-field0 @ swap t-field1 @ +") ==
          "mov rbx, qword ptr [rbx]; mov rax, qword ptr [r15]; mov rax, qword ptr [rax + 8]; "
          "add rbx, rax; lea r15, [r15 + 8]; ret");
    CHECK(listing_with(false, "t-fields-o0", "t-field0").starts_with("call "));
    CHECK(run("create t-pair 3 , 4 ,  t-pair t-pair t-fields") == Cells{7});
    CHECK(run("t-pair t-pair t-fields-o0 t-fields") == Cells{7});
}

TEST_CASE("rotate-loops: BEGIN cond WHILE body REPEAT tests cond again at the bottom", "[peephole]") {
    // Label 0, Lit 1, Prim <, JumpZ 1, Prim 1+, Jump 0, Label 1  ->  the condition copied before a JumpNZ to a new label
    Word* lt = prim_word("<");
    Word* inc = prim_word("1+");
    std::vector<Op> ops = {{OpKind::Label, 0, nullptr, 0}, {OpKind::Lit, 1}, {OpKind::Prim, 0, lt}, {OpKind::JumpZ, 0, nullptr, 1},
                           {OpKind::Prim, 0, inc}, {OpKind::Jump, 0, nullptr, 0}, {OpKind::Label, 0, nullptr, 1}};
    int labels = 2;
    rotate_loops(ops, labels);
    REQUIRE(labels == 3);
    // Label 0, Lit 1, <, JumpZ 1, Label 2, 1+, Lit 1, <, JumpNZ 2, Label 1
    REQUIRE(ops.size() == 10);
    CHECK(ops[4].kind == OpKind::Label);
    CHECK(ops[4].a == 2);
    CHECK(ops[5].w == inc);
    CHECK(ops[6].kind == OpKind::Lit);
    CHECK(ops[7].w == lt);
    CHECK(ops[8].kind == OpKind::JumpZ);
    CHECK(ops[8].invert);
    CHECK(ops[8].a == 2);
    CHECK(ops[9].kind == OpKind::Label);
    CHECK(ops[9].a == 1);
    // a condition that calls a word is left alone
    std::vector<Op> call = {{OpKind::Label, 0, nullptr, 0}, {OpKind::Call, 0, lt}, {OpKind::JumpZ, 0, nullptr, 1},
                            {OpKind::Jump, 0, nullptr, 0}, {OpKind::Label, 0, nullptr, 1}};
    labels = 2;
    rotate_loops(call, labels);
    CHECK(call.size() == 5);
    CHECK(run(": t-rot 0 begin dup 5 < while 1+ repeat ; t-rot") == std::vector<cell>{5});
}

TEST_CASE("duplicate-latch: a jump to the loop's latch takes a copy of it", "[peephole]") {
    // Do 0, Prim 0=, JumpZ 1, Prim 1+, Label 1, Lit 2, PlusLoop 0
    //   ->  Do 0, 0=, JumpNZ 2, Lit 2, LoopStep 0 (+LOOP's), Leave 0, Label 2, 1+, Label 1, Lit 2, PlusLoop 0
    Word* zeq = prim_word("0=");
    Word* inc = prim_word("1+");
    std::vector<Op> ops = {{OpKind::Do, 0, nullptr, 0},      {OpKind::Prim, 0, zeq},      {OpKind::JumpZ, 0, nullptr, 1},
                           {OpKind::Prim, 0, inc},            {OpKind::Label, 0, nullptr, 1}, {OpKind::Lit, 2},
                           {OpKind::PlusLoop, 0, nullptr, 0}};
    int labels = 2;
    duplicate_latches(ops, labels);
    REQUIRE(labels == 3);
    REQUIRE(ops.size() == 11);
    CHECK(ops[2].kind == OpKind::JumpZ);
    CHECK(ops[2].invert);
    CHECK(ops[2].a == 2);
    CHECK(ops[3].kind == OpKind::Lit);
    CHECK(ops[3].n == 2);
    CHECK(ops[4].kind == OpKind::LoopStep);
    CHECK(ops[4].n == 1);   // +LOOP's step, popped
    CHECK(ops[5].kind == OpKind::Leave);
    CHECK(ops[6].kind == OpKind::Label);
    CHECK(ops[6].a == 2);
    CHECK(ops[7].w == inc);
    // A jump out of a nested loop to the outer loop's latch is left alone
    // (the inner loop's registers would still be live there).
    std::vector<Op> nested = {{OpKind::Do, 0, nullptr, 0}, {OpKind::Do, 0, nullptr, 1}, {OpKind::Jump, 0, nullptr, 0},
                              {OpKind::Loop, 0, nullptr, 1}, {OpKind::Label, 0, nullptr, 0}, {OpKind::Loop, 0, nullptr, 0}};
    labels = 1;
    duplicate_latches(nested, labels);
    CHECK(nested.size() == 6);
    CHECK(nested[2].kind == OpKind::Jump);
    // And so is a latch behind a call.
    std::vector<Op> call = {{OpKind::Do, 0, nullptr, 0}, {OpKind::JumpZ, 0, nullptr, 0}, {OpKind::Label, 0, nullptr, 0},
                            {OpKind::Call, 0, inc}, {OpKind::Loop, 0, nullptr, 0}};
    labels = 1;
    duplicate_latches(call, labels);
    CHECK(call.size() == 5);
    CHECK(run(": t-dl 0 10 0 do i 1 and if 1+ then loop ; t-dl") == std::vector<cell>{5});
}

TEST_CASE("inlining: an EXIT in a small definition jumps to the end of its copy", "[peephole]") {
    run(": t-clamp dup 0< if drop 0 exit then 1+ ;  : t-clamp2 t-clamp t-clamp 10 + ;");
    std::string l = listing_of("t-clamp2");
    INFO(l);
    CHECK(l.find("call") == std::string::npos);
    CHECK(l.find("ret") == l.rfind("ret"));   // one return, at the end
    CHECK(run("-5 t-clamp2 3 t-clamp2") == Cells{11, 15});
}

TEST_CASE("a DEFER word is called through its body, without its stub", "[peephole]") {
    run("defer t-df  ' 1+ is t-df  : t-dfc 5 t-df ;");
    std::string l = listing_of("t-dfc");
    INFO(l);
    CHECK(l.find("call qword ptr [rax]") != std::string::npos);
    CHECK(l.find("call t-df") == std::string::npos);
    CHECK(run("t-dfc") == Cells{6});
    run("' 2* is t-df");   // IS takes effect in code compiled before it
    CHECK(run("t-dfc") == Cells{10});
}

TEST_CASE("inlining: a straight-line word of up to 40 ops is inlined; one holding such a copy, only inside loops", "[peephole]") {
    // 16 ops: more than a small word's 12, inlined all the same.
    run(": t-mid ( n -- n' ) dup 3 * swap 5 + xor dup 7 and + 2* 1+ dup 9 - max 11 xor ;");
    run(": t-mid-out ( n -- n' ) t-mid 1+ ;");
    CHECK(listing_of("t-mid-out").find("call") == std::string::npos);
    // t-mid-out holds a copy of t-mid: copies of copies would make chains of
    // words grow with each link, so outside loops it is called.
    run(": t-mid-out2 ( n -- n' ) t-mid-out 1+ ;");
    CHECK(listing_of("t-mid-out2").find("call t-mid-out") != std::string::npos);
    // Inside DO and BEGIN loops, where a call is paid every time round, it is inlined.
    run(": t-mid-do ( n -- n' ) 4 0 do t-mid-out loop ;");
    run(": t-mid-begin ( n -- n' ) 3 begin >r t-mid-out r> 1- dup 0= until drop ;");
    CHECK(listing_of("t-mid-do").find("call") == std::string::npos);
    CHECK(listing_of("t-mid-begin").find("call") == std::string::npos);
    // After the loop, outside it again: a call (in tail position, a jump).
    run(": t-mid-after ( n -- n' ) 2 0 do 1+ loop t-mid-out ;");
    CHECK(listing_of("t-mid-after").find("jmp t-mid-out") != std::string::npos);
    // A body with a loop of its own stays a call even inside a loop.
    run(": t-mid-loop ( n -- n' ) begin dup 3 * swap 5 + xor dup 7 and + 2* 1+ dup 100 > until 9 - ;");
    run(": t-mid-loop-do ( n -- n' ) 4 0 do t-mid-loop loop ;");
    CHECK(listing_of("t-mid-loop-do").find("call t-mid-loop") != std::string::npos);
    CHECK(run("5 t-mid-loop-do") == run("5 t-mid-loop t-mid-loop t-mid-loop t-mid-loop"));
    Cells one = run("5 t-mid");
    CHECK(run("5 t-mid-out") == Cells{one[0] + 1});
    CHECK(run("5 t-mid-out2") == Cells{one[0] + 2});
    CHECK(run("5 t-mid-do") == run("5 t-mid-out t-mid-out t-mid-out t-mid-out"));
    CHECK(run("5 t-mid-begin") == run("5 t-mid-out t-mid-out t-mid-out"));
    CHECK(run("5 t-mid-after") == run("7 t-mid-out"));
}
