// SPDX-License-Identifier: MIT
// GDB's JIT compilation interface: code placed at run time described to a
// debugger as small in-memory ELF objects, so that `bt`, `info symbol` and
// `break` in gdb know Forth words by name. See the design notes atop
// asm/gdbjit.cpp. Nothing here runs unless --gdb asked for it (codemap.cpp
// calls in only then).
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace xf {

struct CodeSymbol {
    const void* start;
    size_t size;
    std::string name;
};

// Registers one object naming every symbol in syms (in address order) and
// describing its frames, then tells an attached gdb.
void gdb_register(const std::vector<CodeSymbol>& syms);
// Unregisters the objects whose code starts at or above start (MARKER).
void gdb_unregister_from(const void* start);
// The ELF image gdb_register would build (for tests).
std::vector<unsigned char> gdb_object(const std::vector<CodeSymbol>& syms);

}  // namespace xf
