// SPDX-License-Identifier: MIT
#include "core/interpreter.h"
#include "core/sourcemap.h"
#include "core/errors.h"
#include "core/number.h"
#include <climits>
#include <cstring>
#include <cstdlib>
#include <memory>
#include <set>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace xf {

Backend backend;
std::function<bool(std::string&)> terminal_reader;
std::function<void(cell, std::string&)> block_reader;

static std::vector<std::unique_ptr<Source>> sources;
static std::set<std::string> included_files;

Source& source() { return *sources.back(); }
size_t source_depth() { return sources.size(); }

// Nested sources use the machine stack (each level is an interpret() frame),
// so a runaway LOAD, INCLUDED or EVALUATE recursion stops here, as a return
// stack overflow, long before the stack runs out.
constexpr size_t MAX_SOURCES = 1024;

static void push_source(std::unique_ptr<Source> s) {
    if (sources.size() >= MAX_SOURCES) throw_code(-5);
    s->saved_to_in = vm.to_in;
    s->saved_source_id = vm.source_id;
    s->saved_blk = vm.blk;
    sources.push_back(std::move(s));
    vm.to_in = 0;
}

// The line buffers of sources that ended, for the next file or block to
// show its lines in: mapping and unmapping a guarded region for each
// INCLUDED costs more than reading a small file.
static std::vector<std::unique_ptr<GuardedBuffer>> spare_line_buffers;

static void pop_source() {
    vm.to_in = sources.back()->saved_to_in;
    vm.source_id = sources.back()->saved_source_id;
    vm.blk = sources.back()->saved_blk;
    if (sources.back()->shown && spare_line_buffers.size() < 4)
        spare_line_buffers.push_back(std::move(sources.back()->shown));
    sources.pop_back();
}

// Pops a source on every way out, including a C++ ForthThrow unwinding.
struct SourceGuard {
    ~SourceGuard() { pop_source(); }
};

static void ensure_terminal() {
    if (!sources.empty()) return;
    auto s = std::make_unique<Source>();
    s->type = SourceType::Terminal;
    s->name = "<stdin>";
    sources.push_back(std::move(s));
}

std::string_view parse_name() {
    Source& s = source();
    size_t i = size_t(vm.to_in);
    while (i < s.len && (unsigned char)s.buf[i] <= ' ') ++i;
    size_t start = i;
    while (i < s.len && (unsigned char)s.buf[i] > ' ') ++i;
    vm.to_in = cell(i < s.len ? i + 1 : i);
    s.token_start = start;
    s.token_len = i - start;
    return {s.buf + start, i - start};
}

std::string_view parse(char delim) {
    Source& s = source();
    size_t start = std::min(size_t(vm.to_in), s.len);
    size_t i = start;
    while (i < s.len && s.buf[i] != delim) ++i;
    vm.to_in = cell(i < s.len ? i + 1 : i);
    return {s.buf + start, i - start};
}

// A source line longer than this is not text: -18 rather than reading a
// whole (perhaps huge, perhaps sparse) binary file into memory.
constexpr size_t MAX_LINE = 1 << 20;

// SOURCE gives programs the address of the line. It is a copy in a guarded
// region of the source's own, not the C++ heap, so that a program writing
// past its end (SOURCE 4096 ERASE) faults (-9) instead of corrupting the
// heap (a fuzzer finding). A file's lines are read straight into it.
static char* line_buffer(Source& s) {
    if (!s.shown && !spare_line_buffers.empty()) {
        s.shown = std::move(spare_line_buffers.back());
        spare_line_buffers.pop_back();
    }
    if (!s.shown) s.shown = std::make_unique<GuardedBuffer>(MAX_LINE);
    return s.shown->data();
}

static void show_line(Source& s) {
    if (s.line.size() > MAX_LINE) throw_code(-18);
    char* to = line_buffer(s);
    std::copy(s.line.begin(), s.line.end(), to);
    s.buf = to;
    s.len = s.line.size();
}

