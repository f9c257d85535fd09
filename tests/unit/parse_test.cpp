// SPDX-License-Identifier: MIT
// words/parse.cpp: parsing words, string literals, comments, input sources
// (EVALUATE, files, SAVE-INPUT), >NUMBER and ENVIRONMENT?.
#include "support.h"
#include "core/errors.h"
#include <filesystem>
#include <fstream>

using namespace xf;
using namespace xf::test;

namespace {
// A directory of Forth files for one test, removed afterwards.
struct TempDir {
    std::filesystem::path path;
    TempDir() {
        char tmpl[] = "/tmp/xforth-unit-XXXXXX";
        REQUIRE(mkdtemp(tmpl) != nullptr);
        path = tmpl;
    }
    ~TempDir() { std::filesystem::remove_all(path); }
    std::string file(const std::string& name, const std::string& text) const {
        std::filesystem::create_directories((path / name).parent_path());
        std::ofstream(path / name) << text;
        return (path / name).string();
    }
};
// The string at c-addr u on top of the stack `s`.
std::string str(const Cells& s) {
    REQUIRE(s.size() >= 2);
    return std::string((const char*)s[s.size() - 2], size_t(s.back()));
}
}  // namespace

TEST_CASE("PARSE takes text up to a delimiter; PARSE-NAME skips leading spaces", "[parse]") {
    CHECK(str(run("char ) parse abc) ")) == "abc");
    CHECK(str(run("char ) parse   lead)")) == "  lead");
    CHECK(str(run("char ) parse )")) == "");
    CHECK(str(run("char ) parse no delimiter")) == "no delimiter");
    CHECK(str(run("parse-name    word   ")) == "word");
    CHECK(str(run("parse-name x")) == "x");
    CHECK(run("parse-name")[1] == 0);
    CHECK(run("parse-name   ")[1] == 0);
    CHECK(run(": t-pn parse-name nip ; t-pn abcdef") == Cells{6});
    CHECK(run("char | parse a|7").back() == 7);   // interpreting goes on after the '|'
}

TEST_CASE("WORD gives a counted string, skipping leading delimiters", "[parse]") {
    Cells r = run("bl word   hello  ");
    REQUIRE(r.size() == 1);
    CHECK(std::string((const char*)r[0] + 1, *(const uint8_t*)r[0]) == "hello");
    r = run("char , word ,,a,");
    CHECK(std::string((const char*)r[0] + 1, *(const uint8_t*)r[0]) == "a");
    r = run("bl word");                       // nothing left
    CHECK(*(const uint8_t*)r[0] == 0);
    CHECK(run("bl word x count nip bl word yy count nip") == Cells{1, 2});
}

TEST_CASE("CHAR and [CHAR] take the first character of the next name", "[parse]") {
    CHECK(run("char a char Zebra char 1") == Cells{'a', 'Z', '1'});
    CHECK(run(": t-bc [char] q [char] xyz ; t-bc") == Cells{'q', 'x'});
    CHECK(throw_of("char") == -16);
    CHECK(throw_of(": t-bad [char]") == -16);
    CHECK(throw_of("[char] a") == -14);
}

TEST_CASE("comments: ( \\ \\G", "[parse]") {
    CHECK(run("1 ( 2 ) 3") == Cells{1, 3});
    CHECK(run("1 ( 2 3") == Cells{1});            // to the end of a string
    CHECK(throw_of("1 (2) 3") == -13);             // '(' is a word: "(2)" is not
    CHECK(run(": t-cmt ( a -- b ) 1+ ( more ) ; 1 t-cmt") == Cells{2});
    CHECK(run("1 \\ 2 3") == Cells{1});
    CHECK(run("1 \\G 2 3") == Cells{1});
}

TEST_CASE("( may span lines in a file", "[parse]") {
    TempDir d;
    std::string f = d.file("paren.fs", "1 ( a comment\nover two lines ) 2\n3\n");
    CHECK(run("s\" " + f + "\" included") == Cells{1, 2, 3});
}

TEST_CASE("S\" interpreted and compiled; two interpreted strings live at once", "[parse]") {
    CHECK(str(run("s\" hello\"")) == "hello");
    CHECK(str(run("s\" \"")) == "");
    CHECK(str(run("s\"  two spaces\"")) == " two spaces");
    Cells r = run("s\" abc\" s\" defg\"");
    REQUIRE(r.size() == 4);
    CHECK(std::string((const char*)r[0], size_t(r[1])) == "abc");
    CHECK(std::string((const char*)r[2], size_t(r[3])) == "defg");
    run(": t-sq s\" compiled\" ;");
    CHECK(str(run("t-sq")) == "compiled");
    CHECK(run("t-sq drop t-sq drop =") == Cells{-1});   // the same string each time
}

