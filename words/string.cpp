// SPDX-License-Identifier: MIT
// Strings (STRING, STRING EXT).
//
// -TRAILING and /STRING are inline primitives; the rest are C++ helpers.
// CMOVE and CMOVE> live with the other block moves in words/memory.cpp and
// BLANK in kernel.fs.
//
// Text substitution: REPLACES keeps name -> text pairs in a table of its own
// (names compare case-insensitively, as Forth names do), and SUBSTITUTE
// rewrites `%name%` in one left-to-right pass: `%%` gives `%`, a name that
// was never REPLACED passes through with its delimiters, and a lone `%` at
// the end passes through. The result is built apart and then copied, so
// the source and the destination may overlap.
#include "asm/compiler.h"
#include "asm/emit.h"
#include "core/dictionary.h"
#include "words/registry.h"
#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

namespace xf {
using namespace regs;

// -- Inline primitives -------------------------------------------------------------

static void dash_trailing(Gen& g) {   // ( c-addr u1 -- c-addr u2 )
    Xbyak::Label loop, done;
    g.mov(rax, g.qword[DSP]);
    g.L(loop);
    g.test(TOS, TOS);
    g.jle(done);
    g.cmp(g.byte[rax + TOS - 1], ' ');
    g.jne(done);
    g.sub(TOS, 1);
    g.jmp(loop);
    g.L(done);
}
static void slash_string(Gen& g) {   // ( c-addr1 u1 n -- c-addr1+n u1-n )
    g.sub(g.qword[DSP], TOS);
    g.add(g.qword[DSP + 8], TOS);
    drop(g);
}
static void slash_string_imm(Gen& g, cell n) {   // lit /STRING: ( c-addr1 u1 -- ... )
    if (fits_i32(n)) {
        g.sub(TOS, uint32_t(n));
        g.add(g.qword[DSP], uint32_t(n));
    } else {
        g.mov(rax, n);
        g.sub(TOS, rax);
        g.add(g.qword[DSP], rax);
    }
}

static const Prim string_prims[] = {
    {"-TRAILING", "( c-addr u1 -- c-addr u2 )", dash_trailing},
    {"/STRING", "( c-addr1 u1 n -- c-addr2 u2 )", slash_string, slash_string_imm},
};

// -- Helpers ---------------------------------------------------------------------

// A string of program memory, checked readable (see check_readable), so
// that the library functions below may read it.
static std::string_view pop_string() {
    cell n = vm.ds.pop();
    auto* a = (const char*)vm.ds.pop();
    check_readable(a, n);
    return {a, size_t(n)};
}

static void compare() {   // ( c-addr1 u1 c-addr2 u2 -- n )
    std::string_view s2 = pop_string(), s1 = pop_string();
    size_t n = std::min(s1.size(), s2.size());
    int c = n ? memcmp(s1.data(), s2.data(), n) : 0;
    if (c == 0) c = s1.size() < s2.size() ? -1 : s1.size() > s2.size() ? 1 : 0;
    vm.ds.push(c < 0 ? -1 : c > 0 ? 1 : 0);
}

// ( c-addr1 u1 c-addr2 u2 -- c-addr3 u3 flag ): where s2 first occurs in s1.
static void search() {
    std::string_view s2 = pop_string(), s1 = pop_string();
    // memmem (two-way) rather than string_view::find, which calls memcmp at
    // every match of the first character: many times slower on a text of few letters.
    const void* hit = s2.empty() ? s1.data() : memmem(s1.data(), s1.size(), s2.data(), s2.size());
    size_t at = hit ? size_t((const char*)hit - s1.data()) : std::string_view::npos;
    vm.ds.push((cell)s1.data());
    vm.ds.push(cell(s1.size()));
    if (at == std::string_view::npos) {
        vm.ds.push(0);
        return;
    }
    vm.ds.at(1) = (cell)(s1.data() + at);
    vm.ds.at(0) = cell(s1.size() - at);
    vm.ds.push(TRUE);
}

static void sliteral() {   // ( c-addr1 u -- ) compiles: ( -- c-addr2 u )
    std::string_view s = pop_string();
    align_here();
    uint8_t* at = here();
    allot(cell(s.size()));
    if (!s.empty()) memmove(at, s.data(), s.size());
    align_here();
    compile_literal((cell)at);
    compile_literal(cell(s.size()));
}

// -- Substitution ----------------------------------------------------------------

constexpr char DELIM = '%';
constexpr cell SUBSTITUTE_IOR = -78;
constexpr cell REPLACES_IOR = -79;

struct Substitution {
    std::string name, text;
};
static std::vector<Substitution> substitutions;

static Substitution* find_substitution(std::string_view name) {
    for (Substitution& s : substitutions)
        if (name_equals(s.name, name)) return &s;
    return nullptr;
}

static void replaces() {   // ( c-addr1 u1 c-addr2 u2 -- )
    std::string_view name = pop_string(), text = pop_string();
    if (name.find(DELIM) != std::string_view::npos) throw_code(REPLACES_IOR);
    if (Substitution* s = find_substitution(name)) s->text.assign(text);
    else substitutions.push_back({std::string(name), std::string(text)});
}

// Returns the number of substitutions made, the rewritten text in `out`.
static cell substitute_into(std::string_view in, std::string& out) {
    cell count = 0;
    size_t i = 0;
    while (i < in.size()) {
        size_t start = in.find(DELIM, i);
        size_t end = start == std::string_view::npos ? start : in.find(DELIM, start + 1);
        if (end == std::string_view::npos) {   // no complete %name% left
            out.append(in.substr(i));
            break;
        }
        out.append(in.substr(i, start - i));
        std::string_view name = in.substr(start + 1, end - start - 1);
        if (name.empty()) {
            out += DELIM;
        } else if (Substitution* s = find_substitution(name)) {
            out += s->text;
            ++count;
        } else {
            out.append(in.substr(start, end - start + 1));
        }
        i = end + 1;
    }
    return count;
}

// ( c-addr1 u1 c-addr2 u2 -- c-addr2 u3 n ): n < 0 when the result does not fit.
static void substitute() {
    cell room = vm.ds.pop();
    auto* dest = (char*)vm.ds.pop();
    std::string_view in = pop_string();
    std::string out;
    cell count = substitute_into(in, out);
    vm.ds.push((cell)dest);
    if (room < 0 || out.size() > size_t(room)) {
        vm.ds.push(0);
        vm.ds.push(SUBSTITUTE_IOR);
        return;
    }
    copy_to_user(dest, out.data(), cell(out.size()));
    vm.ds.push(cell(out.size()));
    vm.ds.push(count);
}

// ( c-addr1 u1 c-addr2 -- c-addr2 u2 ): doubles each %, so that SUBSTITUTE
// gives back the original text. c-addr2 needs room for 2*u1 characters.
static void unescape() {
    auto* dest = (char*)vm.ds.pop();
    std::string_view in = pop_string();
    std::string out;
    for (char c : in) {
        out += c;
        if (c == DELIM) out += DELIM;
    }
    copy_to_user(dest, out.data(), cell(out.size()));
    vm.ds.push((cell)dest);
    vm.ds.push(cell(out.size()));
}

static const HelperDef string_helpers[] = {
    {"COMPARE", "( c-addr1 u1 c-addr2 u2 -- n )", compare},
    {"SEARCH", "( c-addr1 u1 c-addr2 u2 -- c-addr3 u3 flag )", search},
    {"SLITERAL", "( c-addr1 u -- ) compiles: ( -- c-addr2 u )", sliteral, F_IMMEDIATE | F_COMPILE_ONLY},
    {"REPLACES", "( c-addr1 u1 c-addr2 u2 -- )", replaces},
    {"SUBSTITUTE", "( c-addr1 u1 c-addr2 u2 -- c-addr2 u3 n )", substitute},
    {"UNESCAPE", "( c-addr1 u1 c-addr2 -- c-addr2 u2 )", unescape},
};

void register_string_words() {
    define_all(string_prims);
    define_all(string_helpers);
}

}  // namespace xf
