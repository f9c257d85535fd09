// SPDX-License-Identifier: MIT
// Programming tools (TOOLS, TOOLS EXT).
//
// A name token is the header itself: nt = xt = Word*. SEE shows a word's
// source (core/sourcemap.h) and its native code (asm/disasm.h). WORDS,
// LOCATE and HELP are in words/help.cpp.
// Conditional compilation ([IF] [ELSE] [THEN]) scans words, case-insensitively,
// across the lines of a file or of the terminal; a string or a block ends the
// scan at its end, and so does the end of a file, with -58.
// ;CODE ASSEMBLER CODE EDITOR are not provided, and ENVIRONMENT? says so.
#include "asm/disasm.h"
#include "asm/runtime.h"
#include "asm/emit.h"
#include "core/args.h"
#include "core/interpreter.h"
#include "core/sourcemap.h"
#include <cstring>
#include "words/registry.h"
#include <cstdio>
#include <string>
#include <sys/uio.h>
#include <unistd.h>

namespace xf {
using namespace regs;

// -- Showing numbers and memory ------------------------------------------------

// n in the current BASE, signed, as `.` shows it (without the space).
static std::string format_number(cell n) {
    ucell base = (vm.base >= 2 && vm.base <= 36) ? ucell(vm.base) : 10;
    ucell u = n < 0 ? 0 - ucell(n) : ucell(n);
    std::string s;
    do {
        unsigned d = unsigned(u % base);
        s.insert(s.begin(), char(d < 10 ? '0' + d : 'A' + d - 10));
        u /= base;
    } while (u);
    if (n < 0) s.insert(s.begin(), '-');
    return s;
}

static void dot_s() {   // <depth> then the items, deepest first
    size_t d = vm.ds.depth();
    printf("<%zu> ", d);
    for (size_t i = d; i-- > 0;) printf("%s ", format_number(vm.ds.sp[i]).c_str());
}

// Copies n bytes of our own memory without faulting: false when unreadable.
static bool read_memory(const void* from, void* to, size_t n) {
    iovec local{to, n}, remote{const_cast<void*>(from), n};
    return n == 0 || process_vm_readv(getpid(), &local, 1, &remote, 1, 0) == ssize_t(n);
}

// Lines of 16 bytes: "ADDR: xx xx xx xx  xx xx xx xx - xx ...  text", with
// the line addresses counted from `shown` (DUMP shows the real ones).
static void dump_lines(const uint8_t* a, ucell u, ucell shown) {
    for (ucell off = 0; off < u; off += 16) {
        check_interrupt();
        size_t n = size_t(std::min<ucell>(16, u - off));
        uint8_t line[16];
        if (!read_memory(a + off, line, n)) {
            fflush(stdout);
            throw_code(-9);
        }
        printf("%lX:", (unsigned long)(shown + off));
        for (size_t i = 0; i < 16; ++i) {
            fputs(i == 8 ? " - " : i % 4 == 0 && i ? "  " : " ", stdout);
            if (i < n) printf("%02X", line[i]);
            else fputs("  ", stdout);
        }
        printf("  ");
        for (size_t i = 0; i < n; ++i) putchar(line[i] >= 32 && line[i] < 127 ? line[i] : '.');
        putchar('\n');
    }
}

static void dump() {   // ( addr u -- )
    ucell u = ucell(vm.ds.pop());
    auto* a = (const uint8_t*)vm.ds.pop();
    putchar('\n');
    dump_lines(a, u, (ucell)a);
}
static void paren_dump() {   // ( addr u addr0 -- )
    ucell shown = ucell(vm.ds.pop());
    ucell u = ucell(vm.ds.pop());
    auto* a = (const uint8_t*)vm.ds.pop();
    dump_lines(a, u, shown);
}

// -- Words and their names -------------------------------------------------------

static bool visible(const Word* w) { return w->name_len != 0 && !(w->flags & F_HIDDEN); }

static Word* pop_nt() {
    auto* w = (Word*)vm.ds.pop();
    if (!is_xt(w)) throw_code(-32);
    return w;
}

static void traverse_wordlist() {   // ( i*x xt wid -- j*x ), newest first, while xt returns true
    Wordlist* wl = wordlist_of(vm.ds.pop());
    auto* xt = (Word*)vm.ds.pop();
    if (!wl) throw_code(-12);
    for (Word* w = wl->latest; w;) {
        Word* next = w->link;   // the xt may define words
        if (visible(w)) {
            vm.ds.push((cell)w);
            execute(xt);
            if (!vm.ds.pop()) return;
        }
        w = next;
    }
}

static void name_to_compile() {   // ( nt -- x xt )
    Word* w = pop_nt();
    vm.ds.push((cell)w);
    vm.ds.push((cell)prim_word(w->flags & F_IMMEDIATE ? "EXECUTE" : "COMPILE,"));
}

static std::string_view parse_word_name() {
    std::string_view name = parse_name();
    if (name.empty()) throw_code(-16);
    return name;
}
static Word* parse_existing() {
    Word* w = find_word(parse_word_name());
    if (!w) throw_code(-13);
    return w;
}

// SYNONYM new old: a header with the old word's behaviour, flags and body.
static void synonym() {
    std::string_view name = parse_word_name();
    std::string saved(name);   // the lookup below parses again
    Word* old = parse_existing();
    Word* w = create_header(saved, old->kind, true);
    w->code = old->code;
    w->body = old->body;
    w->prim = old->prim;
    w->value = old->value;
    w->code_size = old->code_size;
    w->flags = uint8_t(old->flags | F_HIDDEN);
    reveal(w);
}

// FORGET name: removes name and every word defined after it, and the data
// space from its body on; not the built-in words (-15).
static void forget() {
    Word* w = parse_existing();
    if ((uint8_t*)w < dict.fence) throw_code(-15);
    auto* body = (uint8_t*)w->body;
    forget_after((uint8_t*)w);
    if (body >= vm.dp_start && body < vm.dp) vm.dp = body;
}

// -- SEE -------------------------------------------------------------------------

static const char* kind_name(Kind k) {
    switch (k) {
    case Kind::Primitive: return "primitive";
    case Kind::Helper: return "built-in";
    case Kind::Colon: return "colon definition";
    case Kind::Create: return "Create";
    case Kind::Does: return "Create ... DOES>";
    case Kind::Constant: return "Constant";
    case Kind::Value: return "Value";
    case Kind::Defer: return "Defer";
    case Kind::Variable: return "Variable";
    case Kind::Local: return "local";
    case Kind::FConstant: return "FConstant";
    case Kind::FValue: return "FValue";
    case Kind::TwoConstant: return "2Constant";
    case Kind::TwoValue: return "2Value";
    }
    return "word";
}

// SEE name: the definition as it was written (colon definitions: their
// source text; other words: a line that would define them), then its native
// code disassembled, with the words that calls and addresses reach named.
static void see() {
    Word* w = parse_existing();
    std::string name(w->name_view());
    const char* stack = stack_comment(w);
    auto src = source_of(w);
    putchar('\n');
    switch (w->kind) {
    case Kind::Constant: printf("%s Constant %s", format_number(w->value).c_str(), name.c_str()); break;
    case Kind::Value: printf("%s Value %s", format_number(*w->body).c_str(), name.c_str()); break;
    case Kind::Variable: printf("Variable %s", name.c_str()); break;
    case Kind::Create: printf("Create %s", name.c_str()); break;
    case Kind::Defer: {
        auto* target = (Word*)*w->body;
        printf("Defer %s  ' %.*s IS %s", name.c_str(), target ? int(target->name_len) : 0, target ? target->name : "",
               name.c_str());
        break;
    }
    case Kind::Colon:
        if (w->body && wordlist_of(cell(w->body))) {   // VOCABULARY
            printf("Vocabulary %s", name.c_str());
            break;
        }
        if (src && !src->text.empty()) printf("%s", src->text.c_str());
        else printf(": %s ... ;", name.c_str());
        break;
    default:
        printf("%s %s%s%s", name.c_str(), stack ? stack : "", stack ? " " : "", kind_name(w->kind));
        break;
    }
    if (w->flags & F_IMMEDIATE) printf(" immediate");
    if (w->flags & F_COMPILE_ONLY) printf(" compile-only");
    putchar('\n');
    if (w->code && w->code_size) {
        printf("( %s: %u bytes of native code at $%lX )\n", kind_name(w->kind), w->code_size,
               (unsigned long)(uintptr_t)w->code);
        fflush(stdout);
        disassemble(w->code, w->code_size, stdout);
    }
}

// -- Scripts: the command line and the environment ------------------------------

static void push_string(const char* s) {   // 0 0 for nullptr
    vm.ds.push((cell)s);
    vm.ds.push(s ? cell(strlen(s)) : 0);
}
static void arg() {   // ( n -- c-addr u ), 0 0 when there is no argument n
    cell n = vm.ds.pop();
    push_string(n >= 0 && size_t(n) < args.size() ? args[size_t(n)] : nullptr);
}
static void next_arg() {   // ( -- c-addr u ): takes ARG 1 off the command line
    if (args.size() < 2) return push_string(nullptr);
    const char* a = args[1];
    args.erase(args.begin() + 1);
    push_string(a);
}
static void getenv_word() {   // ( c-addr u -- c-addr2 u2 ), 0 0 when not set
    cell u = vm.ds.pop();
    auto* a = (const void*)vm.ds.pop();
    push_string(getenv(user_string(a, u).c_str()));   // never hand libc program memory
}

// -- Conditional compilation -------------------------------------------------------

// Skips words up to the [THEN] (or, with else_ends, the [ELSE]) of this level.
static void skip_conditional(bool else_ends) {
    int depth = 0;
    for (;;) {
        std::string_view w = parse_name();
        if (w.empty()) {
            SourceType t = source().type;
            if (t == SourceType::String || t == SourceType::Block) return;
            if (!refill()) {
                if (t == SourceType::File) throw_code(-58);
                return;
            }
            continue;
        }
        if (name_equals(w, "[IF]")) {
            depth++;
        } else if (name_equals(w, "[ELSE]")) {
            if (depth == 0 && else_ends) return;
        } else if (name_equals(w, "[THEN]")) {
            if (depth-- == 0) return;
        }
    }
}

static void defined() {   // ( "name" -- flag )
    std::string_view name = parse_name();
    vm.ds.push(!name.empty() && find_word(name) ? TRUE : 0);
}

static const HelperDef tools_helpers[] = {
    {".S", "( -- )", dot_s},
    {"DUMP", "( addr u -- )", dump},
    {"(DUMP)", "( addr u addr0 -- ) dump, numbering lines from addr0", paren_dump},
    {"SEE", "( \"name\" -- )", see},
    {"[IF]", "( flag | flag \"<spaces>name ...\" -- )", [] { if (!vm.ds.pop()) skip_conditional(true); }, F_IMMEDIATE},
    {"[ELSE]", "( \"<spaces>name ...\" -- )", [] { skip_conditional(false); }, F_IMMEDIATE},
    {"[THEN]", "( -- )", [] {}, F_IMMEDIATE},
    {"[DEFINED]", "( \"<spaces>name ...\" -- flag )", defined, F_IMMEDIATE},
    {"[UNDEFINED]", "( \"<spaces>name ...\" -- flag )", [] { defined(); vm.ds.top() = ~vm.ds.top(); }, F_IMMEDIATE},
    {"NAME>STRING", "( nt -- c-addr u )", [] {
        Word* w = pop_nt();
        vm.ds.push((cell)w->name);
        vm.ds.push(w->name_len);
    }},
    {"NAME>INTERPRET", "( nt -- xt | 0 )", [] { vm.ds.push((cell)pop_nt()); }},
    {"NAME>COMPILE", "( nt -- x xt )", name_to_compile},
    {"TRAVERSE-WORDLIST", "( i*x xt wid -- j*x )", traverse_wordlist},
    {"SYNONYM", "( \"<spaces>newname\" \"<spaces>oldname\" -- )", synonym},
    {"FORGET", "( \"<spaces>name\" -- )", forget},
    {"#!", "( \"ccc<eol>\" -- ) a comment to the end of the line, for script headers", skip_line_comment, F_IMMEDIATE},
    {"ARGC", "( -- u ) the number of command-line arguments left, counting ARG 0", [] { vm.ds.push(cell(args.size())); }},
    {"ARG", "( n -- c-addr u ) command-line argument n (0: the program), 0 0 when none", arg},
    {"NEXT-ARG", "( -- c-addr u ) take the next command-line argument, 0 0 when none", next_arg},
    {"GETENV", "( c-addr u -- c-addr2 u2 ) the environment variable's value, 0 0 when not set", getenv_word},
};

// N>R and NR> move n items and n between the stacks; like >R they run with
// their return address popped (Prim::rstack). N>R pushes the item nearest
// the top first and n last; NR> puts them back in their order.
static void n_to_r(Gen& g) {   // ( i*n +n -- ) ( R: -- j*x +n )
    Xbyak::Label loop, done, ok;
    g.mov(rax, (size_t)(vm.ds.base + 1));   // items below TOS, plus one
    g.sub(rax, DSP);
    g.sar(rax, 3);
    g.cmp(TOS, rax);
    g.jb(ok, Gen::T_NEAR);
    emit_throw(g, -4);
    g.L(ok);
    g.mov(rcx, TOS);
    g.L(loop);
    g.test(rcx, rcx);
    g.jz(done);
    g.push(g.qword[DSP]);
    g.add(DSP, 8);
    g.dec(rcx);
    g.jmp(loop);
    g.L(done);
    g.push(TOS);
    drop(g);
}
static void n_r_from(Gen& g) {   // ( -- i*x +n ) ( R: j*x +n -- )
    Xbyak::Label loop, done;
    spill(g);
    g.pop(rcx);
    g.lea(rax, g.ptr[rcx * 8]);
    g.sub(DSP, rax);
    g.mov(rdx, rcx);
    g.L(loop);
    g.test(rdx, rdx);
    g.jz(done);
    g.dec(rdx);
    g.pop(g.qword[DSP + rdx * 8]);
    g.jmp(loop);
    g.L(done);
    g.mov(TOS, rcx);
}

static const Prim tools_prims[] = {
    {"N>R", "( i*n +n -- ) ( R: -- j*x +n )", n_to_r, nullptr, F_COMPILE_ONLY, true},
    {"NR>", "( -- i*x +n ) ( R: j*x +n -- )", n_r_from, nullptr, F_COMPILE_ONLY, true},
};

void register_tools_words() {
    define_all(tools_helpers);
    define_all(tools_prims);
}

}  // namespace xf
