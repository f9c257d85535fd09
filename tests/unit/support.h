// SPDX-License-Identifier: MIT
// What the unit tests share: one booted system per test process, running
// Forth text, and reading back the bytes a word was compiled to.
#pragma once
#include "asm/compiler.h"
#include "asm/disasm.h"
#include "core/interpreter.h"
#include "words/boot.h"
#include "words/registry.h"
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstring>
#include <string>
#include <unistd.h>
#include <vector>

namespace xf::test {

inline void boot_once() {
    static bool booted = [] {
        // Listings show code packed: no alignment padding, which would
        // depend on the address a definition happens to start at.
        loop_alignment = 1;
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

// The machine code of a word as one line of assembly (asm/disasm.h listing).
inline std::string listing_of(const std::string& name) {
    boot_once();
    Word* w = find_word(name);
    REQUIRE(w != nullptr);
    return listing(w->code, w->code_size);
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
using Cells = std::vector<cell>;

// The bytes of a primitive's inline emitter (its `emit`, or `emit_imm` with n).
inline Bytes prim_bytes(const char* name) {
    boot_once();
    Word* w = prim_word(name);
    REQUIRE(w != nullptr);
    REQUIRE(w->prim != nullptr);
    return bytes_of(w->prim->emit);
}
inline Bytes prim_imm_bytes(const char* name, cell n) {
    boot_once();
    Word* w = prim_word(name);
    REQUIRE(w != nullptr);
    REQUIRE(w->prim != nullptr);
    REQUIRE(w->prim->emit_imm != nullptr);
    return bytes_of([&](Gen& g) { w->prim->emit_imm(g, n); });
}

// Compiles `: NAME body ;` with the fusion rules on or off; returns its code.
inline Bytes compiled(const std::string& name, const std::string& body, bool opt = false) {
    bool saved = optimize;
    optimize = opt;
    try {
        run(": " + name + " " + body + " ;");
    } catch (...) {
        optimize = saved;
        throw;
    }
    optimize = saved;
    return code_of(name);
}

// Runs `inputs`, then `body` compiled into a fresh colon definition.
inline Cells run_compiled(const std::string& inputs, const std::string& body, bool opt) {
    bool saved = optimize;
    optimize = opt;
    try {
        run(": t-compiled " + body + " ;");
    } catch (...) {
        optimize = saved;
        throw;
    }
    optimize = saved;
    return run(inputs + " t-compiled");
}

// `body` on the stack `inputs` leaves gives `expected` when interpreted,
// compiled with the fusion rules and compiled without them.
inline void check_all(const std::string& inputs, const std::string& body, const Cells& expected) {
    INFO("inputs: " << inputs << "   body: " << body);
    CHECK(run(inputs + " " + body) == expected);
    CHECK(run_compiled(inputs, body, true) == expected);
    CHECK(run_compiled(inputs, body, false) == expected);
}
// The same for a compile-only body.
inline void check_compiled(const std::string& inputs, const std::string& body, const Cells& expected) {
    INFO("inputs: " << inputs << "   body: " << body);
    CHECK(run_compiled(inputs, body, true) == expected);
    CHECK(run_compiled(inputs, body, false) == expected);
}
// `body` throws `code` interpreted and compiled both ways.
inline void check_throw(const std::string& inputs, const std::string& body, cell code) {
    INFO("inputs: " << inputs << "   body: " << body);
    CHECK(throw_of(inputs + " " + body) == code);
    for (bool opt : {true, false}) {
        bool saved = optimize;
        optimize = opt;
        run(": t-compiled " + body + " ;");
        optimize = saved;
        CHECK(throw_of(inputs + " t-compiled") == code);
    }
}

// The little-endian bytes of x, for addresses and displacements in expected code.
inline Bytes le(uint64_t x, int n) {
    Bytes b;
    for (int i = 0; i < n; ++i) b.push_back(uint8_t(x >> (8 * i)));
    return b;
}
inline Bytes operator+(Bytes a, const Bytes& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

// mov rbx, imm: Xbyak picks mov ebx, imm32 when the value fits 32 bits
// unsigned (data space is mapped low, core/memory.cpp), else the 64-bit form.
inline Bytes mov_rbx(uint64_t x) {
    return x <= 0xffffffffu ? Bytes{0xBB} + le(x, 4) : Bytes{0x48, 0xBB} + le(x, 8);
}

// What `src` writes to stdout.
inline std::string output_of(const std::string& src) {
    fflush(stdout);
    FILE* tmp = tmpfile();
    REQUIRE(tmp != nullptr);
    int saved = dup(1);
    dup2(fileno(tmp), 1);
    auto restore = [&] {
        fflush(stdout);
        dup2(saved, 1);
        close(saved);
    };
    try {
        run(src);
    } catch (...) {
        restore();
        fclose(tmp);
        throw;
    }
    restore();
    std::string out;
    rewind(tmp);
    for (int c; (c = fgetc(tmp)) != EOF;) out += char(c);
    fclose(tmp);
    return out;
}

}  // namespace xf::test
