// SPDX-License-Identifier: MIT
#include "asm/codemap.h"
#include "asm/gdbjit.h"
#include "core/bigarray.h"
#include <algorithm>
#include <cstdio>
#include <unistd.h>
#include <vector>

namespace xf {

// Every definition has one: 24 bytes, not 32 (the size fits 32 bits, and
// code has a word or a label, never both).
struct Range {
    const uint8_t* start;
    uint32_t size;
    bool has_word;
    union {
        const Word* word;
        const char* label;   // for code no word owns
    };
    const Word* owner() const { return has_word ? word : nullptr; }
    std::string name() const {
        if (!has_word) return label;
        return word->name_len ? std::string(word->name_view()) : std::string(":noname");
    }
};
static_assert(sizeof(Range) == 24);
static BigArray<Range> ranges(8u << 20);
static FILE* perf_map = nullptr;
static bool gdb_jit = false;

static void note_perf(const Range& r) {
    if (r.size == 0) return;
    fprintf(perf_map, "%lx %zx %s\n", (unsigned long)(uintptr_t)r.start, size_t(r.size), r.name().c_str());
    fflush(perf_map);
}

bool open_perf_map() {
    if (perf_map) return true;
    char path[64];
    snprintf(path, sizeof path, "/tmp/perf-%d.map", int(getpid()));
    perf_map = fopen(path, "w");
    if (!perf_map) return false;
    for (const Range& r : ranges) note_perf(r);   // what was placed before
    return true;
}

void open_gdb_jit() {
    if (gdb_jit) return;
    gdb_jit = true;
    std::vector<CodeSymbol> syms;
    for (const Range& r : ranges)
        if (r.size) syms.push_back({r.start, r.size, r.name()});
    gdb_register(syms);
}

static void note(const Range& r) {
    if (!ranges.empty() && r.start < ranges.back().start) forget_code_from(r.start);
    ranges.push_back(r);
    if (perf_map) note_perf(r);
    if (gdb_jit && r.size) gdb_register({{r.start, r.size, r.name()}});
}
void note_code(const void* start, size_t size, const Word* w) {
    Range r{(const uint8_t*)start, uint32_t(size), w != nullptr, {}};
    r.word = w;
    note(r);
}
void note_stub(const void* start, size_t size, const char* label) {
    Range r{(const uint8_t*)start, uint32_t(size), false, {}};
    r.label = label;
    note(r);
}

void claim_stub(const void* start, const Word* w) {
    auto* a = (const uint8_t*)start;
    auto it = std::lower_bound(ranges.begin(), ranges.end(), a, [](const Range& r, const uint8_t* x) { return r.start < x; });
    if (it == ranges.end() || it->start != a) return;
    it->has_word = true;
    it->word = w;
}

const Word* word_at(const void* addr) {
    auto* a = (const uint8_t*)addr;
    auto it = std::upper_bound(ranges.begin(), ranges.end(), a,
                               [](const uint8_t* x, const Range& r) { return x < r.start; });
    if (it == ranges.begin()) return nullptr;
    --it;
    return a < it->start + it->size ? it->owner() : nullptr;
}

void forget_code_from(const void* start) {
    auto* s = (const uint8_t*)start;
    while (!ranges.empty() && ranges.back().start >= s) ranges.pop_back();
    if (gdb_jit) gdb_unregister_from(s);
}

}  // namespace xf
