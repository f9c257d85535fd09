// SPDX-License-Identifier: MIT
// The search order (SEARCH, SEARCH EXT) and Gforth's VOCABULARY.
//
// A wid is a number that names a Wordlist (wid_of, core/dictionary.h). dict.order[0] is searched first;
// GET-ORDER leaves it on top, under the count. The minimum search order that
// ONLY and -1 SET-ORDER install is the Forth wordlist alone, so that it holds
// FORTH-WORDLIST and SET-ORDER as the standard asks. A wid that names no live
// wordlist is refused with -12 (argument type mismatch) instead of crashing.
#include "asm/emit.h"
#include "asm/runtime.h"
#include "core/interpreter.h"
#include "words/registry.h"
#include <cstdio>

namespace xf {

static Wordlist* pop_wid() {
    Wordlist* wl = wordlist_of(vm.ds.pop());
    if (!wl) throw_code(-12);
    return wl;
}

static void only() {
    dict.order[0] = &dict.forth;
    dict.order_len = 1;
}

static void get_order() {
    for (size_t i = dict.order_len; i-- > 0;) vm.ds.push(wid_of(dict.order[i]));
    vm.ds.push(cell(dict.order_len));
}

static void set_order() {   // ( widn ... wid1 n -- )
    cell n = vm.ds.pop();
    if (n == -1) { only(); return; }
    if (n < -1) throw_code(-24);
    if (n > cell(MAX_ORDER)) throw_code(-49);
    vm.ds.need(size_t(n));
    Wordlist* order[MAX_ORDER];
    for (cell i = 0; i < n; ++i) order[i] = pop_wid();
    for (cell i = 0; i < n; ++i) dict.order[i] = order[i];
    dict.order_len = size_t(n);
}

static void search_wordlist() {   // ( c-addr u wid -- 0 | xt 1 | xt -1 )
    Wordlist* wl = pop_wid();
    cell u = vm.ds.pop();
    auto* a = (const char*)vm.ds.pop();
    check_readable(a, u);
    Word* w = u > 0 ? find_in(wl, {a, size_t(u)}) : nullptr;
    if (!w) { vm.ds.push(0); return; }
    vm.ds.push((cell)w);
    vm.ds.push(w->flags & F_IMMEDIATE ? 1 : -1);
}

static void also() {
    if (dict.order_len == 0) throw_code(-50);
    if (dict.order_len == MAX_ORDER) throw_code(-49);
    for (size_t i = dict.order_len; i > 0; --i) dict.order[i] = dict.order[i - 1];
    dict.order_len++;
}

static void previous() {
    if (dict.order_len == 0) throw_code(-50);
    for (size_t i = 1; i < dict.order_len; ++i) dict.order[i - 1] = dict.order[i];
    dict.order_len--;
}

// Replaces the first wordlist of the search order (pushes it on an empty order).
static void set_top(Wordlist* wl) {
    if (dict.order_len == 0) dict.order_len = 1;
    dict.order[0] = wl;
}

static void definitions() {
    if (dict.order_len == 0) throw_code(-50);
    dict.current = dict.order[0];
}

static void print_wordlist(const Wordlist* wl) {
    if (wl->name) printf("%s ", wl->name);
    else printf("#%ld ", long(wid_of(wl)));
}

static void order() {   // the search order, first searched first; then the compilation wordlist
    for (size_t i = 0; i < dict.order_len; ++i) print_wordlist(dict.order[i]);
    printf("    ");
    print_wordlist(dict.current);
}

// VOCABULARY name: a word that makes its wordlist the first of the search
// order. Its body field holds the wid, so `' name >BODY` gives it, as in
// Gforth.
static void vocabulary() {
    std::string_view name = parse_name();
    if (name.empty()) throw_code(-16);
    Word* w = create_header(name, Kind::Colon);
    Wordlist* wl = new_wordlist(w->name);
    w->body = (cell*)wid_of(wl);
    Gen g;
    push_imm(g, wid_of(wl));
    call_helper(g, [] { set_top(pop_wid()); });
    g.ret();
    place_body(g, w);
}

static const HelperDef search_helpers[] = {
    {"FORTH-WORDLIST", "( -- wid )", [] { vm.ds.push(wid_of(&dict.forth)); }},
    {"GET-CURRENT", "( -- wid )", [] { vm.ds.push(wid_of(dict.current)); }},
    {"SET-CURRENT", "( wid -- )", [] { dict.current = pop_wid(); }},
    {"GET-ORDER", "( -- widn ... wid1 n )", get_order},
    {"SET-ORDER", "( widn ... wid1 n -- )", set_order},
    {"WORDLIST", "( -- wid )", [] { vm.ds.push(wid_of(new_wordlist())); }},
    {"SEARCH-WORDLIST", "( c-addr u wid -- 0 | xt 1 | xt -1 )", search_wordlist},
    {"DEFINITIONS", "( -- )", definitions},
    {"ALSO", "( -- )", also},
    {"ONLY", "( -- )", only},
    {"PREVIOUS", "( -- )", previous},
    {"FORTH", "( -- )", [] { set_top(&dict.forth); }},
    {"ORDER", "( -- )", order},
    {"VOCABULARY", "( \"name\" -- )", vocabulary},
};

void register_search_words() { define_all(search_helpers); }

}  // namespace xf
