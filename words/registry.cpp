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
static std::unordered_map<const Word*, const char*>& comments() {
    static std::unordered_map<const Word*, const char*> m;
    return m;
}

static std::string upper(std::string_view s) {
    std::string u(s);
    for (char& c : u) c = char(toupper((unsigned char)c));
    return u;
}

Word* define_prim(const Prim& p) {
    Word* w = create_header(p.name, Kind::Primitive);
    w->prim = &p;
    w->flags |= p.flags;
    make_prim_body(w, p);
    builtins()[upper(p.name)] = w;
    comments()[w] = p.stack;
    return w;
}

Word* define_helper(const HelperDef& h) {
    Word* w = create_header(h.name, Kind::Helper);
    w->flags |= h.flags;
    make_helper_body(w, h.fn);
    builtins()[upper(h.name)] = w;
    comments()[w] = h.stack;
    return w;
}

Word* prim_word(std::string_view name) {
    auto it = builtins().find(upper(name));
    return it == builtins().end() ? nullptr : it->second;
}

const char* stack_comment(const Word* w) {
    auto it = comments().find(w);
    return it == comments().end() ? nullptr : it->second;
}

}  // namespace xf