TEST_CASE("S\\\" translates escapes", "[parse]") {
    CHECK(str(run("s\\\" a\\tb\"")) == "a\tb");
    CHECK(str(run("s\\\" \\a\\b\\e\\f\\l\\n\\q\\r\\t\\v\\z\\\\\"")) ==
          std::string("\a\b\x1b\f\n\n\"\r\t\v", 10) + std::string(1, '\0') + "\\");
    CHECK(str(run("s\\\" \\m\"")) == "\r\n");
    CHECK(str(run("s\\\" \\x41\\x4a\\x7e\\xff\"")) == "AJ~\xff");
    CHECK(str(run("s\\\" \\\"quoted\\\"\"")) == "\"quoted\"");
    CHECK(str(run("s\\\" plain\"")) == "plain");
    run(": t-esc s\\\" x\\ny\" ;");
    CHECK(str(run("t-esc")) == "x\ny");
}

TEST_CASE("C\" compiles a counted string; it is compile-only", "[parse]") {
    Cells r = run(": t-cq c\" counted\" ; t-cq");
    REQUIRE(r.size() == 1);
    CHECK(std::string((const char*)r[0] + 1, *(const uint8_t*)r[0]) == "counted");
    CHECK(run(": t-cq0 c\" \" ; t-cq0 c@") == Cells{0});
    CHECK(throw_of("c\" x\"") == -14);
    CHECK(throw_of(": t-bad c\" " + std::string(256, 'x') + "\" ;") == -18);
}

TEST_CASE(".\" and .( print text", "[parse]") {
    CHECK(output_of(": t-dq .\" hi there\" ; t-dq") == "hi there");
    CHECK(output_of(".( now) 5 drop") == "now");
    CHECK(output_of(": t-dp .( at compile time) ; t-dp") == "at compile time");
    CHECK(throw_of(".\" x\"") == -14);
}

TEST_CASE("ABORT\" throws -2 with its message when the flag is true", "[parse]") {
    run(": t-ab abort\" the message\" 7 ;");
    CHECK(run("0 t-ab") == Cells{7});
    CHECK(throw_of("1 t-ab") == -2);
    CHECK(throw_of("-1 t-ab") == -2);
}

TEST_CASE("ABORT\" keeps its message for the error report", "[parse]") {
    run(": t-ab2 abort\" it went wrong\" ;");
    cell code = 0;
    std::string msg;
    try {
        evaluate("-1 t-ab2", 8);
    } catch (const ForthThrow& t) {
        code = t.code;
        msg = vm.abort_msg;
        reset_after_error();
    }
    CHECK(code == -2);
    CHECK(msg == "it went wrong");
    CHECK(run("0 s\" x\" (abort\")") == Cells{});
    CHECK(throw_of("1 s\" x\" (abort\")") == -2);
    CHECK(throw_of("abort\" x\"") == -14);
}

TEST_CASE("SOURCE SOURCE-ID REFILL in a string", "[parse]") {
    CHECK(str(run("source")) == "source");   // (the string lives to the end of the statement)
    CHECK(run("source nip source-id") == Cells{20, -1});
    CHECK(run("refill") == Cells{0});
}

TEST_CASE("EVALUATE interprets a string and comes back to the rest of the line", "[parse]") {
    CHECK(run("s\" 1 2 +\" evaluate 10") == Cells{3, 10});
    CHECK(run("s\" \" evaluate 4") == Cells{4});
    CHECK(run(": t-ev s\" 2 3 *\" evaluate ; t-ev t-ev") == Cells{6, 6});
    CHECK(run("s\\\" s\\q 5\\q evaluate 1+\" evaluate") == Cells{6});   // nested
    CHECK(run("s\" source-id\" evaluate") == Cells{-1});
    CHECK(run("s\" : t-evdef 9 ;\" evaluate t-evdef") == Cells{9});
    CHECK(run("s\" >in @\" evaluate >in @ -") == Cells{5 - 25});   // each source has its own >IN
    CHECK(throw_of("s\" 1 t-no-such-word 2\" evaluate") == -13);
    CHECK(source_depth() == 1);   // the string's source is gone after the error
    CHECK(run("1 2 swap") == Cells{2, 1});
}

