// SPDX-License-Identifier: MIT
#include "asm/codemap.h"
#include <algorithm>
#include <cstdio>
#include <unistd.h>
#include <vector>

namespace xf {

struct Range {
    const uint8_t* start;
    size_t size;
    const Word* word;
};
static FILE* perf_map = nullptr;

static void note_perf(const Range& r) {
    if (r.size == 0) return;
    std::string_view n = r.word && r.word->name_len ? r.word->name_view() : std::string_view(":noname");
    fprintf(perf_map, "%lx %zx %.*s\n", (unsigned long)(uintptr_t)r.start, r.size, int(n.size()), n.data());
    fflush(perf_map);
}
static std::vector<Range> ranges;

bool open_perf_map() {
    if (perf_map) return true;
    char path[64];
    snprintf(path, sizeof path, "/tmp/perf-%d.map", int(getpid()));
    perf_map = fopen(path, "w");
    if (!perf_map) return false;
    for (const Range& r : ranges) note_perf(r);   // what was placed before
    return true;
}

void note_code(const void* start, size_t size, const Word* w) {
    auto* s = (const uint8_t*)start;
    if (!ranges.empty() && s < ranges.back().start) forget_code_from(s);
    ranges.push_back({s, size, w});
    if (perf_map) note_perf(ranges.back());
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
}

}  // namespace xf
