// SPDX-License-Identifier: MIT
// Native code shown as x86-64 assembly (Capstone, Intel syntax) for SEE:
// one instruction a line, with the words that call targets and addresses
// belong to named (asm/codemap.h word_at).
#pragma once
#include <cstddef>
#include <cstdio>
#include <string>

namespace xf {

// Prints the instructions of [code, code+size) to out.
void disassemble(const void* code, size_t size, FILE* out);

// The same instructions on one line, "mnemonic operands; ...", with jump
// targets inside the code as +offset and calls to words by name: the form
// the code-generation tests compare against.
std::string listing(const void* code, size_t size);

}  // namespace xf
