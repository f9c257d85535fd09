// SPDX-License-Identifier: MIT
// A reference next to the fast path (STYLE.md, example 10): every
// primitive's callable body (`' X EXECUTE`) must agree with its inlined
// form (`: t X ;`, with and without the fusion rules) and, when it has one,
// with its literal form (`: t n X ;`). The table below names the inputs for
// each primitive; a primitive missing from it fails the test, so that a new
// primitive comes with its check. Also: every built-in word has a stack
// comment.
#include "support.h"
#include <algorithm>
#include <map>

using namespace xf;
using namespace xf::test;

namespace {
struct Case {
    std::vector<std::string> inputs;   // each ends with a number when the word has a literal form
    std::string after = "";            // run after the word, to read memory it changed
};

// T-CBUF is a 16-byte scratch buffer.
const std::map<std::string, Case> CASES = {
    // stack
    {"DUP", {{"1", "-9223372036854775808"}}},
    {"DROP", {{"1 2"}}},
    {"SWAP", {{"1 2"}}},
    {"OVER", {{"1 2"}}},
    {"ROT", {{"1 2 3"}}},
    {"-ROT", {{"1 2 3"}}},
    {"NIP", {{"1 2"}}},
    {"TUCK", {{"1 2"}}},
    {"?DUP", {{"0", "5", "-1"}}},
    {"2DUP", {{"1 2"}}},
    {"2DROP", {{"1 2 3"}}},
    {"2SWAP", {{"1 2 3 4"}}},
    {"2OVER", {{"1 2 3 4"}}},
    {"PICK", {{"10 20 30 0", "10 20 30 2"}}},
    {"DEPTH", {{"", "1 2 3"}}},
    // arithmetic
    {"+", {{"3 4", "-5 $100000000", "9223372036854775807 1"}}},
    {"-", {{"3 4", "-5 $100000000", "-9223372036854775808 1"}}},
    {"AND", {{"12 10", "-1 $ffffffff00000000"}}},
    {"OR", {{"12 10", "0 -8"}}},
    {"XOR", {{"12 10", "-1 -1"}}},
    {"*", {{"6 -7", "3 $100000000", "9223372036854775807 3"}}},
    {"NEGATE", {{"5", "-9223372036854775808"}}},
    {"INVERT", {{"5", "0"}}},
    {"1+", {{"-1", "9223372036854775807"}}},
    {"1-", {{"0", "-9223372036854775808"}}},
    {"2*", {{"-5", "$4000000000000000"}}},
    {"2/", {{"-5", "-1", "7"}}},
    {"CELL+", {{"3"}}},
    {"CELLS", {{"3", "-1"}}},
    {"ABS", {{"-5", "5", "-9223372036854775808"}}},
    {"LSHIFT", {{"-1 4", "1 63"}}},
    {"RSHIFT", {{"-1 4", "-1 63"}}},
    {"MIN", {{"-1 1", "1 -1", "3 3"}}},
    {"MAX", {{"-1 1", "1 -1", "3 3"}}},
    {"/", {{"-7 2", "7 -2", "7 2"}}},
    {"MOD", {{"-7 2", "7 -2", "7 2"}}},
    {"/MOD", {{"-7 2", "7 -2", "-7 -2"}}},
    {"*/", {{"-7 3 2", "9223372036854775807 4 8"}}},
    {"*/MOD", {{"-7 3 2", "9223372036854775807 4 8"}}},
    {"FM/MOD", {{"-7 -1 2", "7 0 -2", "1 1 4"}}},
    {"SM/REM", {{"-7 -1 2", "7 0 -2", "1 1 4"}}},
    {"UM/MOD", {{"7 0 2", "-1 0 2", "0 1 2"}}},
    {"UM*", {{"-1 -1", "6 7"}}},
    {"M*", {{"-1 -1", "-6 7"}}},
    {"S>D", {{"-5", "5"}}},
    // comparisons
    {"=", {{"1 2", "2 2", "-1 -1"}}},
    {"<>", {{"1 2", "2 2"}}},
    {"<", {{"1 2", "2 1", "-1 1", "1 1"}}},
    {">", {{"1 2", "2 1", "-1 1", "1 1"}}},
    {"<=", {{"1 2", "2 1", "1 1"}}},
    {">=", {{"1 2", "2 1", "1 1"}}},
    {"U<", {{"1 2", "-1 1", "1 -1"}}},
    {"U>", {{"1 2", "-1 1", "1 -1"}}},
    {"0=", {{"0", "-3"}}},
    {"0<>", {{"0", "-3"}}},
    {"0>", {{"0", "-3", "3"}}},
    {"0<", {{"0", "-3", "3"}}},
    // memory
    {"@", {{"77 t-cbuf ! t-cbuf"}}},
    {"!", {{"5 t-cbuf", "-1 t-cbuf"}, "t-cbuf @"}},
    {"C@", {{"200 t-cbuf c! t-cbuf"}}},
    {"C!", {{"300 t-cbuf"}, "t-cbuf @"}},
    {"+!", {{"1 t-cbuf ! 5 t-cbuf"}, "t-cbuf @"}},
    {"2@", {{"1 2 t-cbuf 2! t-cbuf"}}},
    {"2!", {{"1 2 t-cbuf"}, "t-cbuf 2@"}},
    {"COUNT", {{"3 t-cbuf c! t-cbuf"}}},
    {"-TRAILING", {{"bl t-cbuf 2 + c! bl t-cbuf 3 + c! t-cbuf 4"}}},
    {"/STRING", {{"t-cbuf 10 3", "t-cbuf 10 -2"}}},
    // double
    {"2ROT", {{"1 2 3 4 5 6"}}},
    {"D+", {{"1 2 3 4", "-1 -1 1 0"}}},
    {"D-", {{"1 2 3 4", "0 0 1 0"}}},
    {"D0<", {{"1 -1", "1 0"}}},
    {"D0=", {{"0 0", "1 0"}}},
    {"D2*", {{"-1 0", "5 7"}}},
    {"D2/", {{"-1 -1", "1 1"}}},
    {"D<", {{"1 2 3 4", "3 4 1 2"}}},
    {"D=", {{"1 2 1 2", "1 2 1 3"}}},
    {"D>S", {{"-5 -1"}}},
    {"DABS", {{"-5 -1", "5 0"}}},
    {"DMAX", {{"1 2 3 4", "-1 -1 0 0"}}},
    {"DMIN", {{"1 2 3 4", "-1 -1 0 0"}}},
    {"DNEGATE", {{"1 0", "0 0"}}},
    {"DU<", {{"1 2 3 4", "0 -1 0 1"}}},
    {"M+", {{"1 2 3", "-1 -1 1"}}},
    // floating point: t-fbits moves what is on the float stack, as bit patterns, to the data stack
    {"FDUP", {{"1.5e"}, "t-fbits"}},
    {"FDROP", {{"1e 2e"}, "t-fbits"}},
    {"FSWAP", {{"1e 2e"}, "t-fbits"}},
    {"FOVER", {{"1e 2e"}, "t-fbits"}},
    {"FROT", {{"1e 2e 3e"}, "t-fbits"}},
    {"FNIP", {{"1e 2e"}, "t-fbits"}},
    {"FTUCK", {{"1e 2e"}, "t-fbits"}},
    {"FPICK", {{"1e 2e 3e 1", "1e 2e 0"}, "t-fbits"}},
    {"FDEPTH", {{"", "1e 2e"}, "t-fbits"}},
    {"F+", {{"1.5e 2.25e"}, "t-fbits"}},
    {"F-", {{"1.5e 2.25e"}, "t-fbits"}},
    {"F*", {{"1.5e -2e"}, "t-fbits"}},
    {"F/", {{"1e 3e", "1e 0e"}, "t-fbits"}},
    {"FNEGATE", {{"0e", "2e"}, "t-fbits"}},
    {"FABS", {{"-2e", "-0e"}, "t-fbits"}},
    {"FSQRT", {{"2e"}, "t-fbits"}},
    {"FMAX", {{"1e 2e", "-0e 0e"}, "t-fbits"}},
    {"FMIN", {{"1e 2e", "-0e 0e"}, "t-fbits"}},
    {"F0=", {{"0e", "1e"}, "t-fbits"}},
    {"F0<>", {{"0e", "1e"}, "t-fbits"}},
    {"F0<", {{"-1e", "1e"}, "t-fbits"}},
    {"F0<=", {{"0e", "1e"}, "t-fbits"}},
    {"F0>", {{"1e", "-1e"}, "t-fbits"}},
    {"F0>=", {{"0e", "-1e"}, "t-fbits"}},
    {"F=", {{"1e 1e", "1e 2e"}, "t-fbits"}},
    {"F<>", {{"1e 1e", "1e 2e"}, "t-fbits"}},
    {"F<", {{"1e 2e", "2e 1e"}, "t-fbits"}},
    {"F<=", {{"1e 1e", "2e 1e"}, "t-fbits"}},
    {"F>", {{"2e 1e", "1e 2e"}, "t-fbits"}},
    {"F>=", {{"1e 1e", "1e 2e"}, "t-fbits"}},
    {"F@", {{"2.5e t-cbuf f! t-cbuf"}, "t-fbits"}},
    {"F!", {{"2.5e t-cbuf"}, "t-cbuf @"}},
    {"DF@", {{"2.5e t-cbuf df! t-cbuf"}, "t-fbits"}},
    {"DF!", {{"2.5e t-cbuf"}, "t-cbuf @"}},
    {"SF@", {{"2.5e t-cbuf sf! t-cbuf"}, "t-fbits"}},
    {"SF!", {{"2.5e t-cbuf"}, "t-cbuf @"}},
    {"FLOAT+", {{"8"}, "t-fbits"}},
    {"FLOATS", {{"3"}, "t-fbits"}},
    {"DFLOAT+", {{"8"}, "t-fbits"}},
    {"DFLOATS", {{"3"}, "t-fbits"}},
    {"SFLOAT+", {{"8"}, "t-fbits"}},
    {"SFLOATS", {{"3"}, "t-fbits"}},
    {"FALIGNED", {{"9"}, "t-fbits"}},
    {"DFALIGNED", {{"9"}, "t-fbits"}},
    {"SFALIGNED", {{"9"}, "t-fbits"}},
    {"S>F", {{"-7"}, "t-fbits"}},
    {"F>S", {{"-7.5e"}, "t-fbits"}},
    {"D>F", {{"-7."}, "t-fbits"}},
    {"F>D", {{"-7.5e", "1e30"}, "t-fbits"}},
    {"FLOOR", {{"-1.5e"}, "t-fbits"}},
    {"FROUND", {{"2.5e", "-1.5e"}, "t-fbits"}},
    {"FTRUNC", {{"-1.5e"}, "t-fbits"}},
    {"FILL", {{"t-cbuf 3 65", "t-cbuf 0 66", "t-cbuf -1 67"}, "t-cbuf c@ t-cbuf 2 + c@"}},
    {"MOVE", {{"1 t-cbuf c! t-cbuf t-cbuf 1+ 4", "t-cbuf 1+ t-cbuf 2"}, "t-cbuf c@ t-cbuf 3 + c@"}},
    {"CMOVE", {{"7 t-cbuf c! t-cbuf t-cbuf 1+ 3"}, "t-cbuf 3 + c@"}},
    {"CMOVE>", {{"7 t-cbuf 3 + c! t-cbuf 1+ t-cbuf 3"}, "t-cbuf c@"}},
    {"CHAR+", {{"5"}}},
    {"CHARS", {{"5"}}},
    {"ALIGNED", {{"9", "8", "0"}}},
    {"HERE", {{""}}},
    // control
    {"EXECUTE", {{"2 ' dup", "3 4 ' +"}}},
    {"(IS!)", {{"' dup t-cbuf", "' + t-cbuf"}, "t-cbuf @"}},
    // (xts in constants: the literal form takes the last word as its literal)
    {"CATCH", {{"2 t-xt-dup", "5 t-xt-throw", "0 t-xt-throw", "1 0 t-xt-/", "7 t-no-xt"}}},
    // system variables
    {"STATE", {{""}, "@"}},
    {"BASE", {{""}, "@"}},
    {">IN", {{""}}},
    {"BLK", {{""}, "@"}},
    // memory allocation: the address varies, so `after` keeps its alignment and frees it
    {"ALLOCATE", {{"24", "0", "1000", "1024", "1025", "100000", "-1"}, "swap dup 7 and swap free + +"}},
    {"FREE", {{"0", "8", "24 allocate drop", "5000 allocate drop", "24 allocate drop dup free drop", "here"}}},
    {"SCR", {{""}, "@"}},
};

// Compile-only primitives: no `' X EXECUTE` in interpretation state; their
// bodies are checked through EXECUTE inside a definition in stack_test.cpp
// and control_test.cpp.
const std::vector<std::string> COMPILE_ONLY = {">R", "R>", "R@", "RDROP", "2>R", "2R>", "2R@", "I", "J", "UNLOOP", "N>R", "NR>"};

std::vector<Word*> primitives() {
    boot_once();
    std::vector<Word*> out;
    for (Word* w = dict.forth.latest; w; w = w->link)
        if (w->kind == Kind::Primitive && w == prim_word(w->name_view())) out.push_back(w);
    return out;
}

// Splits "a b c" into "a b" and "c".
std::pair<std::string, std::string> split_last(const std::string& s) {
    size_t sp = s.rfind(' ');
    if (sp == std::string::npos) return {"", s};
    return {s.substr(0, sp), s.substr(sp + 1)};
}
}  // namespace