// Reads a line without its end (\n, or \r\n) into `to` (MAX_LINE bytes);
// `used` gets the bytes it took from the file. fgets finds the end with
// memchr and copies in bulk: a getc_unlocked per character cost a twentieth
// of the time to compile a file of short definitions. A line may hold NUL
// characters, so fgets's length is not strlen's: the chunk is filled with
// non-zero bytes first, and the last NUL in it is the one fgets added.
static bool read_line(FILE* f, char* to, size_t& len, long& used) {
    char chunk[256];
    len = 0;
    used = 0;
    for (;;) {
        std::memset(chunk, '\n', sizeof chunk);
        if (!fgets_unlocked(chunk, sizeof chunk, f)) {
            if (ferror_unlocked(f)) throw_code(-37);   // not the end: a read that failed
            break;
        }
        size_t n = size_t((const char*)memrchr(chunk, 0, sizeof chunk) - chunk);
        used += long(n);
        bool end = n > 0 && chunk[n - 1] == '\n';
        size_t keep = n - end;
        if (len + keep > MAX_LINE) throw_code(-18);
        std::memcpy(to + len, chunk, keep);
        len += keep;
        if (end) break;
    }
    if (len > 0 && to[len - 1] == '\r') --len;
    return used > 0;
}

// The next line of file source s, into its buffer.
static bool read_file_line(Source& s, long& used) {
    char* to = line_buffer(s);
    size_t len;
    if (!read_line(s.file, to, len, used)) return false;
    s.buf = to;
    s.len = len;
    return true;
}

// Makes block `blk` the text of the block source `s`.
static void read_block(Source& s, cell blk) {
    if (!block_reader) throw_code(-35);
    block_reader(blk, s.line);
    s.line.resize(BLOCK_CHARS, ' ');
    s.blk = blk;
    s.name = "block " + std::to_string(ucell(blk));
    show_line(s);
    s.line_no = 1;
}

static void record_error_site();

// A line that cannot be read, one past MAX_LINE (-18) or a read that
// failed (-37), is reported at its file and line, with its first
// characters: the error comes before the line is the source.
static void record_read_error_site(Source& s, cell code) {
    s.line_no++;
    s.buf = line_buffer(s);
    s.len = code == -18 ? strnlen(s.buf, 60) : 0;
    s.token_start = 0;
    s.token_len = 0;
    record_error_site();
    if (code == -18) error_site.text += " ... (longer than " + std::to_string(MAX_LINE) + " characters)";
}

bool refill() {
    check_interrupt();   // loops that read line after line ([IF] skipping, say) yield to Ctrl-C
    Source& s = source();
    bool ok = false;
    switch (s.type) {
    case SourceType::String: return false;
    case SourceType::Block:   // the next block
        try {
            read_block(s, s.blk + 1);
        } catch (const ForthThrow&) {
            return false;
        }
        vm.blk = s.blk;
        vm.to_in = 0;
        return true;
    case SourceType::Terminal:
        ok = terminal_reader && terminal_reader(s.line);
        if (ok) show_line(s);
        break;
    case SourceType::File: {
        // The offset is counted, not asked for: ftell is a system call a line.
        s.line_pos = s.next_pos >= 0 ? s.next_pos : ftell(s.file);
        long used;
        try {
            ok = read_file_line(s, used);
        } catch (const ForthThrow& t) {
            record_read_error_site(s, t.code);
            throw;
        }
        s.next_pos = s.line_pos >= 0 ? s.line_pos + used : -1;
        break;
    }
    }
    if (!ok) return false;
    s.line_no++;
    vm.to_in = 0;
    note_refill(s);
    return true;
}

std::vector<cell> save_input() {
    Source& s = source();
    return {(cell)s.type, s.type == SourceType::Block ? s.blk : s.line_pos, s.line_no, vm.to_in};
}

bool restore_input(const std::vector<cell>& v) {
    Source& s = source();
    if (v.size() != 4 || v[0] != (cell)s.type) return true;
    if (s.type == SourceType::File && v[1] != s.line_pos) {
        if (fseek(s.file, long(v[1]), SEEK_SET) != 0) return true;
        s.line_pos = long(v[1]);
        long used;
        bool ok = read_file_line(s, used);
        s.next_pos = ok ? s.line_pos + used : -1;
        if (!ok) return true;
    }
    if (s.type == SourceType::Block && v[1] != s.blk) {
        try {
            read_block(s, v[1]);
        } catch (const ForthThrow&) {
            return true;
        }
        vm.blk = s.blk;
    }
    s.line_no = int(v[2]);
    vm.to_in = v[3];
    return false;
}

void execute(Word* xt) {
    if (cell code = backend.execute(xt)) throw_code(code);
}

