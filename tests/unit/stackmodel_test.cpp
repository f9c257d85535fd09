// SPDX-License-Identifier: MIT
// The compile-time stack model (asm/stackmodel.cpp), one test per thing it
// does, each showing the code it must produce (asm/disasm.h listing) and
// running it. The same definitions under -O0 give the same results
// (tests/unit/differential_test.cpp checks that on generated code).
#include "support.h"
#include "asm/assembler.h"

using namespace xf;
using namespace xf::test;

namespace {
// The address of a word's body (+ offset) as the listing shows it.
std::string body_hex(const std::string& name, cell offset = 0) {
    char buf[32];
    snprintf(buf, sizeof buf, "0x%lx", (unsigned long)((cell)find_word(name)->body + offset));
    return buf;
}
std::string code(const std::string& name, const std::string& body) {
    run(": " + name + " " + body + " ;");
    return listing_of(name);
}
}  // namespace

TEST_CASE("model: shuffles move no data, arithmetic works on registers", "[model]") {
    CHECK(code("m-shuf", "over over + rot rot - *") ==
          "mov rax, qword ptr [r15]; mov rcx, rax; add rcx, rbx; sub rax, rbx; imul rcx, rax; mov rbx, rcx; "
          "lea r15, [r15 + 8]; ret");
    CHECK(run("5 3 m-shuf") == std::vector<cell>{16});
    CHECK(code("m-rot", "rot") ==
          "mov rax, qword ptr [r15]; mov rcx, qword ptr [r15 + 8]; mov qword ptr [r15 + 8], rax; "
          "mov qword ptr [r15], rbx; mov rbx, rcx; ret");
    CHECK(run("1 2 3 m-rot") == std::vector<cell>{2, 3, 1});
}

TEST_CASE("model: an item loaded from the stack and unchanged is not stored back", "[model]") {
    // OVER's copy goes back to its own slot: only the old top is written.
    CHECK(code("m-over", "over") ==
          "mov rax, qword ptr [r15]; mov qword ptr [r15 - 8], rbx; mov rbx, rax; lea r15, [r15 - 8]; ret");
    CHECK(run("1 2 m-over") == std::vector<cell>{1, 2, 1});
}

TEST_CASE("model: constants fold, but never a division", "[model]") {
    CHECK(code("m-fold", "2 3 + 4 *") == "mov qword ptr [r15 - 8], rbx; mov ebx, 0x14; lea r15, [r15 - 8]; ret");
    CHECK(run("m-fold") == std::vector<cell>{20});
    run(": m-div 1 0 / ;  : m-mod 1 0 mod ;  : m-slmod 1 0 /mod ;  : m-ssl 1 1 0 */ ;");
    for (const char* w : {"m-div", "m-mod", "m-slmod", "m-ssl"}) CHECK(throw_of(w) == -10);
}

TEST_CASE("model: an offset added to a register is folded into the next address", "[model]") {
    CHECK(code("m-cellat", "cell+ @") == "mov rbx, qword ptr [rbx + 8]; ret");
    run("create m-pair 5 , 7 ,");
    CHECK(run("m-pair m-cellat") == std::vector<cell>{7});
    CHECK(code("m-inc", "1 swap +!") == "add qword ptr [rbx], 1; mov rbx, qword ptr [r15]; lea r15, [r15 + 8]; ret");
    CHECK(run("m-pair m-inc m-pair @") == std::vector<cell>{6});
}

