// SPDX-License-Identifier: MIT
// Wordlists as hash tables of header chains, newest first in each chain, so
// that a redefinition shadows the old word and removing the newest words
// (MARKER) only ever pops chain heads.
#include "core/dictionary.h"
#include "core/sourcemap.h"
#include <cctype>
#include <cstring>

namespace xf {

Dictionary dict;

constexpr size_t HEADER_ARENA = 32u << 20;

void init_dictionary() {
    dict.arena = dict.arena_here = map_guarded(HEADER_ARENA);
    dict.arena_end = dict.arena + HEADER_ARENA;
    dict.forth.name = "Forth";
    dict.forth.wid = 1;
}

size_t name_hash(std::string_view name) {
    size_t h = 2166136261u;
    for (unsigned char c : name) h = (h ^ size_t(std::tolower(c))) * 16777619u;
    return h;
}

bool name_equals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (std::tolower((unsigned char)a[i]) != std::tolower((unsigned char)b[i])) return false;
    return true;
}

static Word*& bucket(Wordlist* wl, std::string_view name) {
    return wl->buckets[name_hash(name) % Wordlist::BUCKETS];
}

Word* create_header(std::string_view name, Kind kind, bool hidden) {
    if (name.size() > MAX_NAME) throw_code(-19);
    size_t size = (sizeof(Word) + name.size() + 1 + 7) & ~size_t(7);
    if (size_t(dict.arena_end - dict.arena_here) < size) throw_code(-8);
    Word* w = (Word*)dict.arena_here;
    dict.arena_here += size;
    std::memset((void*)w, 0, sizeof(Word));
    w->kind = kind;
    w->name_len = uint8_t(name.size());
    std::memcpy(w->name, name.data(), name.size());
    w->name[name.size()] = 0;
    w->wl = dict.current;
    w->flags = hidden ? F_HIDDEN : 0;
    dict.latest = w;
    note_location(w);
    if (!hidden) reveal(w);
    return w;
}

void reveal(Word* w) {
    w->flags &= ~F_HIDDEN;
    Wordlist* wl = w->wl;
    if (wl->latest == w) return;
    w->link = wl->latest;
    wl->latest = w;
    if (w->name_len == 0) return;  // :NONAME is not findable
    Word*& head = bucket(wl, w->name_view());
    w->bucket_next = head;
    head = w;
}

Word* find_in(const Wordlist* wl, std::string_view name) {
    for (Word* w = wl->buckets[name_hash(name) % Wordlist::BUCKETS]; w; w = w->bucket_next)
        if (name_equals(w->name_view(), name)) return w;
    return nullptr;
}

Word* find_word(std::string_view name) {
    for (size_t i = 0; i < dict.order_len; ++i)
        if (Word* w = find_in(dict.order[i], name)) return w;
    return nullptr;
}

void* arena_allot(size_t n) {
    n = (n + 7) & ~size_t(7);
    if (size_t(dict.arena_end - dict.arena_here) < n) throw_code(-8);
    void* p = dict.arena_here;
    dict.arena_here += n;
    return p;
}

Wordlist* new_wordlist(const char* name) {
    size_t size = (sizeof(Wordlist) + 7) & ~size_t(7);
    if (size_t(dict.arena_end - dict.arena_here) < size) throw_code(-8);
    Wordlist* wl = new (dict.arena_here) Wordlist();
    dict.arena_here += size;
    wl->name = name;
    wl->wid = dict.next_wid++;
    wl->next_wl = dict.all_wordlists;
    dict.all_wordlists = wl;
    return wl;
}

cell wid_of(const Wordlist* wl) { return wl->wid; }

Wordlist* wordlist_of(cell wid) {
    for (Wordlist* w = dict.all_wordlists; w; w = w->next_wl)
        if (w->wid == wid) return w;
    return nullptr;
}

void forget_after(uint8_t* mark) {
    // Unlink every word and wordlist that lives above the mark.
    while (dict.all_wordlists && (uint8_t*)dict.all_wordlists >= mark)
        dict.all_wordlists = dict.all_wordlists->next_wl;
    for (Wordlist* wl = dict.all_wordlists; wl; wl = wl->next_wl) {
        while (wl->latest && (uint8_t*)wl->latest >= mark) {
            Word* w = wl->latest;
            if (w->name_len) {
                Word*& head = bucket(wl, w->name_view());
                if (head == w) head = w->bucket_next;
            }
            wl->latest = w->link;
        }
    }
    if (dict.latest && (uint8_t*)dict.latest >= mark) dict.latest = nullptr;
    size_t j = 0;
    for (size_t i = 0; i < dict.order_len; ++i)
        if ((uint8_t*)dict.order[i] < mark) dict.order[j++] = dict.order[i];
    dict.order_len = j;
    if ((uint8_t*)dict.current >= mark) dict.current = &dict.forth;
    dict.arena_here = mark;
}

}  // namespace xf
