// SPDX-License-Identifier: MIT
#include "asm/codemap.h"
#include <algorithm>
#include <vector>

namespace xf {

struct Range {
    const uint8_t* start;
    size_t size;
    const Word* word;
};
static std::vector<Range> ranges;

void note_code(const void* start, size_t size, const Word* w) {
    auto* s = (const uint8_t*)start;
    if (!ranges.empty() && s < ranges.back().start) forget_code_from(s);
    ranges.push_back({s, size, w});
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
