// SPDX-License-Identifier: MIT
#include "words/registry.h"
#include "asm/runtime.h"
#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

namespace xf {

// The built-in words in the order they were made, which is the order of
// their addresses in the header arena: a vector, not hash maps, because
// start-up registers some 470 of them and looks up only a few by name.
struct Builtin {
    const Word* w;
    const char* stack;
    const char* file;
};
static std::vector<Builtin> builtins;
static bool in_order = true;   // by address, for builtin_of's binary search
static std::unordered_map<std::string, Word*> by_name;   // prim_word's answers so far

static void note(const Word* w, const char* stack, const char* file) {
    if (!builtins.empty() && w <= builtins.back().w) in_order = false;
    builtins.push_back({w, stack, file});
    by_name.clear();   // a newer word of a name asked for already wins
}

static const Builtin* builtin_of(const Word* w) {
    if (!in_order) {
        std::stable_sort(builtins.begin(), builtins.end(), [](const Builtin& a, const Builtin& b) { return a.w < b.w; });
        in_order = true;
    }
    auto it = std::lower_bound(builtins.begin(), builtins.end(), w, [](const Builtin& b, const Word* x) { return b.w < x; });
    return it != builtins.end() && it->w == w ? &*it : nullptr;
}

Word* define_prim(const Prim& p, const char* file) {
    Word* w = create_header(p.name, Kind::Primitive);
    w->prim = &p;
    w->flags |= p.flags;
    make_prim_body(w, p);
    note(w, p.stack, file);
    return w;
}

Word* define_helper(const HelperDef& h, const char* file) {
    Word* w = create_header(h.name, Kind::Helper);
    w->flags |= h.flags;
    make_helper_body(w, h.fn);
    note(w, h.stack, file);
    return w;
}

Word* prim_word(std::string_view name) {
    std::string key(name);
    if (auto it = by_name.find(key); it != by_name.end()) return it->second;
    Word* found = nullptr;
    for (auto it = builtins.rbegin(); it != builtins.rend() && !found; ++it)   // the newest of the name
        if (it->w->kind == Kind::Primitive || it->w->kind == Kind::Helper)
            if (name_equals(it->w->name_view(), name)) found = const_cast<Word*>(it->w);
    by_name[key] = found;
    return found;
}

void note_builtin(Word* w, const char* stack, std::source_location at) { note(w, stack, at.file_name()); }

const char* stack_comment(const Word* w) {
    const Builtin* b = builtin_of(w);
    return b ? b->stack : nullptr;
}

const char* defined_in(const Word* w) {
    const Builtin* b = builtin_of(w);
    return b ? b->file : nullptr;
}

}  // namespace xf
