// SPDX-License-Identifier: MIT
#include "core/sourcemap.h"
#include "core/interpreter.h"
#include "core/bigarray.h"
#include <algorithm>
#include <climits>
#include <cstdint>
#include <vector>

namespace xf {

// The records are kept compactly, since every word gets one: in the order
// the words were created, which is the order of their addresses in the
// header arena, so a lookup is a binary search and a word created after
// MARKER or FORGET cut the arena back replaces the records of the words it
// took the place of. Their text lives in one pool of characters and the
// file names in a list of the names seen; source_of puts a DefSource
// together from them.
namespace {
struct Span {
    uint32_t at = 0, len = 0;   // in the pool
};
struct Record {
    const Word* w;
    uint32_t file;              // index into files
    int line, last_line;
    uint32_t pool_start;        // the pool's size when the record was made (the pool stays under 4 GiB)
    Span text, stack, wordset, glossary;
};
}  // namespace
static_assert(sizeof(Record) == 56);   // every word has one: each byte is 100 KB in 100,000 words
static BigArray<Record> records(4u << 20);
static std::vector<std::string> files;
static BigArray<char> pool(256u << 20);
// Text written for a record that was not the newest one lies above newer
// records' pool_start: the pool is never cut back below this.
static size_t pool_keep = 0;
static const Source* recording_from = nullptr;   // the source `:` was in, while recording
static std::string recording;

static Record* record_of(const Word* w) {
    if (!records.empty() && records.back().w == w) return &records.back();   // the usual case: the newest word
    auto it = std::lower_bound(records.begin(), records.end(), w,
                               [](const Record& r, const Word* x) { return r.w < x; });
    return it != records.end() && it->w == w ? &*it : nullptr;
}

// Appends text to the pool for record r and returns where it went. A pool
// past 4 GiB keeps no more text.
static Span keep(const Record& r, std::string_view text) {
    if (pool.size() + text.size() > UINT32_MAX) return {};
    Span sp{uint32_t(pool.size()), uint32_t(text.size())};
    pool.append(text.data(), text.size());
    if (&r != &records.back()) pool_keep = pool.size();
    return sp;
}
static std::string_view view(Span sp) { return {pool.begin() + sp.at, sp.len}; }

// Drops the records of words at or above w (gone with the arena cut back
// by MARKER or FORGET), and their text.
static void forget_records_from(const Word* w) {
    if (records.empty() || records.back().w < w) return;
    auto it = std::lower_bound(records.begin(), records.end(), w,
                               [](const Record& r, const Word* x) { return r.w < x; });
    if (it == records.end()) return;
    size_t cut = std::max<size_t>(it->pool_start, pool_keep);
    pool.truncate(cut);
    records.truncate(size_t(it - records.begin()));
}

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

static std::string_view wordset_tag(std::string_view stack, std::string_view rest);

void note_location(const Word* w) {
    forget_records_from(w);
    const Source* sp = source_depth() ? &source() : nullptr;
    if (!sp || sp->line_no == 0) return;   // built in, before any source
    const Source& s = *sp;
    if (files.empty() || files.back() != s.name) files.push_back(s.name);
    Record& r = records.push_back(Record{w, uint32_t(files.size() - 1), line_of(s), line_of(s), uint32_t(pool.size()), {}, {}, {}, {}});
    // The line itself: LOCATE shows it when the source is not at hand (the
    // prompt); for colon definitions `;` replaces it with the whole text.
    size_t line_start = 0, line_len = s.len;
    size_t from = std::min(s.len, size_t(std::max<cell>(vm.to_in, 0)));
    if (s.type == SourceType::Block) {   // the 64-character line of the name
        line_start = std::min(s.len, (from ? from - 1 : 0) / BLOCK_LINE * BLOCK_LINE);
        line_len = std::min(BLOCK_LINE, s.len - line_start);
    }
    size_t name_end = std::clamp(from, line_start, line_start + line_len);
    auto [stack, rest] = split_stack_comment(std::string_view(s.buf + name_end, line_start + line_len - name_end));
    r.stack = keep(r, stack);
    r.wordset = keep(r, wordset_tag(stack, rest));
    r.text = keep(r, trim(std::string_view(s.buf + line_start, line_len)));   // last: `;` may replace it in place
}

// The wordset named after the stack comments: `( -- ) \ core` gives "core".
static std::string_view wordset_tag(std::string_view stack, std::string_view rest) {
    if (!stack.empty() && rest.size() > 1 && rest[0] == '\\' && (unsigned char)rest[1] <= ' ') return trim(rest.substr(1));
    return {};
}

HeaderDoc header_doc(std::string_view rest_of_line) {
    auto [stack, rest] = split_stack_comment(rest_of_line);
    return {std::string(stack), std::string(wordset_tag(stack, rest))};
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
    Record* r = record_of(w);
    if (recording_from == &s && r) {   // cut what follows the ;
        size_t rest = s.len - std::min(s.len, size_t(std::max<cell>(vm.to_in, 0)));
        recording.resize(recording.size() - std::min(rest, recording.size()));
        while (!recording.empty() && (unsigned char)recording.back() <= ' ') recording.pop_back();
        // The line note_location kept is replaced; when nothing came after
        // it in the pool, in place.
        if (size_t(r->text.at) + r->text.len == pool.size() && r->text.at >= pool_keep && r->text.at >= r->pool_start)
            pool.truncate(r->text.at);
        r->text = keep(*r, recording);
        r->last_line = std::max(r->last_line, line_of(s));
    }
    recording_from = nullptr;
    recording.clear();
}

void note_glossary(std::string_view text) {
    if (!dict.latest || !source_depth()) return;
    Record* r = record_of(dict.latest);
    if (!r) return;
    const Source& s = source();
    int line = line_of(s);
    if (files[r->file] != s.name || line < r->line || line > r->last_line + 1) return;   // not right after it
    std::string g(view(r->glossary));   // appended where the pool ends: moved there first unless it is there
    if (!g.empty()) g += '\n';
    g += trim(text);
    if (size_t(r->glossary.at) + r->glossary.len == pool.size() && r->glossary.len && r->glossary.at >= pool_keep &&
        r->glossary.at >= r->pool_start)
        pool.truncate(r->glossary.at);
    r->glossary = keep(*r, g);
    r->last_line = line;
}

std::optional<DefSource> source_of(const Word* w) {
    const Record* r = record_of(w);
    if (!r) return std::nullopt;
    DefSource d;
    d.file = files[r->file];
    d.line = r->line;
    d.last_line = r->last_line;
    d.text = view(r->text);
    d.stack = view(r->stack);
    d.wordset = view(r->wordset);
    d.glossary = view(r->glossary);
    return d;
}

}  // namespace xf
