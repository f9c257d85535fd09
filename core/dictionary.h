// SPDX-License-Identifier: MIT
// Word headers and wordlists. An execution token is the address of a Word;
// its first field is the native entry point, so EXECUTE is `call [xt]`.
// Headers live in their own arena, apart from data space, so that CREATE's
// body is exactly HERE and MARKER can cut both back.
#pragma once
#include "core/vm.h"
#include <string_view>
#include <vector>

namespace xf {

struct Prim;  // an inline emitter (asm/); opaque to the kernel

enum WordFlags : uint8_t {
    F_IMMEDIATE = 1,
    F_COMPILE_ONLY = 2,
    F_HIDDEN = 4,
};

enum class Kind : uint8_t {
    Primitive,  // inline emitter + standalone body
    Helper,     // C++ function behind a call stub
    Colon,
    Create,     // pushes its body
    Does,       // pushes its body, then runs DOES> code
    Constant,
    FConstant,  // value holds the double's bits; pushes it on the float stack
    Value,      // body holds the value
    FValue,     // body holds a double
    Defer,      // body holds the xt
    Variable,
    Local,      // a local of the definition being compiled; value = slot
    TwoConstant,  // body holds x2 x1 (2! order); code pushes both
    TwoValue,     // body holds x2 x1 (2! order); TO stores with 2!
};

struct Wordlist;

struct Word {
    void* code;          // must stay first: EXECUTE calls [xt]
    Word* link;          // previous word of the same wordlist
    Word* bucket_next;   // hash chain
    Wordlist* wl;
    cell* body;          // data field (CREATE, VARIABLE, VALUE, DEFER) or nullptr
    const Prim* prim;    // inline emitter for primitives
    cell value;          // CONSTANT's value; a colon definition's inline body (asm/compiler.cpp)
    uint32_t code_size;
    uint32_t hash;       // name_hash of the name, set by reveal (growing the table rehashes without the name)
    uint8_t flags;
    Kind kind;
    uint8_t name_len;
    char name[];
    std::string_view name_view() const { return {name, name_len}; }
};

// The hash table doubles when it holds more words than buckets, so a lookup
// stays a short chain walk however many words a program defines. Its
// buckets are heap memory, allocated at the first word and freed by
// clear_wordlist or when MARKER / FORGET remove the wordlist.
struct Wordlist {
    static constexpr size_t MIN_BUCKETS = 64;   // a power of two
    Word* latest = nullptr;
    Word** buckets = nullptr;
    size_t mask = 0;                  // bucket count - 1, once buckets exist
    size_t count = 0;                 // words in the table
    const char* name = nullptr;   // for ORDER; nullptr when anonymous
    Wordlist* next_wl = nullptr;  // all wordlists, newest first
    cell wid = 0;                 // what programs get for it: see wid_of
};

constexpr size_t MAX_NAME = 255;
constexpr size_t MAX_ORDER = 16;

struct Dictionary {
    Wordlist forth;
    Wordlist* current = &forth;      // compilation wordlist
    Wordlist* order[MAX_ORDER] = {&forth};
    size_t order_len = 1;
    Wordlist* all_wordlists = &forth;
    cell next_wid = 2;               // FORTH-WORDLIST is 1
    Word* latest = nullptr;          // last created header (even hidden)
    uint8_t* fence = nullptr;        // FORGET may not go below: the end of the built-in words
    uint8_t* arena = nullptr;
    uint8_t* arena_here = nullptr;
    uint8_t* arena_end = nullptr;
};
extern Dictionary dict;

void init_dictionary();
size_t name_hash(std::string_view name);
bool name_equals(std::string_view a, std::string_view b);  // case-insensitive

// Creates a header in the current wordlist, hidden until reveal() when hidden=true.
Word* create_header(std::string_view name, Kind kind, bool hidden = false);
// The arena bytes a header with a name of n characters takes.
constexpr size_t header_size(size_t n) { return (sizeof(Word) + n + 1 + 7) & ~size_t(7); }
void reveal(Word* w);
Word* find_in(const Wordlist* wl, std::string_view name);
// Empties a wordlist and gives its table back (the words are the caller's).
void clear_wordlist(Wordlist* wl);
Word* find_word(std::string_view name);   // search order
Wordlist* new_wordlist(const char* name = nullptr);
// n bytes (8-aligned) of the header arena, for data a word keeps out of the
// program's reach in data space; MARKER and FORGET reclaim it with the word.
void* arena_allot(size_t n);
// A wid is a small number that names a wordlist, never its address: a
// program that takes one for an address (GET-CURRENT 100 ERASE) faults
// (-9) instead of overwriting the dictionary's own tables.
cell wid_of(const Wordlist* wl);
Wordlist* wordlist_of(cell wid);   // nullptr unless wid names a live wordlist

// Removes every word created after `mark` (a header arena position): MARKER.
void forget_after(uint8_t* arena_mark);

}  // namespace xf