TEST_CASE("every primitive's callable body agrees with its inline and literal forms", "[callable]") {
    run("create t-cbuf 16 allot  : t-fbits fdepth 0 ?do t-cbuf f! t-cbuf @ loop ;");
    run("' dup constant t-xt-dup  ' throw constant t-xt-throw  ' / constant t-xt-/  here constant t-no-xt");
    int n = 0;
    for (Word* w : primitives()) {
        std::string name(w->name_view());
        INFO("primitive " << name);
        if (w->flags & F_COMPILE_ONLY) {
            CHECK(std::find(COMPILE_ONLY.begin(), COMPILE_ONLY.end(), name) != COMPILE_ONLY.end());
            continue;
        }
        auto it = CASES.find(name);
        CHECK(it != CASES.end());   // add the new primitive to CASES
        if (it == CASES.end()) continue;
        const Case& c = it->second;
        std::string id = "t-inl-" + std::to_string(n++);
        for (bool opt : {true, false}) {
            bool saved = optimize;
            optimize = opt;
            run(": " + id + (opt ? "-o " : "-n ") + name + " ;");
            optimize = saved;
        }
        for (const std::string& in : c.inputs) {
            INFO("inputs: " << in);
            run("0 t-cbuf ! 0 t-cbuf cell+ !");
            Cells called = run(in + " ' " + name + " execute " + c.after);
            run("0 t-cbuf ! 0 t-cbuf cell+ !");
            CHECK(run(in + " " + id + "-o " + c.after) == called);
            run("0 t-cbuf ! 0 t-cbuf cell+ !");
            CHECK(run(in + " " + id + "-n " + c.after) == called);
            if (w->prim->emit_imm) {
                auto [rest, lit] = split_last(in);
                REQUIRE(!lit.empty());
                std::string imm = id + "-i" + std::to_string(&in - &c.inputs[0]);
                run(": " + imm + " " + lit + " " + name + " ;");   // optimize is on: the lit-op rule
                CHECK(run(rest + " " + imm + " " + c.after) == called);
            }
        }
    }
    CHECK(n == int(CASES.size()));   // no stale entries
}

TEST_CASE("every built-in word has a stack comment", "[callable]") {
    boot_once();
    int n = 0;
    for (Word* w = dict.forth.latest; w; w = w->link) {
        if (w->kind != Kind::Primitive && w->kind != Kind::Helper) continue;
        INFO(std::string(w->name_view()));
        const char* sc = stack_comment(w);
        REQUIRE(sc != nullptr);
        CHECK(std::string(sc).rfind("( ", 0) == 0);
        CHECK(std::string(sc).find(" )") != std::string::npos);
        ++n;
    }
    CHECK(n > 100);
}
