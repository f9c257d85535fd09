// SPDX-License-Identifier: MIT
#include "core/sourcemap.h"
#include "core/interpreter.h"
#include <unordered_map>

namespace xf {

static std::unordered_map<const Word*, DefSource> sources_of;
static const Source* recording_from = nullptr;   // the source `:` was in, while recording
static std::string recording;

void note_location(const Word* w) {
    const Source* sp = source_depth() ? &source() : nullptr;
    if (!sp || sp->line_no == 0) {   // built in, before any source
        sources_of.erase(w);
        return;
    }
    const Source& s = *sp;
    DefSource& d = sources_of[w];
    d = DefSource{};
    d.file = s.name;
    d.line = s.type == SourceType::Block ? int(s.blk) : s.line_no;
}

void start_source_text() {
    const Source& s = source();
    recording_from = &s;
    size_t start = std::min(s.token_start, s.len);
    recording.assign(s.buf + start, s.len - start);
}

void note_refill(const Source& s) {
    if (recording_from != &s) return;
    recording += '\n';
    recording.append(s.buf, s.len);
}

void end_source_text(const Word* w) {
    if (!recording_from) return;
    const Source& s = source();
    if (recording_from == &s) {   // cut what follows the ;
        size_t rest = s.len - std::min(s.len, size_t(std::max<cell>(vm.to_in, 0)));
        recording.resize(recording.size() - std::min(rest, recording.size()));
        while (!recording.empty() && (unsigned char)recording.back() <= ' ') recording.pop_back();
        sources_of[w].text = recording;
    }
    recording_from = nullptr;
    recording.clear();
}

const DefSource* source_of(const Word* w) {
    auto it = sources_of.find(w);
    return it == sources_of.end() ? nullptr : &it->second;
}

}  // namespace xf