TEST_CASE("SAVE-INPUT RESTORE-INPUT in a string", "[parse]") {
    run("variable t-si-inc  0 t-si-inc !  : t-si1 t-si-inc @ >in +! 15 t-si-inc ! ;");
    CHECK(run("s\" save-input t-si1 restore-input 12345\" evaluate t-si-inc @") == Cells{0, 2345, 15});
    Cells r = run("save-input");
    REQUIRE(!r.empty());
    CHECK(r.back() == cell(r.size() - 1));
    CHECK(run("1 2 3 3 restore-input") == Cells{-1});   // not something SAVE-INPUT gave
    CHECK(throw_of("17 restore-input") == -24);
    CHECK(throw_of("-1 restore-input") == -24);
}

TEST_CASE("files: INCLUDED INCLUDE, SOURCE-ID, REFILL, SAVE-INPUT", "[parse]") {
    TempDir d;
    std::string a = d.file("a.fs", "10 20\n: t-from-a 30 ;\n");
    CHECK(run("s\" " + a + "\" included t-from-a") == Cells{10, 20, 30});
    CHECK(run("include " + a) == Cells{10, 20});
    std::string sid = d.file("sid.fs", "source-id\n");
    Cells r = run("s\" " + sid + "\" included");
    REQUIRE(r.size() == 1);
    CHECK(r[0] != 0);
    CHECK(r[0] != -1);
    std::string rf = d.file("refill.fs", "refill 99\n42\n");
    CHECK(run("s\" " + rf + "\" included") == Cells{-1, 42});
    std::string si = d.file("si.fs",
                            "variable t-siv -1 t-siv !\n"
                            ": t-sir t-siv @ if 0 t-siv ! restore-input throw then ;\n"
                            "11 save-input\n"
                            "t-sir 22\n");
    CHECK(run("s\" " + si + "\" included") == Cells{11, 22});
    CHECK(source_depth() == 1);
}

TEST_CASE("files: SAVE-INPUT after CRLF lines and after a program read the source file itself", "[parse]") {
    TempDir d;
    // The reader counts line offsets instead of asking the file (ftell):
    // \r\n ends count two bytes, and READ-LINE SOURCE-ID moves the file.
    std::string si = d.file("si-crlf.fs",
                            "variable t-crv -1 t-crv !\r\n"
                            "create t-crb 80 allot  t-crb 80 source-id read-line 2drop\n"
                            "a line the program reads\n"
                            ": t-crr t-crv @ if 0 t-crv ! restore-input throw then ;\r\n"
                            "\r\n"
                            "33 save-input\r\n"
                            "t-crr 44\r\n");
    CHECK(run("s\" " + si + "\" included") == Cells{24, 33, 44});
    CHECK(source_depth() == 1);
}

TEST_CASE("a file includes another relative to its own directory", "[parse]") {
    TempDir d;
    d.file("sub/inner.fs", "77\n");
    std::string outer = d.file("sub/outer.fs", "1 include inner.fs 2\n");
    CHECK(run("s\" " + outer + "\" included") == Cells{1, 77, 2});
}

TEST_CASE("errors in files: -38 for a missing file; a THROW inside unwinds the source", "[parse]") {
    CHECK(throw_of("s\" /nonexistent/x.fs\" included") == -38);
    CHECK(throw_of("include /nonexistent/x.fs") == -38);
    CHECK(throw_of("s\" /nonexistent/x.fs\" required") == -38);
    CHECK(throw_of("include /") == -37);   // a directory: fopen opens it, reading fails
    // The line shown with an error has no control characters to upset the terminal.
    CHECK(throw_of("1 \x1b[2J\x07 t-nope\t2") == -13);
    CHECK(error_site.text == "1 ?[2J? t-nope\t2");
    TempDir d;
    std::string bad = d.file("bad.fs", "1 2\nt-no-such-word\n3\n");
    CHECK(throw_of("s\" " + bad + "\" included") == -13);
    CHECK(source_depth() == 1);
    std::string thrower = d.file("throw.fs", "5 -99 throw 6\n");
    CHECK(run("s\" " + thrower + "\" ' included catch nip nip") == Cells{-99});
    CHECK(run("3 4 +") == Cells{7});
}

