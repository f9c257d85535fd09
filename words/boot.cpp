// SPDX-License-Identifier: MIT
// Bringing the system up: the wiring of kernel, code generation and words.
#include "words/boot.h"
#include "asm/compiler.h"
#include "asm/runtime.h"
#include "asm/signals.h"
#include "core/errors.h"
#include "core/interpreter.h"
#include "words/registry.h"
#include <cstdio>

extern "C" const char xf_kernel_fs_start[], xf_kernel_fs_end[];

namespace xf {

void boot() {
    init_memory();
    init_dictionary();
    init_code_memory();
    init_runtime();
    init_signals();
    register_all_words();
    auto recover = [] {
        abort_definition();
        forget_trace();
    };
    backend = {run_xt, compile_xt, recover, prim_word("LITERAL"), prim_word("FLITERAL")};
    backtrace_hook = backtrace_text;
}

std::string_view kernel_fs_text() { return {xf_kernel_fs_start, size_t(xf_kernel_fs_end - xf_kernel_fs_start)}; }

void load_kernel_fs() {
    std::string_view text = kernel_fs_text();
    FILE* f = fmemopen((void*)text.data(), text.size(), "r");
    if (!f) throw_code(-37);
    struct Closer { FILE* f; ~Closer() { fclose(f); } } closer{f};
    include_file(f, "kernel.fs");
    dict.fence = dict.arena_here;   // FORGET stops at the built-in words
}

}  // namespace xf
