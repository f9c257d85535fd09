// SPDX-License-Identifier: MIT
// The dictionary (core/dictionary.h): headers, lookup, shadowing, hiding and
// cutting back with forget_after / MARKER.
#include "support.h"

using namespace xf;
using namespace xf::test;

namespace {
// Headers made here have no code: every test removes them again.
struct ArenaMark {
    uint8_t* mark;
    ArenaMark() : mark((boot_once(), dict.arena_here)) {}
    ~ArenaMark() { forget_after(mark); }
};
}  // namespace

TEST_CASE("create_header: a new word is found in its wordlist and the search order", "[dictionary]") {
    ArenaMark m;
    Word* w = create_header("t-hdr-one", Kind::Constant);
    REQUIRE(w != nullptr);
    CHECK(w->name_view() == "t-hdr-one");
    CHECK(w->name[w->name_len] == 0);
    CHECK(w->kind == Kind::Constant);
    CHECK(w->wl == dict.current);
    CHECK(w->flags == 0);
    CHECK(dict.latest == w);
    CHECK(dict.current->latest == w);
    CHECK(find_in(dict.current, "t-hdr-one") == w);
    CHECK(find_word("t-hdr-one") == w);
    CHECK(find_word("t-hdr-on") == nullptr);
    CHECK(find_word("t-hdr-one1") == nullptr);
    CHECK((uintptr_t)w % 8 == 0);
}

TEST_CASE("lookup ignores case", "[dictionary]") {
    ArenaMark m;
    Word* w = create_header("T-MiXeD-Case", Kind::Constant);
    CHECK(find_word("t-mixed-case") == w);
    CHECK(find_word("T-MIXED-CASE") == w);
    CHECK(find_word("t-MiXeD-cAsE") == w);
    CHECK(name_equals("Abc", "aBC"));
    CHECK_FALSE(name_equals("abc", "abd"));
    CHECK_FALSE(name_equals("abc", "abcd"));
    CHECK(name_hash("DUP") == name_hash("dup"));
    // Built-in words too, through the interpreter.
    CHECK(find_word("dup") == find_word("DUP"));
    CHECK(run("1 Dup dUP") == std::vector<cell>{1, 1, 1});
}

TEST_CASE("a redefinition shadows the old word; forget_after brings it back", "[dictionary]") {
    boot_once();
    uint8_t* before = dict.arena_here;
    Word* old_word = create_header("t-shadowed", Kind::Constant);
    uint8_t* mark = dict.arena_here;
    Word* new_word = create_header("t-shadowed", Kind::Constant);
    Word* other = create_header("t-shadow-other", Kind::Constant);
    CHECK(find_word("t-shadowed") == new_word);
    CHECK(find_word("t-shadow-other") == other);
    forget_after(mark);
    CHECK(find_word("t-shadowed") == old_word);
    CHECK(find_word("t-shadow-other") == nullptr);
    CHECK(dict.current->latest == old_word);
    CHECK(dict.arena_here == mark);
    forget_after(before);
    CHECK(find_word("t-shadowed") == nullptr);
}

TEST_CASE("forget_after keeps the other words of a hash bucket", "[dictionary]") {
    ArenaMark m;
    // Many words, so that some share a bucket with older ones.
    std::vector<std::string> names;
    for (int i = 0; i < 600; ++i) names.push_back("t-bucket-" + std::to_string(i));
    for (size_t i = 0; i < 300; ++i) create_header(names[i], Kind::Constant);
    uint8_t* mark = dict.arena_here;
    for (size_t i = 300; i < 600; ++i) create_header(names[i], Kind::Constant);
    forget_after(mark);
    for (size_t i = 0; i < 300; ++i) CHECK(find_word(names[i]) != nullptr);
    for (size_t i = 300; i < 600; ++i) CHECK(find_word(names[i]) == nullptr);
    CHECK(find_word("dup") == prim_word("DUP"));
}

TEST_CASE("a wordlist's table grows: every word is still found, shadowing and forget_after still hold", "[dictionary]") {
    ArenaMark m;
    Wordlist* wl = new_wordlist("t-grow");
    Wordlist* saved = dict.current;
    dict.current = wl;
    std::vector<Word*> first, second;
    for (int i = 0; i < 3000; ++i) first.push_back(create_header("t-grow-" + std::to_string(i), Kind::Constant));
    size_t buckets = wl->mask + 1;
    uint8_t* mark = dict.arena_here;
    // Redefinitions, in a different case, across further doublings.
    for (int i = 0; i < 3000; ++i) second.push_back(create_header("T-GROW-" + std::to_string(i), Kind::Constant));
    dict.current = saved;
    CHECK(wl->mask + 1 > buckets);
    CHECK(wl->count == 6000);
    for (int i = 0; i < 3000; ++i) CHECK(find_in(wl, "t-grow-" + std::to_string(i)) == second[size_t(i)]);
    forget_after(mark);
    CHECK(wl->count == 3000);
    for (int i = 0; i < 3000; ++i) CHECK(find_in(wl, "T-Grow-" + std::to_string(i)) == first[size_t(i)]);
    CHECK(find_in(wl, "t-grow-3000") == nullptr);
}

