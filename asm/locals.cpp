// SPDX-License-Identifier: MIT
// Locals: `{: a b | c -- d :}` and `LOCALS| a b |`.
//
// A definition with locals opens a frame on the return stack: rbp (FRAME in
// asm/regs.h) is pushed and pointed at it, so every local is one instruction
// away at [rbp - 8(slot+1)] however DO loops and >R move rsp. Every return
// from the definition (EXIT, `;`, the end of the part before DOES>) leaves
// the frame with `leave`. CATCH saves rbp, so THROW restores it.
//
// The names live in a wordlist of their own, first in the search order until
// the definition ends; their headers are heap memory, not the header arena,
// so nothing of them outlives the definition.
#include "asm/compiler.h"
#include <cstdlib>
#include <cstring>

namespace xf {

static Wordlist locals_wl;
static std::vector<Word*> local_headers;

static void add_local(std::string_view name, int slot) {
    if (name.size() > MAX_NAME) throw_code(-19);
    Word* w = (Word*)calloc(1, sizeof(Word) + name.size() + 1);
    if (!w) throw std::bad_alloc();
    w->kind = Kind::Local;
    w->flags = F_COMPILE_ONLY;
    w->value = slot;
    w->wl = &locals_wl;
    w->name_len = uint8_t(name.size());
    memcpy(w->name, name.data(), name.size());
    reveal(w);
    local_headers.push_back(w);
}

void declare_locals(const std::vector<std::string_view>& args, const std::vector<std::string_view>& others) {
    Definition& d = current_definition();
    if (d.has_locals) throw_code(-22);   // one locals declaration per definition
    d.has_locals = true;
    int slot = 0;
    for (std::string_view a : args) add_local(a, slot++);
    for (std::string_view o : others) add_local(o, slot++);
    compile_op({OpKind::FrameEnter, slot, nullptr, int(args.size())});
    if (dict.order_len == MAX_ORDER) throw_code(-49);
    memmove(dict.order + 1, dict.order, dict.order_len * sizeof dict.order[0]);
    dict.order[0] = &locals_wl;
    dict.order_len++;
}

void end_locals() {
    if (local_headers.empty() && !(dict.order_len && dict.order[0] == &locals_wl)) return;
    for (Word* w : local_headers) free(w);
    local_headers.clear();
    clear_wordlist(&locals_wl);
    size_t j = 0;
    for (size_t i = 0; i < dict.order_len; ++i)
        if (dict.order[i] != &locals_wl) dict.order[j++] = dict.order[i];
    dict.order_len = j;
}

}  // namespace xf
