// SPDX-License-Identifier: MIT
// Native code shown as x86-64 assembly (Capstone, Intel syntax) for SEE:
// one instruction a line, with the words that call targets and addresses
// belong to named (asm/codemap.h word_at).
#pragma once
#include <cstddef>
#include <cstdio>

namespace xf {

// Prints the instructions of [code, code+size) to out.
void disassemble(const void* code, size_t size, FILE* out);

}  // namespace xf