TEST_CASE("a hidden header is not found until it is revealed", "[dictionary]") {
    ArenaMark m;
    Word* w = create_header("t-hidden", Kind::Colon, true);
    CHECK((w->flags & F_HIDDEN) != 0);
    CHECK(dict.latest == w);
    CHECK(find_word("t-hidden") == nullptr);
    reveal(w);
    CHECK((w->flags & F_HIDDEN) == 0);
    CHECK(find_word("t-hidden") == w);
}

TEST_CASE("a colon definition is not findable inside itself", "[dictionary]") {
    // With no older word of that name, the reference is undefined.
    CHECK(throw_of(": t-self-ref t-self-ref ;") == -13);
    CHECK(find_word("t-self-ref") == nullptr);
    // With an older one, it is the older one that is called.
    CHECK(run(": t-self2 1 ; : t-self2 t-self2 10 + ; t-self2") == std::vector<cell>{11});
}

TEST_CASE("a definition that fails to compile leaves no word behind", "[dictionary]") {
    uint8_t* before = (boot_once(), dict.arena_here);
    CHECK(throw_of(": t-broken 1 undefined-word-xyz ;") == -13);
    CHECK(find_word("t-broken") == nullptr);
    CHECK(dict.arena_here == before);
    CHECK(run("2 3 +") == std::vector<cell>{5});   // interpreting again
}

TEST_CASE(":NONAME words are not findable", "[dictionary]") {
    std::vector<cell> s = run(":noname 7 ;");
    REQUIRE(s.size() == 1);
    Word* w = (Word*)s[0];
    CHECK(w->name_len == 0);
    CHECK((w->flags & F_HIDDEN) == 0);
    CHECK(find_word("") == nullptr);
    CHECK(run("here 0 ,  find nip") == std::vector<cell>{0});   // FIND of a zero-length name
    execute(w);
    CHECK(vm.ds.pop() == 7);
}

TEST_CASE("a name longer than 255 characters is -19", "[dictionary]") {
    ArenaMark m;
    std::string n255(255, 'a'), n256(256, 'b');
    Word* w = create_header(n255, Kind::Constant);
    CHECK(w->name_len == 255);
    CHECK(find_word(n255) == w);
    try {
        create_header(n256, Kind::Constant);
        FAIL("no THROW");
    } catch (const ForthThrow& t) {
        CHECK(t.code == -19);
    }
    CHECK(throw_of(": " + n256 + " ;") == -19);
    CHECK(throw_of("create " + n256) == -19);
    CHECK(throw_of("5 constant " + n256) == -19);
    CHECK(find_word(n256) == nullptr);
    CHECK(run("5 constant " + n255 + " " + n255) == std::vector<cell>{5});
}

TEST_CASE("a word in another wordlist is found only when that wordlist is searched", "[dictionary]") {
    ArenaMark m;
    Wordlist* wl = new_wordlist("t-wl");
    Wordlist* saved = dict.current;
    dict.current = wl;
    Word* w = create_header("t-in-wl", Kind::Constant);
    dict.current = saved;
    CHECK(w->wl == wl);
    CHECK(find_in(wl, "t-in-wl") == w);
    CHECK(find_in(&dict.forth, "t-in-wl") == nullptr);
    CHECK(find_word("t-in-wl") == nullptr);
    REQUIRE(dict.order_len < MAX_ORDER);
    dict.order[dict.order_len++] = wl;
    CHECK(find_word("t-in-wl") == w);
    // Forgetting the wordlist takes it out of the search order too.
    size_t len = dict.order_len;
    forget_after(m.mark);
    CHECK(dict.order_len == len - 1);
    CHECK(dict.all_wordlists != wl);
}

TEST_CASE("MARKER restores the dictionary, data space and code memory", "[dictionary]") {
    run(": t-mk-word 1 ;");
    Word* old_word = find_word("t-mk-word");
    uint8_t* dp = vm.dp;
    size_t code = codemem.used;
    run("marker t-mk1  : t-mk-word 2 ;  create t-mk-data 100 allot  variable t-mk-var");
    CHECK(find_word("t-mk-word") != old_word);
    CHECK(run("t-mk-word") == std::vector<cell>{2});
    run("t-mk1");
    CHECK(find_word("t-mk-word") == old_word);
    CHECK(find_word("t-mk-data") == nullptr);
    CHECK(find_word("t-mk-var") == nullptr);
    CHECK(find_word("t-mk1") == nullptr);
    CHECK(vm.dp == dp);
    CHECK(codemem.used == code);
    CHECK(run("t-mk-word") == std::vector<cell>{1});
    // The system still compiles and runs after the cut.
    CHECK(run(": t-mk-after 3 4 + ; t-mk-after") == std::vector<cell>{7});
}

TEST_CASE("inlined bodies follow MARKER and SYNONYM", "[dictionary]") {
    // A word made where MARKER cut back is inlined with its own ops, not
    // those of the word that was there before.
    CHECK(run(": t-inl1 1 + ;  marker t-inl-m  : t-inl2 2 + ;  t-inl-m  : t-inl3 3 + ;  : t-inl4 t-inl1 t-inl3 ;"
              "  10 t-inl4") == std::vector<cell>{14});
    CHECK(run("synonym t-inl5 t-inl3  : t-inl6 t-inl5 t-inl5 ;  0 t-inl6") == std::vector<cell>{6});
    CHECK(run(": t-inl3 30 + ;  : t-inl7 t-inl3 ;  0 t-inl7  0 t-inl4") == std::vector<cell>{30, 4});
}
