// SPDX-License-Identifier: MIT
// Wordlists as hash tables of header chains, newest first in each chain, so
// that a redefinition shadows the old word and removing the newest words
// (MARKER) only ever pops chain heads.
#include "core/dictionary.h"
#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/lsan_interface.h>
#endif
#include "core/sourcemap.h"
#include "core/bigarray.h"
#include <cstdlib>
#include <cstring>
#include <new>

namespace xf {

Dictionary dict;
static PagesAhead arena_pages;

constexpr size_t HEADER_ARENA = 32u << 20;

void init_dictionary() {
    dict.arena = dict.arena_here = map_guarded(HEADER_ARENA);
#if defined(__SANITIZE_ADDRESS__)
    // Wordlists in the arena hold their hash tables (heap memory): the
    // arena is mmap'd, so LeakSanitizer must be told to look in it.
    __lsan_register_root_region(dict.arena, HEADER_ARENA);
#endif
    dict.arena_end = dict.arena + HEADER_ARENA;
    dict.forth.name = "Forth";
    dict.forth.wid = 1;
}

// Names compare without regard to ASCII case (what tolower does in the C
// locale, which xforth never leaves), inline rather than a libc call.
static inline unsigned fold(unsigned char c) { return unsigned(c - 'A') < 26u ? c + ('a' - 'A') : c; }

size_t name_hash(std::string_view name) {
    size_t h = 2166136261u;
    for (unsigned char c : name) h = (h ^ fold(c)) * 16777619u;
    return h;
}

bool name_equals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (a[i] != b[i] && fold(a[i]) != fold(b[i])) return false;
    return true;
}

// A big table's pages are made present in one system call rather than a
// page fault each (see core/bigarray.h).
static Word** new_table(size_t n) {
    auto** t = (Word**)calloc(n, sizeof(Word*));
    if (!t) throw std::bad_alloc();
    if (n * sizeof(Word*) >= (128u << 10)) populate_pages((uint8_t*)t, (uint8_t*)(t + n));
    return t;
}

// Doubles the table. The words are taken from the wordlist's link chain,
// newest first, and appended to their buckets, so every chain stays newest
// first; walking the headers in the order they lie in the arena, with their
// hash kept in them, costs far fewer cache misses than walking the chains.
static void grow(Wordlist* wl) {
    size_t n = (wl->mask + 1) * 2;
    Word** t = new_table(n);
    auto** tails = (Word***)malloc(n * sizeof(Word**));
    if (!tails) {
        free(t);
        throw std::bad_alloc();
    }
    for (size_t i = 0; i < n; ++i) tails[i] = &t[i];
    for (Word* w = wl->latest; w; w = w->link) {
        if (w->name_len == 0) continue;
        Word**& end = tails[w->hash & (n - 1)];
        w->bucket_next = nullptr;
        *end = w;
        end = &w->bucket_next;
    }
    free(tails);
    free(wl->buckets);
    wl->buckets = t;
    wl->mask = n - 1;
}

static Word*& bucket(Wordlist* wl, std::string_view name) {
    return wl->buckets[name_hash(name) & wl->mask];
}

void clear_wordlist(Wordlist* wl) {
    free(wl->buckets);
    wl->buckets = nullptr;
    wl->mask = wl->count = 0;
    wl->latest = nullptr;
}

Word* create_header(std::string_view name, Kind kind, bool hidden) {
    if (name.size() > MAX_NAME) throw_code(-19);
    size_t size = header_size(name.size());
    if (size_t(dict.arena_end - dict.arena_here) < size) throw_code(-8);
    Word* w = (Word*)dict.arena_here;
    dict.arena_here += size;
    arena_pages.keep_ahead(dict.arena_here, dict.arena_end);
    std::memset((void*)w, 0, sizeof(Word));
    w->kind = kind;
    w->name_len = uint8_t(name.size());
    std::memcpy(w->name, name.data(), name.size());
    w->name[name.size()] = 0;
    w->wl = dict.current;
    w->flags = hidden ? F_HIDDEN : 0;
    dict.latest = w;
    note_location(w);
    if (!hidden) {
        reveal(w);
    } else if (dict.current->buckets && name.size()) {
        // The bucket reveal will add it to, fetched while the body compiles.
        w->hash = uint32_t(name_hash(name));
        __builtin_prefetch(&dict.current->buckets[w->hash & dict.current->mask], 1);
    }
    return w;
}

void reveal(Word* w) {
    w->flags &= ~F_HIDDEN;
    Wordlist* wl = w->wl;
    if (wl->latest == w) return;
    if (w->name_len == 0) {   // :NONAME is not findable
        w->link = wl->latest;
        wl->latest = w;
        return;
    }
    // The table grows before w joins the link chain grow() rebuilds it from.
    if (!wl->buckets) {
        wl->buckets = new_table(Wordlist::MIN_BUCKETS);
        wl->mask = Wordlist::MIN_BUCKETS - 1;
    } else if (wl->count > wl->mask) {
        grow(wl);
    }
    w->link = wl->latest;
    wl->latest = w;
    wl->count++;
    w->hash = uint32_t(name_hash(w->name_view()));
    Word*& head = wl->buckets[w->hash & wl->mask];
    w->bucket_next = head;
    head = w;
}

// The hash kept in each header is compared first: the other words of a
// chain are passed over without reading their names (and numbers, which
// are looked up before they are converted, pass over the whole chain).
Word* find_in(const Wordlist* wl, std::string_view name) {
    if (!wl->buckets) return nullptr;
    size_t h = name_hash(name);
    for (Word* w = wl->buckets[h & wl->mask]; w; w = w->bucket_next)
        if (w->hash == uint32_t(h) && name_equals(w->name_view(), name)) return w;
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
    while (dict.all_wordlists && (uint8_t*)dict.all_wordlists >= mark) {
        Wordlist* gone = dict.all_wordlists;
        dict.all_wordlists = gone->next_wl;
        free(gone->buckets);
    }
    for (Wordlist* wl = dict.all_wordlists; wl; wl = wl->next_wl) {
        while (wl->latest && (uint8_t*)wl->latest >= mark) {
            Word* w = wl->latest;
            if (w->name_len) {
                Word*& head = bucket(wl, w->name_view());
                if (head == w) {
                    head = w->bucket_next;
                    wl->count--;
                }
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
