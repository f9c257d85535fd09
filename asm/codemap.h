// SPDX-License-Identifier: MIT
// Which word holds a code address: a table of placed code ranges, sorted
// because code memory only grows (MARKER cuts the tail). Backtraces use it;
// SEE and the perf map will.
#pragma once
#include "core/dictionary.h"

namespace xf {

void note_code(const void* start, size_t size, const Word* w);
const Word* word_at(const void* addr);      // nullptr when no word holds it
void forget_code_from(const void* start);   // drop ranges at or above start

}  // namespace xf
