// SPDX-License-Identifier: MIT
// Parsing words, string literals and input sources (CORE, CORE EXT, FILE).
#include "asm/compiler.h"
#include "core/interpreter.h"
#include "core/number.h"
#include "words/registry.h"
#include <cfloat>
#include "words/xchar.h"
#include <cstring>
#include <map>

namespace xf {

// Interpreted S" strings live in a ring of buffers, as the standard allows.
// The ring is a guarded region of its own, not the C++ heap, so that a
// program writing past the end of such a string cannot corrupt the heap.
static const char* transient_string(std::string_view s) {
    constexpr size_t SLOT = 1 << 16, SLOTS = 8;
    static char* ring = (char*)map_guarded(SLOT * SLOTS);
    static size_t next;
    if (s.size() > SLOT) throw_code(-18);
    char* slot = ring + SLOT * (next++ % SLOTS);
    memcpy(slot, s.data(), s.size());
    return slot;
}

// A string for a definition being compiled: stored in data space, pushed as a literal.
static void compile_string(std::string_view s) {
    uint8_t* at = here();
    allot(cell(s.size()));
    memcpy(at, s.data(), s.size());
    align_here();
    compile_literal((cell)at);
    compile_literal((cell)s.size());
}

static void push_string(std::string_view s) {
    if (vm.state) {
        compile_string(s);
    } else {
        vm.ds.push((cell)transient_string(s));
        vm.ds.push((cell)s.size());
    }
}

static std::string parse_escaped() {   // S\" text up to an unescaped quote
    Source& src = source();
    std::string out;
    size_t i = size_t(vm.to_in);
    auto hex = [](char c) { return digit_value(c, 16); };
    while (i < src.len && src.buf[i] != '"') {
        char c = src.buf[i++];
        if (c != '\\' || i >= src.len) { out += c; continue; }
        c = src.buf[i++];
        switch (c) {
        case 'a': out += '\a'; break;
        case 'b': out += '\b'; break;
        case 'e': out += '\x1b'; break;
        case 'f': out += '\f'; break;
        case 'l': out += '\n'; break;
        case 'm': out += "\r\n"; break;
        case 'n': out += '\n'; break;
        case 'q': out += '"'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'v': out += '\v'; break;
        case 'z': out += '\0'; break;
        case 'x':
            if (i + 1 < src.len + 1 && i + 2 <= src.len && hex(src.buf[i]) >= 0 && hex(src.buf[i + 1]) >= 0) {
                out += char(hex(src.buf[i]) * 16 + hex(src.buf[i + 1]));
                i += 2;
            }
            break;
        default: out += c; break;
        }
    }
    vm.to_in = cell(i < src.len ? i + 1 : i);
    return out;
}

// WORD's buffer is a guarded region too: writing past the counted string
// faults (-9) instead of overwriting xforth's own variables next to it.
static void word() {
    static char* buf = (char*)map_guarded(MAX_NAME + 2);
    char delim = char(vm.ds.pop());
    Source& s = source();
    size_t i = size_t(vm.to_in);
    auto is_delim = [&](char c) { return c == delim || (delim == ' ' && (unsigned char)c <= ' '); };
    while (i < s.len && is_delim(s.buf[i])) ++i;
    size_t start = i;
    while (i < s.len && !is_delim(s.buf[i])) ++i;
    size_t n = std::min(i - start, MAX_NAME);
    buf[0] = char(n);
    memcpy(buf + 1, s.buf + start, n);
    buf[n + 1] = ' ';
    vm.to_in = cell(i < s.len ? i + 1 : i);
    vm.ds.push((cell)buf);
}

static void paren() {   // in a file, a comment may span lines
    for (;;) {
        Source& s = source();
        size_t start = size_t(vm.to_in);
        parse(')');
        bool closed = size_t(vm.to_in) <= s.len && vm.to_in > cell(start) && s.buf[vm.to_in - 1] == ')';
        if (closed || s.type != SourceType::File || !refill()) return;
    }
}

static void char_() {   // the first xchar of the name, as in Gforth; a malformed one's first byte
    std::string_view n = parse_name();
    if (n.empty()) throw_code(-16);
    ucell xc;
    if (!utf8::decode((const uint8_t*)n.data(), n.size(), xc)) xc = (unsigned char)n[0];
    vm.ds.push(cell(xc));
}

static void to_number() {
    cell n = vm.ds.pop();
    auto* a = (const char*)vm.ds.pop();
    check_readable(a, n);
    udcell ud = (udcell(ucell(vm.ds.at(0))) << 64) | ucell(vm.ds.at(1));
    size_t used = to_number(ud, {a, size_t(n)}, vm.base);
    vm.ds.at(1) = cell(ucell(ud));
    vm.ds.at(0) = cell(ucell(ud >> 64));
    vm.ds.push((cell)(a + used));
    vm.ds.push(n - cell(used));
}

static void evaluate_() {
    cell n = vm.ds.pop();
    auto* a = (const char*)vm.ds.pop();
    check_readable(a, n);   // the parsing words may hand it to libc
    evaluate(a, size_t(n));
}
static std::string pop_string() {
    cell n = vm.ds.pop();
    auto* a = (const char*)vm.ds.pop();
    return user_string(a, n);
}

static void save_input_() {
    std::vector<cell> v = save_input();
    for (cell x : v) vm.ds.push(x);
    vm.ds.push(cell(v.size()));
}
static void restore_input_() {
    cell n = vm.ds.pop();
    if (n < 0 || n > 16) throw_code(-24);
    std::vector<cell> v(static_cast<size_t>(n));
    for (cell i = n - 1; i >= 0; --i) v[size_t(i)] = vm.ds.pop();
    vm.ds.push(restore_input(v) ? TRUE : 0);
}

static void environment_query() {
    std::string q(pop_string());
    for (char& c : q) c = char(toupper((unsigned char)c));
    static const std::map<std::string, std::vector<cell>> answers = {
        {"#LOCALS", {255}},
        {"/COUNTED-STRING", {255}},
        {"/HOLD", {256}},
        {"/PAD", {1024}},
        {"ADDRESS-UNIT-BITS", {8}},
        {"BLOCK", {TRUE}},
        {"BLOCK-EXT", {TRUE}},
        {"FILE", {TRUE}},
        {"FILE-EXT", {TRUE}},
        {"FLOATING", {TRUE}},       // obsolete word-set queries, answered as Gforth does
        {"FLOATING-EXT", {TRUE}},
        {"FLOORED", {TRUE}},
        {"MAX-CHAR", {255}},
        {"MAX-D", {-1, INT64_MAX}},
        {"MAX-N", {INT64_MAX}},
        {"MAX-U", {-1}},
        {"MAX-UD", {-1, -1}},
        {"RETURN-STACK-CELLS", {1 << 17}},
        {"SEARCH-ORDER", {TRUE}},
        {"SEARCH-ORDER-EXT", {TRUE}},
        {"STACK-CELLS", {1 << 16}},
        {"TOOLS", {TRUE}},
        {"TOOLS-EXT", {0}},   // known, and not complete: no ;CODE ASSEMBLER CODE EDITOR
        {"WORDLISTS", {cell(MAX_ORDER)}},
        // The Forth-94 word set queries, for the word sets that are complete.
        {"DOUBLE", {TRUE}},
        {"DOUBLE-EXT", {TRUE}},
        {"FACILITY", {TRUE}},
        {"FACILITY-EXT", {TRUE}},
        {"MEMORY-ALLOC", {TRUE}},
        {"MEMORY-ALLOC-EXT", {TRUE}},
        {"STRING", {TRUE}},
        {"STRING-EXT", {TRUE}},
        // XCHAR: the encoding and the largest xchar, in value and in bytes
        {"XCHAR-ENCODING", {(cell) "UTF-8", 5}},
        {"MAX-XCHAR", {cell(utf8::MAX_XCHAR)}},
        {"XCHAR-MAXMEM", {utf8::MAX_SIZE}},
    };
    if (q == "MAX-FLOAT") {   // the answer goes on the float stack
        vm.fs.push(DBL_MAX);
        vm.ds.push(TRUE);
        return;
    }
    if (q == "FLOATING-STACK") {   // what C++ can push; native code can go a few deeper
        vm.ds.push(cell(vm.fs.base - vm.fs.limit));
        vm.ds.push(TRUE);
        return;
    }
    auto it = answers.find(q);
    if (it == answers.end()) { vm.ds.push(0); return; }
    for (cell x : it->second) vm.ds.push(x);
    vm.ds.push(TRUE);
}

static void abort_quote_runtime() {   // ( flag c-addr u -- )
    std::string msg = pop_string();
    if (vm.ds.pop()) {
        vm.abort_msg.assign(msg);
        throw_code(-2);
    }
}
static Word* abort_quote_word;

static const HelperDef parse_helpers[] = {
    {"WORD", "( char \"<chars>ccc<char>\" -- c-addr )", word},
    {"PARSE", "( char \"ccc<char>\" -- c-addr u )", [] {
        std::string_view s = parse(char(vm.ds.pop()));
        vm.ds.push((cell)s.data());
        vm.ds.push((cell)s.size());
    }},
    {"PARSE-NAME", "( \"<spaces>name<space>\" -- c-addr u )", [] {
        std::string_view s = parse_name();
        vm.ds.push((cell)s.data());
        vm.ds.push((cell)s.size());
    }},
    {"CHAR", "( \"<spaces>name\" -- char )", char_},
    {"[CHAR]", "( \"<spaces>name\" -- )", [] { char_(); compile_literal(vm.ds.pop()); }, F_IMMEDIATE | F_COMPILE_ONLY},
    {"(", "( \"ccc<paren>\" -- )", paren, F_IMMEDIATE},
    {"\\", "( \"ccc<eol>\" -- )", skip_line_comment, F_IMMEDIATE},
    {".(", "( \"ccc<paren>\" -- )", [] { std::string_view s = parse(')'); fwrite(s.data(), 1, s.size(), stdout); }, F_IMMEDIATE},
    {"S\"", "( \"ccc<quote>\" -- c-addr u )", [] { push_string(parse('"')); }, F_IMMEDIATE},
    {"S\\\"", "( \"ccc<quote>\" -- c-addr u )", [] { push_string(parse_escaped()); }, F_IMMEDIATE},
    {"C\"", "( \"ccc<quote>\" -- c-addr )", [] {
        std::string_view s = parse('"');
        if (s.size() > 255) throw_code(-18);
        uint8_t* at = here();
        ccomma(uint8_t(s.size()));
        allot(cell(s.size()));
        memcpy(at + 1, s.data(), s.size());
        align_here();
        compile_literal((cell)at);
    }, F_IMMEDIATE | F_COMPILE_ONLY},
    {".\"", "( \"ccc<quote>\" -- )", [] { compile_string(parse('"')); compile_xt(prim_word("TYPE")); }, F_IMMEDIATE | F_COMPILE_ONLY},
    {"ABORT\"", "( \"ccc<quote>\" -- ) ( i*x x1 -- | i*x )", [] { compile_string(parse('"')); compile_xt(abort_quote_word); }, F_IMMEDIATE | F_COMPILE_ONLY},
    {"(ABORT\")", "( flag c-addr u -- )", abort_quote_runtime},
    {"SOURCE", "( -- c-addr u )", [] { vm.ds.push((cell)source().buf); vm.ds.push((cell)source().len); }},
    {"SOURCE-ID", "( -- 0 | -1 | fileid )", [] { vm.ds.push(vm.source_id); }},
    {"REFILL", "( -- flag )", [] { vm.ds.push(refill() ? TRUE : 0); }},
    {"SAVE-INPUT", "( -- xn ... x1 n )", save_input_},
    {"RESTORE-INPUT", "( xn ... x1 n -- flag )", restore_input_},
    {">NUMBER", "( ud1 c-addr1 u1 -- ud2 c-addr2 u2 )", to_number},
    {"EVALUATE", "( i*x c-addr u -- j*x )", evaluate_},
    {"INCLUDED", "( i*x c-addr u -- j*x )", [] { included(pop_string()); }},
    {"INCLUDE", "( i*x \"name\" -- j*x )", [] { included(std::string(parse_name())); }},
    {"REQUIRED", "( i*x c-addr u -- j*x )", [] { required(pop_string()); }},
    {"REQUIRE", "( i*x \"name\" -- j*x )", [] { required(std::string(parse_name())); }},
    {"ENVIRONMENT?", "( c-addr u -- false | i*x true )", environment_query},
};

void register_parse_words() {
    define_all(parse_helpers);
    abort_quote_word = prim_word("(ABORT\")");
}

}  // namespace xf