TEST_CASE("a line longer than 1 MiB is -18 at its file and line, and the file is closed", "[parse]") {
    TempDir d;
    std::string f = d.file("long.fs", "1\n2\n" + std::string(1u << 20, 'x') + "y\n3\n");
    CHECK(throw_of("s\" " + f + "\" included") == -18);
    CHECK(error_site.file == f);
    CHECK(error_site.line == 3);
    CHECK(error_site.col == 0);
    CHECK(error_site.text.starts_with(std::string(60, 'x') + " ... (longer than"));
    CHECK(source_depth() == 1);
    CHECK(run("3 4 +") == Cells{7});
}

TEST_CASE("REQUIRED REQUIRE include a file once", "[parse]") {
    TempDir d;
    std::string once = d.file("once.fs", "1\n");
    CHECK(run("s\" " + once + "\" required") == Cells{1});
    CHECK(run("s\" " + once + "\" required") == Cells{});
    CHECK(run("require " + once) == Cells{});
    CHECK(run("s\" " + once + "\" included") == Cells{1});   // INCLUDED always includes
    std::string twice = d.file("twice.fs", "2\n");
    CHECK(run("s\" " + twice + "\" included  require " + twice) == Cells{2});
}

TEST_CASE(">NUMBER converts digits into a double cell and stops at a non-digit", "[parse]") {
    Cells r = run("0 0 s\" 123abc\" >number");
    REQUIRE(r.size() == 4);
    CHECK(r[0] == 123);
    CHECK(r[1] == 0);
    CHECK(r[3] == 3);
    CHECK(std::string((const char*)r[2], 3) == "abc");
    CHECK(run("0 0 s\" 123\" >number nip") == Cells{123, 0, 0});
    CHECK(run("7 0 s\" 8\" >number 2drop") == Cells{78, 0});
    CHECK(run("0 0 s\" \" >number nip") == Cells{0, 0, 0});
    CHECK(run("0 0 s\" -5\" >number nip") == Cells{0, 0, 2});
    CHECK(run("hex 0 0 s\" ff\" >number 2drop decimal") == Cells{255, 0});
    CHECK(run("0 0 s\" 18446744073709551616\" >number 2drop") == Cells{0, 1});
}

TEST_CASE("ENVIRONMENT? answers the standard queries", "[parse]") {
    CHECK(run("s\" MAX-N\" environment?") == Cells{INT64_MAX, -1});
    CHECK(run("s\" max-n\" environment?") == Cells{INT64_MAX, -1});
    CHECK(run("s\" MAX-U\" environment?") == Cells{-1, -1});
    CHECK(run("s\" MAX-D\" environment?") == Cells{-1, INT64_MAX, -1});
    CHECK(run("s\" ADDRESS-UNIT-BITS\" environment?") == Cells{8, -1});
    CHECK(run("s\" FLOORED\" environment?") == Cells{-1, -1});
    CHECK(run("s\" /COUNTED-STRING\" environment?") == Cells{255, -1});
    CHECK(run("s\" no-such-query\" environment?") == Cells{0});
    CHECK(run("s\" \" environment?") == Cells{0});
}

TEST_CASE("a one-word definition calling a C++ word is call rel32 and ret", "[parse][bytes]") {
    Bytes b = compiled("t-just-parse", "parse-name");
    Word* callee = find_word("parse-name");
    Word* caller = find_word("t-just-parse");
    int32_t rel = int32_t((const uint8_t*)callee->code - ((const uint8_t*)caller->code + 5));
    // call PARSE-NAME ; ret
    CHECK(b == Bytes{0xE8} + le(uint32_t(rel), 4) + Bytes{0xC3});
}

TEST_CASE("a compiled S\" is two literals: the address in data space and the length", "[parse][bytes]") {
    Bytes b = compiled("t-just-sq", "s\" ab\"");
    Cells s = run("t-just-sq");
    REQUIRE(s.size() == 2);
    // sub r15, 8 ; mov [r15], rbx ; mov ebx, addr ; sub r15, 8 ; mov [r15], rbx ; mov ebx, 2 ; ret
    CHECK(b == Bytes{0x49, 0x83, 0xEF, 0x08, 0x49, 0x89, 0x1F} + mov_rbx(s[0]) +
                   Bytes{0x49, 0x83, 0xEF, 0x08, 0x49, 0x89, 0x1F, 0xBB, 0x02, 0x00, 0x00, 0x00, 0xC3});
    CHECK(std::string((const char*)s[0], 2) == "ab");
}