TEST_CASE("model: CELLS and the + after it become base + index*8 in the next address", "[model]") {
    run("create m-arr 5 , 7 , 9 ,");
    CHECK(code("m-nth", "cells + @") ==
          "mov rax, qword ptr [r15]; mov rcx, qword ptr [rax + rbx*8]; mov rbx, rcx; lea r15, [r15 + 8]; ret");
    CHECK(run("m-arr 2 m-nth  m-arr 0 m-nth") == std::vector<cell>{9, 5});
    // A constant base and offset fold into the displacement.
    CHECK(code("m-nth1", "1+ cells m-arr + @") ==
          "mov rax, qword ptr [rbx*8 + " + body_hex("m-arr", 8) + "]; mov rbx, rax; ret");
    CHECK(run("1 m-nth1") == std::vector<cell>{9});
    // As a value: one lea (flags untouched, so it may conform a branch's state).
    CHECK(code("m-addr", "cells +") == "mov rax, qword ptr [r15]; lea rbx, [rax + rbx*8]; lea r15, [r15 + 8]; ret");
    CHECK(code("m-cells", "cells") == "lea rbx, [rbx*8]; ret");
    CHECK(run("m-arr 1 m-addr @  3 m-cells  -2 m-cells") == std::vector<cell>{7, 24, -16});
    CHECK(code("m-store", "cells m-arr + !") ==
          "mov rax, qword ptr [r15]; mov qword ptr [rbx*8 + " + body_hex("m-arr") +
          "], rax; mov rbx, qword ptr [r15 + 8]; lea r15, [r15 + 0x10]; ret");
    CHECK(run("11 1 m-store  m-arr cell+ @") == std::vector<cell>{11});
}

TEST_CASE("model: $FFFFFFFF AND is a 32-bit mov", "[model]") {
    CHECK(code("m-low32", "$FFFFFFFF and") == "mov ebx, ebx; ret");
    CHECK(run("-1 m-low32  $123456789 m-low32  5 m-low32") == std::vector<cell>{0xFFFFFFFF, 0x23456789, 5});
}

TEST_CASE("model: >R and R> in one piece of code pass through registers", "[model]") {
    CHECK(code("m-rr", "1 >r 2 r> +") == "mov qword ptr [r15 - 8], rbx; mov ebx, 3; lea r15, [r15 - 8]; ret");
    CHECK(run("m-rr") == std::vector<cell>{3});
    // across a call the value really goes to the return stack
    run(": m-long 8 1 do i + loop ;  : m-rcall >r m-long r> ;");   // m-long has a loop: called
    CHECK(listing_of("m-rcall").find("push rbx") != std::string::npos);
    CHECK(run("1 2 m-rcall") == std::vector<cell>{29, 2});
}

TEST_CASE("model: a BEGIN loop keeps its items in registers", "[model]") {
    // BEGIN cond WHILE body REPEAT is rotated: the condition again at the bottom, one jump a time round.
    CHECK(code("m-begin", "begin dup while 1- repeat drop") ==
          "test rbx, rbx; je +14; lea rbx, [rbx - 1]; test rbx, rbx; jne +5; mov rbx, qword ptr [r15]; "
          "lea r15, [r15 + 8]; ret");
    CHECK(run("7 5 m-begin") == std::vector<cell>{7});
    CHECK(code("m-until", "0 begin 1+ dup 10 = until") ==
          "mov eax, 0; lea rax, [rax + 1]; cmp rax, 0xa; jne +5; mov qword ptr [r15 - 8], rbx; mov rbx, rax; "
          "lea r15, [r15 - 8]; ret");
    CHECK(run("m-until") == std::vector<cell>{10});
}

TEST_CASE("model: both arms of IF ELSE THEN meet in the same registers", "[model]") {
    CHECK(code("m-ifelse", "if 1 else 2 then") ==
          "test rbx, rbx; mov rax, qword ptr [r15]; je +15; mov ecx, 1; jmp +20; mov ecx, 2; mov rbx, rcx; ret");
    CHECK(run("0 m-ifelse 5 m-ifelse") == std::vector<cell>{2, 1});
}

TEST_CASE("model: n AND before a branch is one test", "[model]") {
    CHECK(code("m-andif", "1 and if 1 else 2 then") ==
          "test rbx, 1; mov rax, qword ptr [r15]; je +19; mov ecx, 1; jmp +24; mov ecx, 2; mov rbx, rcx; ret");
    CHECK(run("3 m-andif 4 m-andif") == std::vector<cell>{1, 2});
    // 0= (and the other zero comparisons) before IF: the same test, the jump inverted.
    CHECK(code("m-and0=", "255 and 0= if 1 else 2 then") ==
          "test rbx, 0xff; mov rax, qword ptr [r15]; jne +19; mov ecx, 1; jmp +24; mov ecx, 2; mov rbx, rcx; ret");
    CHECK(run("256 m-and0= 3 m-and0=") == std::vector<cell>{1, 2});
    CHECK(run(": m-and0< -8 and 0< if 1 else 2 then ; -9 m-and0< 7 m-and0<") == std::vector<cell>{1, 2});
}