static void record_error_site() {
    if (error_located) return;
    error_located = 1;
    const Source& s = source();
    ErrorSite& e = error_site;
    e.file = s.name;
    e.line = s.line_no ? s.line_no : 1;
    e.col = int(s.token_start);
    e.len = int(s.token_len);
    // The buffer may be a program's wild EVALUATE string: copy it carefully.
    try {
        e.text = s.buf ? user_string(s.buf, cell(std::min(s.len, size_t(4096)))) : "";
    } catch (const ForthThrow&) {
        e.text.clear();
    }
    if (s.type == SourceType::Block) {   // a block shows the 64-character line of the error
        size_t row = std::min(s.token_start, s.len - 1) / BLOCK_LINE;
        e.line = int(row) + 1;
        e.col = int(s.token_start - row * BLOCK_LINE);
        e.text = e.text.substr(row * BLOCK_LINE, BLOCK_LINE);
        while (!e.text.empty() && (unsigned char)e.text.back() <= ' ') e.text.pop_back();
    }
    // A string being evaluated shows only itself; keep the line on one row,
    // and the terminal's state as it was (a binary file's control bytes).
    for (char& c : e.text)
        if (c == '\n' || c == '\r') c = ' ';
        else if (((unsigned char)c < ' ' && c != '\t') || c == '\x7f') c = '?';
    e.included_from.clear();
    for (size_t i = sources.size() - 1; i-- > 0;) {
        const Source& o = *sources[i];
        if (o.type == SourceType::File) e.included_from.push_back(o.name + ":" + std::to_string(o.line_no));
        if (o.type == SourceType::Block) e.included_from.push_back(o.name);
    }
    auto& from = e.included_from;   // a runaway recursion: the innermost few and the outermost
    if (from.size() > 12) {
        size_t hidden = from.size() - 10;
        from.erase(from.begin() + 8, from.end() - 2);
        from.insert(from.begin() + 8, "... (" + std::to_string(hidden) + " more)");
    }
}

static void interpret_token(std::string_view name) {
    if (Word* w = find_word(name)) {
        if (vm.state && !(w->flags & F_IMMEDIATE)) {
            backend.compile(w);
        } else {
            if (!vm.state && (w->flags & F_COMPILE_ONLY)) throw_code(-14);
            execute(w);
        }
        return;
    }
    Number n;
    if (!parse_number(name, vm.base, n)) {
        double f;
        if (vm.base != 10 || !backend.fliteral || !parse_float_literal(name, f)) throw_code(-13);
        vm.fs.push(f);
        if (vm.state) execute(backend.fliteral);
        return;
    }
    vm.ds.push(n.lo);
    if (vm.state) execute(backend.literal);
    if (n.is_double) {
        vm.ds.push(n.hi);
        if (vm.state) execute(backend.literal);
    }
}

void interpret() {
    try {
        check_interrupt();
        for (;;) {
            std::string_view name = parse_name();
            if (name.empty()) break;
            check_interrupt();
            interpret_token(name);
        }
    } catch (const ForthThrow&) {
        record_error_site();
        throw;
    }
}

void evaluate(const char* addr, size_t len) {
    auto s = std::make_unique<Source>();
    s->type = SourceType::String;
    s->buf = addr;
    s->len = len;
    s->name = "<evaluate>";
    s->line_no = 1;
    push_source(std::move(s));
    vm.source_id = -1;
    vm.blk = 0;
    SourceGuard guard;
    interpret();
}

void include_file(FILE* f, const std::string& path) {
    auto s = std::make_unique<Source>();
    s->type = SourceType::File;
    s->file = f;
    s->name = path;
    push_source(std::move(s));
    vm.source_id = (cell)f;
    vm.blk = 0;
    SourceGuard guard;
    // A first line "#!..." is a script's interpreter line: a comment, even
    // when no space follows the #! (the word #! needs one).
    if (refill() && !(source().len >= 2 && source().buf[0] == '#' && source().buf[1] == '!')) interpret();
    while (refill()) interpret();
}

void load_block(cell blk) {
    if (blk == 0) throw_code(-35);
    auto s = std::make_unique<Source>();
    s->type = SourceType::Block;
    read_block(*s, blk);   // before pushing: a failed read changes nothing
    push_source(std::move(s));
    vm.blk = blk;
    vm.source_id = 0;
    SourceGuard guard;
    interpret();
}

