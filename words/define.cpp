// SPDX-License-Identifier: MIT
// Defining words and the compiler's interface to Forth (CORE, CORE EXT).
#include "asm/compiler.h"
#include "asm/emit.h"
#include "asm/runtime.h"
#include "core/interpreter.h"
#include "core/sourcemap.h"
#include "words/registry.h"

namespace xf {
using namespace regs;

static std::string_view parse_new_name() {
    std::string_view name = parse_name();
    if (name.empty()) throw_code(-16);
    return name;
}
static Word* parse_existing() {
    std::string_view name = parse_name();
    if (name.empty()) throw_code(-16);
    Word* w = find_word(name);
    if (!w) throw_code(-13);
    return w;
}

// The depth of the data stack at `:`; `;` finds it unchanged or the
// control structures inside did not match.
static size_t colon_depth;

static void start_colon(Word* w) {
    begin_definition(w);
    colon_depth = vm.ds.depth();
    vm.state = TRUE;
}
// One definition at a time: a `:` inside `[ ]` would drop the open one.
static void not_nested() {
    if (compiling()) throw_code(-29);
}
static void colon() {
    not_nested();
    start_source_text();
    start_colon(create_header(parse_new_name(), Kind::Colon, true));
}
static void colon_noname() {
    not_nested();
    start_source_text();
    start_colon(create_header("", Kind::Colon, true));
}
// A definition that cannot be finished is dropped and the interpreter goes
// back to interpreting, so that a CATCH around it resumes in a sane state.
static void semicolon() {
    Word* w = nullptr;
    try {
        if (vm.ds.depth() != colon_depth) throw_code(-22);
        w = end_definition();
    } catch (const ForthThrow&) {
        abort_definition();
        vm.state = 0;
        throw;
    }
    end_source_text(w);
    reveal(w);
    vm.state = 0;
    if (w->name_len == 0) vm.ds.push((cell)w);
}
static void does() {
    int l = new_label();
    compile_op({OpKind::Does, 0, nullptr, l});
    compile_op({OpKind::Label, 0, nullptr, l});
    // The code after DOES> is a function of its own: its locals are new.
    end_locals();
    current_definition().has_locals = false;
}

static Word* create_with_body(Kind kind) {
    align_here();
    Word* w = create_header(parse_new_name(), kind);
    w->body = (cell*)here();
    return w;
}
static void create() {
    Word* w = create_with_body(Kind::Create);
    make_pusher(w, (cell)w->body);
}
static void variable() {
    Word* w = create_with_body(Kind::Variable);
    comma(0);
    make_pusher(w, (cell)w->body);
}
static void constant() {
    cell x = vm.ds.pop();
    Word* w = create_header(parse_new_name(), Kind::Constant);
    w->value = x;
    make_pusher(w, x);
}
static void value() {
    cell x = vm.ds.pop();
    Word* w = create_with_body(Kind::Value);
    comma(x);
    make_value(w);
}
static void defer_uninitialized() { throw_code(-21); }
static Word* uninitialized_defer;
static void defer() {
    Word* w = create_with_body(Kind::Defer);
    comma((cell)uninitialized_defer);
    make_defer(w);
}

// TO, IS and ACTION-OF: the word's body address, then prim (a store or a
// fetch), compiled or run now.
static void body_access(Word* w, const char* prim) {
    if (vm.state) {
        compile_literal((cell)w->body);
        compile_xt(prim_word(prim));
    } else {
        vm.ds.push((cell)w->body);
        execute(prim_word(prim));
    }
}
static void body_access(Kind kind, const char* prim) {
    Word* w = parse_existing();
    if (w->kind != kind) throw_code(-32);
    body_access(w, prim);
}
static void to() {   // a VALUE takes one cell, a 2VALUE two, an FVALUE a float
    Word* w = parse_existing();
    if (w->kind == Kind::Local) {
        compile_op({OpKind::LocalStore, 0, nullptr, int(w->value)});
    } else if (w->kind == Kind::FValue) body_access(w, "F!");   // ( F: r -- )
    else if (w->kind == Kind::Value) body_access(w, "!");
    else if (w->kind == Kind::TwoValue) body_access(w, "2!");
    else throw_code(-32);
}
static Word* defer_xt() {
    Word* w = (Word*)vm.ds.pop();
    if (!is_xt(w) || w->kind != Kind::Defer) throw_code(-32);
    return w;
}

static void postpone() {
    Word* w = parse_existing();
    if (w->flags & F_IMMEDIATE) {
        compile_xt(w);
    } else {
        compile_literal((cell)w);
        compile_xt(prim_word("COMPILE,"));
    }
}
static void tick() { vm.ds.push((cell)parse_existing()); }
static void bracket_tick() { compile_literal((cell)parse_existing()); }
static void to_body() {
    Word* w = (Word*)vm.ds.pop();
    if (!is_xt(w) || !w->body) throw_code(-31);
    vm.ds.push((cell)w->body);
}
static void find() {
    auto* c = (const char*)vm.ds.top();
    check_readable(c, 1 + (unsigned char)c[0]);
    Word* w = find_word({c + 1, (unsigned char)c[0]});
    if (!w) { vm.ds.push(0); return; }
    vm.ds.top() = (cell)w;
    vm.ds.push(w->flags & F_IMMEDIATE ? 1 : -1);
}

// MARKER: the word restores the header arena, data space, code memory and
// the search order to how they were before it was defined. Its state is in
// the header arena, not data space, where a program's wild ERASE could turn
// it into pointers that C++ would follow (a fuzzer-style finding: PAD
// 100000 ERASE, then the marker, emptied the dictionary). A state that
// cannot be a real mark all the same is refused (-15, invalid FORGET).
struct MarkerState {
    uint8_t* arena;
    uint8_t* dp;
    size_t code_used;
};
static void marker_restore() {
    const MarkerState& m = *(const MarkerState*)vm.ds.pop();
    if (m.arena < dict.fence || m.arena > dict.arena_here || m.dp < vm.dp_start || m.dp > vm.dp_end ||
        m.code_used > codemem.used)
        throw_code(-15);
    vm.dp = m.dp;
    codemem.used = m.code_used;
    forget_after(m.arena);   // last: the state itself is in the arena it cuts back
}
static void marker() {
    MarkerState m{dict.arena_here, vm.dp, codemem.used};
    create_header(parse_new_name(), Kind::Colon);
    Word* w = dict.latest;
    auto* state = new (arena_allot(sizeof m)) MarkerState(m);
    Gen g;
    push_imm(g, (cell)state);
    call_helper(g, marker_restore);
    g.ret();
    place_body(g, w);
}

static const HelperDef define_helpers[] = {
    {":", "( \"name\" -- colon-sys )", colon},
    {":NONAME", "( -- xt colon-sys )", colon_noname},
    {";", "( colon-sys -- )", semicolon, F_IMMEDIATE | F_COMPILE_ONLY},
    {"DOES>", "( -- ) ( R: nest-sys -- )", does, F_IMMEDIATE | F_COMPILE_ONLY},
    {"CREATE", "( \"name\" -- )", create},
    {"VARIABLE", "( \"name\" -- )", variable},
    {"CONSTANT", "( x \"name\" -- )", constant},
    {"VALUE", "( x \"name\" -- )", value},
    {"DEFER", "( \"name\" -- )", defer},
    {"TO", "( i*x \"name\" -- )", to, F_IMMEDIATE},
    {"IS", "( xt \"name\" -- )", [] { body_access(Kind::Defer, "(IS!)"); }, F_IMMEDIATE},
    {"ACTION-OF", "( \"name\" -- xt )", [] { body_access(Kind::Defer, "@"); }, F_IMMEDIATE},
    {"DEFER@", "( xt1 -- xt2 )", [] { vm.ds.push(*defer_xt()->body); }},
    {"DEFER!", "( xt2 xt1 -- )", [] { Word* w = defer_xt(); *w->body = (cell)pop_xt(); }},
    {"IMMEDIATE", "( -- )", [] { if (dict.latest) dict.latest->flags |= F_IMMEDIATE; }},
    {"COMPILE-ONLY", "( -- )", [] { if (dict.latest) dict.latest->flags |= F_COMPILE_ONLY; }},
    {"POSTPONE", "( \"name\" -- )", postpone, F_IMMEDIATE | F_COMPILE_ONLY},
    {"[COMPILE]", "( \"name\" -- )", [] { compile_xt(parse_existing()); }, F_IMMEDIATE | F_COMPILE_ONLY},
    {"LITERAL", "( x -- )", [] { compile_literal(vm.ds.pop()); }, F_IMMEDIATE | F_COMPILE_ONLY},
    {"COMPILE,", "( xt -- )", [] { compile_xt(pop_xt()); }, F_COMPILE_ONLY},
    {"[", "( -- )", [] { vm.state = 0; }, F_IMMEDIATE},
    {"]", "( -- )", [] { vm.state = TRUE; }},
    {"'", "( \"name\" -- xt )", tick},
    {"[']", "( \"name\" -- )", bracket_tick, F_IMMEDIATE | F_COMPILE_ONLY},
    {">BODY", "( xt -- a-addr )", to_body},
    {"FIND", "( c-addr -- c-addr 0 | xt 1 | xt -1 )", find},
    {"MARKER", "( \"name\" -- )", marker},
    {"(DEFER-UNINITIALIZED)", "( -- )", defer_uninitialized},
};

static void push_address(Gen& g, void* p) { push_imm(g, (cell)p); }

// IS compiled: ( xt a-addr -- ) stores xt in the DEFER body at a-addr, once
// it is checked to be an xt: a DEFER word's call jumps through its body
// unchecked.
static void is_store(Gen& g) {
    g.mov(rax, g.qword[DSP]);
    emit_xt_check_call(g);
    g.mov(g.qword[TOS], rax);
    g.mov(TOS, g.qword[DSP + 8]);
    g.add(DSP, 16);
}
static const Prim variable_prims[] = {
    {"STATE", "( -- a-addr )", [](Gen& g) { push_address(g, &vm.state); }},
    {"BASE", "( -- a-addr )", [](Gen& g) { push_address(g, &vm.base); }},
    {">IN", "( -- a-addr )", [](Gen& g) { push_address(g, &vm.to_in); }},
    {"BLK", "( -- a-addr )", [](Gen& g) { push_address(g, &vm.blk); }},
};
static const Prim defer_prims[] = {
    {"(IS!)", "( xt a-addr -- ) store xt into the DEFER body at a-addr; -9 if xt is none", is_store},
};

void register_define_words() {
    define_all(define_helpers);
    define_all(variable_prims);
    define_all(defer_prims);
    uninitialized_defer = prim_word("(DEFER-UNINITIALIZED)");
}

}  // namespace xf
