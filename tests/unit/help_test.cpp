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
        const DefSource* d = source_of(w);
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