TEST_CASE("model: DO LOOP keeps the sum in a register and I is one lea", "[model]") {
    CHECK(code("m-sum", "0 swap 0 ?do i + loop") ==
          "push r13; push r14; mov r13, rbx; btc r13, 0x3f; mov r14d, 0; sub r14, r13; "
          "movabs r11, 0x8000000000000000; cmp r14, r11; jne +51; pop r14; pop r13; mov eax, 0; jmp +73; "
          "mov eax, 0; lea r11, [r14 + r13]; add rax, r11; add r14, 1; jno +56; pop r14; pop r13; mov rbx, rax; ret");
    CHECK(run("10 m-sum 0 m-sum") == std::vector<cell>{45, 0});
}

TEST_CASE("model: a loop whose depth changes each time round conforms at the back edge", "[model]") {
    CHECK(code("m-grow", "10 0 do i loop") ==
          "push r13; push r14; movabs r13, 0x800000000000000a; movabs r14, 0x7ffffffffffffff6; lea rax, [r14 + r13]; "
          "add r14, 1; mov qword ptr [r15 - 8], rbx; mov rbx, rax; lea r15, [r15 - 8]; jno +24; pop r14; pop r13; ret");
    CHECK(run("m-grow") == std::vector<cell>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
    // Shrinking, with several constants held in registers at the loop's top,
    // on a stack holding nothing else (the loads at the back edge reach below
    // the bottom, into memory that is there for this).
    run(": m-shrink 1 2 3 4 4 0 do drop loop ;");
    CHECK(run("m-shrink") == std::vector<cell>{});
    CHECK(run("9 m-shrink") == std::vector<cell>{9});
}

TEST_CASE("model: an underflow the model could hide is still caught", "[model]") {
    run(": m-under drop drop ;");
    CHECK(throw_of("1 m-under") == -4);
    CHECK(run("1 ' m-under catch nip") == std::vector<cell>{-4});
}

TEST_CASE("model: words it does not know get the canonical state", "[model]") {
    // ABS is not modelled: the state is made canonical (TOS in rbx) first.
    CHECK(code("m-abs", "-2 abs") ==
          "mov qword ptr [r15 - 8], rbx; mov rbx, -2; lea r15, [r15 - 8]; mov rax, rbx; neg rax; cmovns rbx, rax; ret");
    CHECK(run("7 m-abs") == std::vector<cell>{7, 2});
}

TEST_CASE("model: PICK with a constant index is a copy", "[model]") {
    CHECK(code("m-pick", "1 2 pick") ==
          "mov rax, qword ptr [r15]; mov qword ptr [r15 - 8], rbx; mov qword ptr [r15 - 0x10], 1; mov rbx, rax; "
          "lea r15, [r15 - 0x10]; ret");
    CHECK(run("7 8 m-pick") == std::vector<cell>{7, 8, 1, 7});
    run(": m-pickn pick ;");   // an index not known: the primitive
    CHECK(run("4 5 6 2 m-pickn") == std::vector<cell>{4, 5, 6, 4});
}

TEST_CASE("recursion: RECURSE is inlined three levels deep, and in tail position it is a jump", "[model]") {
    // The innermost copy's own RECURSE is the last thing: jmp to the start.
    // Each copy's EXIT is one inverted branch (branch-over-jump) to the end.
    CHECK(code("m-count", "dup 0= if exit then 1- recurse") ==
          "test rbx, rbx; jne +6; ret; lea rbx, [rbx - 1]; test rbx, rbx; je +42; lea rbx, [rbx - 1]; "
          "test rbx, rbx; je +42; lea rbx, [rbx - 1]; test rbx, rbx; je +42; lea rbx, [rbx - 1]; jmp +0; ret");
    CHECK(run("100000000 m-count") == std::vector<cell>{0});   // would overflow the return stack as calls
    run(": m-fib dup 2 < if exit then dup 1- recurse swap 2 - recurse + ;");
    std::string fib = listing_of("m-fib");
    size_t calls = 0;
    for (size_t at = 0; (at = fib.find("call +0", at)) != std::string::npos; ++at) ++calls;
    CHECK(calls == 16);   // 2 + 4 + 8 copies of the body; the last eight make two calls each
    CHECK(run("25 m-fib 1 m-fib 0 m-fib") == std::vector<cell>{75025, 1, 0});
    // A bigger body stops at the level that would pass 256 ops: one, here.
    std::string padding;
    for (int i = 0; i < 12; ++i) padding += " 1+ 1-";
    run(": m-bigfib dup 2 < if exit then dup 1- recurse swap 2 - recurse +" + padding + " ;");
    std::string bigfib = listing_of("m-bigfib");
    calls = 0;
    for (size_t at = 0; (at = bigfib.find("call +0", at)) != std::string::npos; ++at) ++calls;
    CHECK(calls == 4);
    CHECK(run("25 m-bigfib") == std::vector<cell>{75025});
    run(": m-fact dup 2 < if drop 1 exit then dup 1- recurse * ;");
    CHECK(run("20 m-fact 1 m-fact") == std::vector<cell>{2432902008176640000, 1});
}

TEST_CASE("VALUE compiles to a load from its body; a small DOES> part is inlined, a big one called", "[model]") {
    run("0 value m-v");
    CHECK(code("m-incv", "m-v 1+ to m-v").find("call") == std::string::npos);
    CHECK(run("m-incv m-incv m-v") == std::vector<cell>{2});
    // The DOES> part's ops follow the body's address, and the model folds them:
    // 3 m-a is one constant address.
    run(": m-arr create cells allot does> swap cells + ;  4 m-arr m-a");
    CHECK(code("m-a3", "3 m-a") == "mov qword ptr [r15 - 8], rbx; mov ebx, " + body_hex("m-a", 24) +
                                       "; lea r15, [r15 - 8]; ret");
    CHECK(run("m-a3 0 m-a -") == std::vector<cell>{24});
    run(": m-counter create 0 , does> 1 swap +! ;  m-counter m-c");
    CHECK(code("m-c2", "m-c m-c") ==
          "add qword ptr [" + body_hex("m-c") + "], 1; add qword ptr [" + body_hex("m-c") + "], 1; ret");
    CHECK(run("m-c2 m-c ' m-c >body @") == std::vector<cell>{3});
    // A DOES> part with a loop (not inlinable) is called directly: into m-big's
    // DOES> code, not through m-b's stub.
    run(": m-big create , does> @ 0 swap 0 ?do i + loop ;  4 m-big m-b");
    CHECK(code("m-b1", "m-b 1+").find("call m-big") != std::string::npos);
    CHECK(run("m-b1") == std::vector<cell>{7});
    // -O0 calls the DOES> code of the same words: the same results.
    optimize = false;
    run(": m-o0 3 m-a 0 m-a -  m-c m-c ['] m-c >body @  m-b 1+ ;");
    optimize = true;
    CHECK(listing_of("m-o0").find("call m-arr") != std::string::npos);
    CHECK(run("m-o0") == std::vector<cell>{24, 5, 7});
}

TEST_CASE("model: a loop's head loads the items its body reads, so none goes through memory", "[model]") {
    // a b n -- sum of a[i]*b[i]: both pointers and the sum stay in registers.
    std::string l = code("m-dot", "0 swap 0 do >r over @ over @ * r> + >r cell+ swap cell+ swap r> loop nip nip");
    // r15 appears four times: the two loads at the head, and "lea r15, [r15 + 0x10]" at the end.
    size_t r15 = 0;
    for (size_t at = 0; (at = l.find("r15", at)) != std::string::npos; ++at) ++r15;
    INFO(l);
    CHECK(r15 == 4);
    run("create m-va 1 , 2 , 3 ,  create m-vb 4 , 5 , 6 ,");
    CHECK(run("m-va m-vb 3 m-dot") == std::vector<cell>{32});
    // A loop that reads nothing below its top keeps the others where they are.
    CHECK(code("m-count3", "0 begin 1+ dup 3 = until").find("r15 + 8") == std::string::npos);
}

TEST_CASE("CATCH is inlined: one call of the frame code, then the handled-error flags cleared", "[model]") {
    std::string l = code("m-catch", "['] dup catch");
    const std::string tail = "mov byte ptr [";
    size_t call = l.find("; call 0x");
    REQUIRE(call != std::string::npos);
    CHECK(l.find("call", call + 6) == std::string::npos);   // no call of a CATCH body besides
    CHECK(l.find(tail, call) != std::string::npos);
    CHECK(l.substr(l.size() - 5) == "; ret");
    CHECK(run("7 m-catch") == std::vector<cell>{7, 7, 0});
    CHECK(run(": m-catch2 ['] throw catch ; 0 5 m-catch2") == std::vector<cell>{0, 5, 5});   // the depth restored, then the code
}

TEST_CASE("model: a loop head starts a 64-byte window, after NOPs that fall through to it", "[model]") {
    const std::string packed = code("m-packed", "0 begin 1+ dup 1000 = until");
    loop_alignment = 64;
    const std::string aligned = code("m-aligned", "0 begin 1+ dup 1000 = until");
    loop_alignment = 1;
    CHECK(run("m-aligned") == std::vector<cell>{1000});
    // The same code, with the padding between `mov eax, 0` and the loop.
    std::string without_nops, padding;
    for (size_t at = 0, end; at < aligned.size(); at = end + 2) {
        end = std::min(aligned.find("; ", at), aligned.size());
        std::string insn = aligned.substr(at, end - at);
        (insn.rfind("nop", 0) == 0 ? padding : without_nops) += insn + "; ";
    }
    auto no_offsets = [](std::string s) {   // "jne +123" -> "jne"
        for (size_t at = 0; (at = s.find("jne +", at)) != std::string::npos;) {
            size_t end = at + 5;
            while (end < s.size() && isdigit((unsigned char)s[end])) ++end;
            s.erase(at + 3, end - at - 3);
            at += 3;
        }
        return s;
    };
    CHECK(no_offsets(without_nops.substr(0, without_nops.size() - 2)) == no_offsets(packed));
    CHECK(aligned.rfind("mov eax, 0; nop", 0) == 0);
    // The backward jump lands on a multiple of 64.
    size_t jne = aligned.find("jne +");
    REQUIRE(jne != std::string::npos);
    long target = std::stol(aligned.substr(jne + 5));
    CHECK(((uintptr_t)find_word("m-aligned")->code + target) % 64 == 0);
}

TEST_CASE("model: each arm of an IF before LOOP goes round through its own copy of the latch", "[model]") {
    // duplicate-latch: one taken branch a time round on either arm. The code
    // after the second copy (the original latch, reached by no jump any
    // more) is not assembled, so that copy's jump out lands on the next
    // instruction and is not assembled either.
    CHECK(code("m-arms", "0 10 0 do i 1 and if 1+ else 2 + then loop") ==
          "push r13; push r14; movabs r13, 0x800000000000000a; movabs r14, 0x7ffffffffffffff6; mov eax, 0; "
          "lea rcx, [r14 + r13]; test rcx, 1; jne +54; add r14, 1; lea rax, [rax + 2]; jno +29; jmp +64; "
          "add r14, 1; lea rax, [rax + 1]; jno +29; pop r14; pop r13; mov qword ptr [r15 - 8], rbx; mov rbx, rax; "
          "lea r15, [r15 - 8]; ret");
    CHECK(run("m-arms") == std::vector<cell>{15});
}

TEST_CASE("jumps: forward jumps are short where they reach and near where they do not", "[model]") {
    CHECK(code("m-short", "if 1+ then") == "test rbx, rbx; mov rax, qword ptr [r15]; je +12; lea rax, [rax + 1]; "
                                           "mov rbx, rax; lea r15, [r15 + 8]; ret");
    CHECK(run("5 0 m-short 5 1 m-short") == std::vector<cell>{5, 6});
    // Forty stores of 8 bytes: the jump over them needs a 32-bit displacement.
    std::string body = "if";
    for (int i = 0; i < 40; ++i) body += " dup " + std::to_string(i) + " cells dbuf-j + !";
    body += " then";
    run("create dbuf-j 40 cells allot");
    std::string l = code("m-far", body);
    size_t je = l.find("je +");
    REQUIRE(je != std::string::npos);
    long target = std::stol(l.substr(je + 4));
    CHECK(target > 127);
    const uint8_t* p = (const uint8_t*)find_word("m-far")->code;
    size_t at = 0;
    while (!(p[at] == 0x0F && p[at + 1] == 0x84)) ++at;   // je rel32
    CHECK(at + 6 + *(const int32_t*)(p + at + 2) == size_t(target));
    CHECK(run("7 1 m-far dbuf-j 39 cells + @") == std::vector<cell>{7, 7});
}

TEST_CASE("jumps: the plan sizes each forward jump from what the pass before measured", "[model]") {
    loop_alignment = 64;
    JumpRecord r;
    r.clear(5);
    // label 0 at 20, right after a 5-byte jmp at 15: not assembled at all.
    r.sites.push_back({15, 20, 0});
    r.bound_at[0] = 20;
    // label 1 at 180, from a 6-byte jcc at 60: short (displacement 118).
    r.sites.push_back({60, 66, 1});
    r.bound_at[1] = 180;
    // label 2 at 100, from a jcc at 30, with a loop head's padding between:
    // 68 now, but the padding may grow by 63 once other jumps shrink: near.
    r.sites.push_back({30, 36, 2});
    r.bound_at[2] = 100;
    r.aligns.push_back(50);
    // label 3 at 300: near.
    r.sites.push_back({40, 46, 3});
    r.bound_at[3] = 300;
    // label 4 never placed: near.
    r.sites.push_back({50, 56, 4});
    std::vector<JumpSize> plan;
    CHECK(r.plan(plan));
    CHECK(plan == std::vector<JumpSize>{JumpSize::None, JumpSize::Short, JumpSize::Near, JumpSize::Near, JumpSize::Near});
    // Nothing to gain: every site already short, or near for good reason.
    JumpRecord same;
    same.clear(1);
    same.sites.push_back({0, 2, 0});
    same.bound_at[0] = 50;
    CHECK_FALSE(same.plan(plan));
    loop_alignment = 1;
}

TEST_CASE("model: ?DUP before IF or WHILE is one test, the item kept only on the path that wants it", "[model]") {
    CHECK(code("m-qdup", "?dup if 1+ then") ==
          "mov rax, qword ptr [r15]; test rbx, rbx; je +16; lea rax, [rbx + 1]; lea r15, [r15 - 8]; mov rbx, rax; "
          "lea r15, [r15 + 8]; ret");
    CHECK(run("7 0 m-qdup 7 4 m-qdup") == Cells{7, 7, 5});
    // Rotated: the test at the bottom jumps back while not zero, with the item.
    CHECK(code("m-qwhile", "begin ?dup while 1- repeat") ==
          "mov rax, qword ptr [r15]; test rbx, rbx; je +17; lea rbx, [rbx - 1]; test rbx, rbx; jne +8; mov rbx, rax; "
          "lea r15, [r15 + 8]; ret");
    CHECK(run("7 3 m-qwhile 7 0 m-qwhile") == Cells{7, 7});
}

TEST_CASE("model: THROW is a test of the code; the call only when it is not zero", "[model]") {
    run(": m-thr throw 5 ;");
    std::string l = listing_of("m-thr");
    CHECK(l.rfind("test rbx, rbx; je +", 0) == 0);
    CHECK(l.find("; call THROW") != std::string::npos);
    CHECK(run("0 m-thr") == Cells{5});
    CHECK(run("-3 ' m-thr catch") == Cells{-3, -3});   // the depth at CATCH restored: the code's slot, then the code
    // Items in registers stay there on the path that goes on; the throwing path spills them.
    run(": m-thr2 1 2 rot throw + ;");
    CHECK(run("0 m-thr2") == Cells{3});
    CHECK(run("9 -7 ' m-thr2 catch nip") == Cells{9, -7});
}
