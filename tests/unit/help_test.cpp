// SPDX-License-Identifier: MIT
// HELP's documentation: every word of the system has a stack comment, the
// words of kernel.fs have glossary lines, the glossary table names only
// built-in words, and \G documents the definition right before it only.
#include "support.h"
#include "core/sourcemap.h"
#include "words/help.h"

using namespace xf;
using namespace xf::test;

TEST_CASE("every word of the system has a stack comment for HELP", "[help]") {
    boot_once();
    int n = 0;
    for (Word* w = dict.forth.latest; w; w = w->link) {
        if (w->name_len == 0 || (w->flags & F_HIDDEN) || (uint8_t*)w >= dict.fence) continue;
        std::string text = help_text(w);
        INFO(text);
        CHECK(text.rfind(std::string(w->name_view()) + " ( ", 0) == 0);
        ++n;
    }
    CHECK(n > 400);
}

TEST_CASE("every word of kernel.fs has a glossary line", "[help]") {
    boot_once();
    int n = 0;
    for (Word* w = dict.forth.latest; w; w = w->link) {
        auto d = source_of(w);
        if (!d || d->file != "kernel.fs" || (uint8_t*)w >= dict.fence) continue;
        INFO(std::string(w->name_view()));
        CHECK_FALSE(d->glossary.empty());
        CHECK_FALSE(d->stack.empty());
        ++n;
    }
    CHECK(n > 30);
}

TEST_CASE("the glossary table names built-in words only", "[help]") {
    boot_once();
    for (const char* name : glossary_names()) {
        INFO(name);
        Word* w = prim_word(name);
        REQUIRE(w != nullptr);
        CHECK(help_text(w).find('\n') + 1 < help_text(w).size());   // a glossary line follows
    }
}

namespace {
// Includes text as a file (EVALUATE would take it as one line).
void include_text(const std::string& text) {
    char path[] = "/tmp/xforth-help-test-XXXXXX";
    int fd = mkstemp(path);
    REQUIRE(fd >= 0);
    REQUIRE(write(fd, text.data(), text.size()) == ssize_t(text.size()));
    close(fd);
    run(std::string("s\" ") + path + "\" included");
    unlink(path);
}
}  // namespace

TEST_CASE("\\G documents the definition just before it", "[help]") {
    include_text(": help-t1 ( n -- m ) \\ test\n  \\G First line.\n  1+ ;\n\\G Second line.\n");
    CHECK(help_text(find_word("help-t1")) == "help-t1 ( n -- m ) \\ test\n  First line.\n  Second line.\n");
    // A \G after a line of something else documents nothing.
    include_text("variable help-t2\n\n\\G Too late.\n");
    CHECK(help_text(find_word("help-t2")) == "help-t2 ( -- a-addr )\n");
    include_text("2 constant help-t3 ( -- 2 )  \\G On the same line.\n");
    CHECK(help_text(find_word("help-t3")) == "help-t3 ( -- 2 )\n  On the same line.\n");
}

TEST_CASE("the source map keeps each definition's text; MARKER drops what it forgets", "[help]") {
    include_text(": help-sm1 ( n -- n )\n  1+\n  ; 7 constant help-sm2 ( -- 7 ) \\ test\n");
    auto d1 = source_of(find_word("help-sm1"));
    REQUIRE(d1);
    CHECK(d1->text == ": help-sm1 ( n -- n )\n  1+\n  ;");
    CHECK(d1->stack == "( n -- n )");
    CHECK(d1->line == 1);
    CHECK(d1->last_line == 3);
    auto d2 = source_of(find_word("help-sm2"));
    REQUIRE(d2);
    CHECK(d2->stack == "( -- 7 )");
    CHECK(d2->wordset == "test");
    CHECK(d2->line == 3);
    run("marker help-sm-mark  : help-sm3 ( a -- b ) 2 + ;");
    CHECK(source_of(find_word("help-sm3"))->text == ": help-sm3 ( a -- b ) 2 + ;");
    run("help-sm-mark  : help-sm4 ( c -- ) drop ;");
    auto d4 = source_of(find_word("help-sm4"));
    REQUIRE(d4);
    CHECK(d4->text == ": help-sm4 ( c -- ) drop ;");
    CHECK(d4->stack == "( c -- )");
    CHECK(d4->file == "<evaluate>");
    CHECK(source_of(find_word("help-sm1"))->text == d1->text);
    CHECK(source_of(find_word("help-sm2"))->wordset == "test");
}
