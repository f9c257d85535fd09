// SPDX-License-Identifier: MIT
// What the unit tests share: one booted system per test process, running
// Forth text, and reading back the bytes a word was compiled to.
#pragma once
#include "asm/compiler.h"
#include "core/interpreter.h"
#include "words/boot.h"
#include "words/registry.h"
#include <catch2/catch.hpp>
#include <cstring>
#include <string>
#include <vector>

namespace xf::test {

inline void boot_once() {
    static bool booted = [] {
        boot();
        load_kernel_fs();
        return true;
    }();
    (void)booted;
}

// Interprets `src` on an empty stack; returns the stack, bottom first.
// A THROW comes back as the C++ ForthThrow.
inline std::vector<cell> run(const std::string& src) {
    boot_once();
    vm.ds.sp = vm.ds.base;
    vm.fs.sp = vm.fs.base;
    try {
        evaluate(src.data(), src.size());
    } catch (...) {
        reset_after_error();
        throw;
    }
    std::vector<cell> out(vm.ds.sp, vm.ds.base);
    return {out.rbegin(), out.rend()};
}

// The THROW code `src` ends with, or 0.
inline cell throw_of(const std::string& src) {
    try {
        run(src);
    } catch (const ForthThrow& t) {
        return t.code;
    }
    return 0;
}

// The machine code of a word, as bytes.
inline std::vector<uint8_t> code_of(const std::string& name) {
    boot_once();
    Word* w = find_word(name);
    REQUIRE(w != nullptr);
    auto* p = (const uint8_t*)w->code;
    return {p, p + w->code_size};
}

// The bytes an emitter produces, in code memory (which it then discards).
template <class F> std::vector<uint8_t> bytes_of(F emit) {
    boot_once();
    Gen g;
    emit(g);
    auto* p = g.getCode();
    return {p, p + g.getSize()};
}

using Bytes = std::vector<uint8_t>;

}  // namespace xf::test
