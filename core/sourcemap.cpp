// SPDX-License-Identifier: MIT
#include "core/sourcemap.h"
#include "core/interpreter.h"
#include <algorithm>
#include <unordered_map>

namespace xf {

static std::unordered_map<const Word*, DefSource> sources_of;
static const Source* recording_from = nullptr;   // the source `:` was in, while recording
static std::string recording;

static std::string_view trim(std::string_view s) {
    while (!s.empty() && (unsigned char)s.front() <= ' ') s.remove_prefix(1);
    while (!s.empty() && (unsigned char)s.back() <= ' ') s.remove_suffix(1);
    return s;
}

std::pair<std::string_view, std::string_view> split_stack_comment(std::string_view s) {
    s = trim(s);
    size_t end = 0;   // of the comments
    for (;;) {
        size_t at = end;
        while (at < s.size() && (unsigned char)s[at] <= ' ') ++at;
        if (at + 1 >= s.size() || s[at] != '(' || (unsigned char)s[at + 1] > ' ') break;
        size_t close = s.find(')', at);
        if (close == std::string_view::npos) break;
        end = close + 1;
    }
    return {s.substr(0, end), trim(s.substr(end))};
}

static int line_of(const Source& s) { return s.type == SourceType::Block ? int(s.blk) : s.line_no; }

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
    d.line = d.last_line = line_of(s);
    // The line itself: LOCATE shows it when the source is not at hand (the
    // prompt); for colon definitions `;` replaces it with the whole text.
    size_t line_start = 0, line_len = s.len;
    size_t from = std::min(s.len, size_t(std::max<cell>(vm.to_in, 0)));
    if (s.type == SourceType::Block) {   // the 64-character line of the name
        line_start = std::min(s.len, (from ? from - 1 : 0) / BLOCK_LINE * BLOCK_LINE);
        line_len = std::min(BLOCK_LINE, s.len - line_start);
    }
    d.text = trim(std::string_view(s.buf + line_start, line_len));
    from = std::clamp(from, line_start, line_start + line_len);
    HeaderDoc h = header_doc(std::string_view(s.buf + from, line_start + line_len - from));
    d.stack = std::move(h.stack);
    d.wordset = std::move(h.wordset);
}

HeaderDoc header_doc(std::string_view rest_of_line) {
    auto [stack, rest] = split_stack_comment(rest_of_line);
    HeaderDoc h;
    h.stack = stack;
    if (!stack.empty() && rest.size() > 1 && rest[0] == '\\' && (unsigned char)rest[1] <= ' ')
        h.wordset = trim(rest.substr(1));
    return h;
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
        DefSource& d = sources_of[w];
        d.text = recording;
        d.last_line = std::max(d.last_line, line_of(s));
    }
    recording_from = nullptr;
    recording.clear();
}

void note_glossary(std::string_view text) {
    if (!dict.latest || !source_depth()) return;
    auto it = sources_of.find(dict.latest);
    if (it == sources_of.end()) return;
    DefSource& d = it->second;
    const Source& s = source();
    int line = line_of(s);
    if (d.file != s.name || line < d.line || line > d.last_line + 1) return;   // not right after it
    if (!d.glossary.empty()) d.glossary += '\n';
    d.glossary += trim(text);
    d.last_line = line;
}

const DefSource* source_of(const Word* w) {
    auto it = sources_of.find(w);
    return it == sources_of.end() ? nullptr : &it->second;
}

}  // namespace xf