void skip_line_comment() {
    Source& s = source();
    if (s.type != SourceType::Block) {
        vm.to_in = cell(s.len);
        return;
    }
    // The last character parsed is the one before >IN; when it is the
    // delimiter after the name (perhaps the first of the next line), the
    // name itself ended one character earlier.
    size_t p = std::min(size_t(std::max<cell>(vm.to_in, 1)), s.len) - 1;
    if (p > 0 && (unsigned char)s.buf[p] <= ' ') --p;
    vm.to_in = cell(std::min(s.len, (p / BLOCK_LINE + 1) * BLOCK_LINE));
}

bool is_source_file(FILE* f) {
    for (const auto& s : sources)
        if (s->type == SourceType::File && s->file == f) return true;
    return false;
}

void source_file_used(FILE* f) {
    for (const auto& s : sources)
        if (s->type == SourceType::File && s->file == f) s->next_pos = -1;
}

std::string resolve_path(std::string_view name) {
    std::string n(name);
    if (access(n.c_str(), R_OK) == 0 || n.empty() || n[0] == '/') return access(n.c_str(), R_OK) == 0 ? n : "";
    for (size_t i = sources.size(); i-- > 0;) {
        const Source& s = *sources[i];
        if (s.type != SourceType::File) continue;
        size_t slash = s.name.rfind('/');
        if (slash == std::string::npos) break;
        std::string candidate = s.name.substr(0, slash + 1) + n;
        if (access(candidate.c_str(), R_OK) == 0) return candidate;
        break;
    }
    for (const std::string& dir : library_dirs()) {
        std::string candidate = dir + "/" + n;
        if (access(candidate.c_str(), R_OK) == 0) return candidate;
    }
    return "";
}

std::vector<std::string> library_dirs() {
    char exe[PATH_MAX];
    ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (len <= 0) return {};
    std::string dir(exe, size_t(len));
    size_t slash = dir.rfind('/');
    if (slash == std::string::npos || slash == 0) return {};
    dir.resize(slash);   // <prefix>/bin, or the source tree
    return {dir + "/../share/xforth/lib", dir + "/lib"};
}

static std::string canonical(const std::string& path) {
    char buf[PATH_MAX];
    return realpath(path.c_str(), buf) ? std::string(buf) : path;
}

void included(std::string_view name) {
    std::string path = resolve_path(name);
    if (path.empty()) throw_code(-38);
    FILE* f = fopen(path.c_str(), "r");
    if (!f) throw_code(-38);
    struct stat st;
    if (fstat(fileno(f), &st) != 0 || S_ISDIR(st.st_mode)) {   // fopen opens a directory; reading it fails
        fclose(f);
        throw_code(-37);
    }
    included_files.insert(canonical(path));
    struct Closer { FILE* f; ~Closer() { fclose(f); } } closer{f};
    include_file(f, path);
}

void required(std::string_view name) {
    std::string path = resolve_path(name);
    if (path.empty()) throw_code(-38);
    if (included_files.count(canonical(path))) return;
    included(path);
}

void reset_after_error() {
    while (sources.size() > 1) pop_source();
    vm.ds.sp = vm.ds.base;
    poison_stack_slack();
    vm.fs.sp = vm.fs.base;
    vm.state = 0;
    vm.source_id = 0;
    vm.blk = 0;
    if (backend.abort_definition) backend.abort_definition();
    error_located = 0;
    vm.abort_msg.clear();
}

void run_terminal() {
    ensure_terminal();
    for (;;) {
        try {
            while (!vm.bye && refill()) {
                interpret();
                if (isatty(0) && !vm.bye) fputs(vm.state ? " compiled\n" : " ok\n", stdout);
                fflush(stdout);
            }
            return;
        } catch (const ForthThrow& t) {
            fflush(stdout);
            // An uncaught ABORT (-1) or QUIT (-56) resets without a message
            // (Forth-2012 9.6.1.2275); every other code is reported.
            if (t.code != -1 && t.code != -56) fputs(format_error(t.code).c_str(), stderr);
            reset_after_error();
        }
    }
}

// Sources used before the prompt starts (kernel.fs, files, -e) sit on top of
// the terminal so that SOURCE-ID and errors have something below them.
struct TerminalAtStart {
    TerminalAtStart() { ensure_terminal(); }
} terminal_at_start;

}  // namespace xf
