// SPDX-License-Identifier: MIT
// Which word holds a code address: a table of placed code ranges, sorted
// because code memory only grows (MARKER cuts the tail). Backtraces use it;
// SEE, the perf map (open_perf_map) and gdb (open_gdb_jit) too. Code no
// word owns (the trampoline, CATCH, THROW's landing) is noted under a label.
#pragma once
#include "core/dictionary.h"

namespace xf {

void note_code(const void* start, size_t size, const Word* w);
void note_stub(const void* start, size_t size, const char* label);   // word_at() gives nullptr there
// A stub made before its word (THROW's body, assembled with the runtime)
// becomes that word's: word_at() gives w there from now on.
void claim_stub(const void* start, const Word* w);
const Word* word_at(const void* addr);      // nullptr when no word holds it
void forget_code_from(const void* start);   // drop ranges at or above start
// Linux perf: from now on, every placed definition is also written to
// /tmp/perf-PID.map as "START SIZE name" (hex, no 0x). False when it cannot.
bool open_perf_map();
// GDB's JIT interface (asm/gdbjit.h): registers the code placed so far as one
// object, and from now on each placed definition as it comes.
void open_gdb_jit();

}  // namespace xf
