// SPDX-License-Identifier: MIT
#include "asm/codemap.h"
#include "asm/gdbjit.h"
#include "core/bigarray.h"
#include <algorithm>
#include <cstdio>
#include <unistd.h>
#include <vector>

namespace xf {

struct Range {
    const uint8_t* start;
    size_t size;
    const Word* word;
    const char* label;   // for code no word owns
    std::string name() const {
        if (!word) return label;
        return word->name_len ? std::string(word->name_view()) : std::string(":noname");
    }
};
static BigArray<Range> ranges(8u << 20);
static FILE* perf_map = nullptr;
static bool gdb_jit = false;

static void note_perf(const Range& r) {
    if (r.size == 0) return;
    fprintf(perf_map, "%lx %zx %s\n", (unsigned long)(uintptr_t)r.start, r.size, r.name().c_str());
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
void note_code(const void* start, size_t size, const Word* w) { note({(const uint8_t*)start, size, w, nullptr}); }
void note_stub(const void* start, size_t size, const char* label) {
    note({(const uint8_t*)start, size, nullptr, label});
}

const Word* word_at(const void* addr) {
    auto* a = (const uint8_t*)addr;
    auto it = std::upper_bound(ranges.begin(), ranges.end(), a,
                               [](const uint8_t* x, const Range& r) { return x < r.start; });
    if (it == ranges.begin()) return nullptr;
    --it;
    return a < it->start + it->size ? it->word : nullptr;
}

void forget_code_from(const void* start) {
    auto* s = (const uint8_t*)start;
    while (!ranges.empty() && ranges.back().start >= s) ranges.pop_back();
    if (gdb_jit) gdb_unregister_from(s);
}

}  // namespace xf
