// SPDX-License-Identifier: MIT
#include "words/registry.h"
#include "asm/runtime.h"
#include <string>
#include <unordered_map>

namespace xf {

static std::unordered_map<std::string, Word*>& builtins() {
    static std::unordered_map<std::string, Word*> m;
    return m;
}
struct Builtin {
    const char* stack;
    const char* file;
};
static std::unordered_map<const Word*, Builtin>& builtin_info() {
    static std::unordered_map<const Word*, Builtin> m;
    return m;
}

static std::string upper(std::string_view s) {
    std::string u(s);
    for (char& c : u) c = char(toupper((unsigned char)c));
    return u;
}

Word* define_prim(const Prim& p, const char* file) {
    Word* w = create_header(p.name, Kind::Primitive);
    w->prim = &p;
    w->flags |= p.flags;
    make_prim_body(w, p);
    builtins()[upper(p.name)] = w;
    builtin_info()[w] = {p.stack, file};
    return w;
}

Word* define_helper(const HelperDef& h, const char* file) {
    Word* w = create_header(h.name, Kind::Helper);
    w->flags |= h.flags;
    make_helper_body(w, h.fn);
    builtins()[upper(h.name)] = w;
    builtin_info()[w] = {h.stack, file};
    return w;
}

Word* prim_word(std::string_view name) {
    auto it = builtins().find(upper(name));
    return it == builtins().end() ? nullptr : it->second;
}

void note_builtin(Word* w, const char* stack, std::source_location at) { builtin_info()[w] = {stack, at.file_name()}; }

const char* stack_comment(const Word* w) {
    auto it = builtin_info().find(w);
    return it == builtin_info().end() ? nullptr : it->second.stack;
}

const char* defined_in(const Word* w) {
    auto it = builtin_info().find(w);
    return it == builtin_info().end() ? nullptr : it->second.file;
}

}  // namespace xf
