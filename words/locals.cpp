// SPDX-License-Identifier: MIT
// LOCALS and LOCALS EXT: the declarations. The frame is built by the
// compiler (asm/locals.cpp).
#include "asm/compiler.h"
#include "core/interpreter.h"
#include "words/registry.h"
#include <string>
#include <vector>

namespace xf {

// The next name of a declaration, reading further lines of a file if needed.
static std::string_view next_name() {
    for (;;) {
        std::string_view n = parse_name();
        if (!n.empty()) return n;
        if (source().type == SourceType::String || !refill()) throw_code(-39);
    }
}

static bool is(std::string_view a, const char* b) { return name_equals(a, b); }

// Names must outlive parsing (a refill replaces the line), so they are copied.
static void declare(std::vector<std::string>& args, std::vector<std::string>& others, bool reverse_args) {
    if (reverse_args) std::reverse(args.begin(), args.end());
    std::vector<std::string_view> a(args.begin(), args.end()), o(others.begin(), others.end());
    declare_locals(a, o);
}

static void brace_colon() {   // {: args | uninitialized -- outputs :}
    std::vector<std::string> args, others;
    int part = 0;
    for (;;) {
        std::string_view n = next_name();
        if (is(n, ":}")) break;
        if (part < 1 && is(n, "|")) { part = 1; continue; }
        if (is(n, "--")) { part = 2; continue; }
        if (part == 0) args.emplace_back(n);
        else if (part == 1) others.emplace_back(n);
    }
    declare(args, others, false);
}

static void locals_bar() {   // LOCALS| a b c |  -- a is the top of the stack
    std::vector<std::string> args, others;
    for (;;) {
        std::string_view n = next_name();
        if (is(n, "|")) break;
        args.emplace_back(n);
    }
    declare(args, others, true);
}

// (LOCAL): names arrive one call at a time; a zero-length name ends the
// declaration. The first name takes the top of the stack, as with LOCALS|.
static std::vector<std::string> pending_locals;
static void paren_local() {
    cell n = vm.ds.pop();
    auto* a = (const char*)vm.ds.pop();
    if (n > 0) {
        pending_locals.push_back(user_string(a, n));
        return;
    }
    std::vector<std::string> args, others;
    args.swap(pending_locals);
    declare(args, others, true);
}

static const HelperDef locals_helpers[] = {
    {"(LOCAL)", "( c-addr u -- )", paren_local, F_COMPILE_ONLY},
    {"{:", "( i*x \"<spaces>name ... :}\" -- )", brace_colon, F_IMMEDIATE | F_COMPILE_ONLY},
    {"LOCALS|", "( xn ... x1 \"<spaces>name1 ... namen |\" -- )", locals_bar, F_IMMEDIATE | F_COMPILE_ONLY},
};

void register_locals_words() { define_all(locals_helpers); }

}  // namespace xf
