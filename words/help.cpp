// SPDX-License-Identifier: MIT
// Finding one's way in the dictionary: WORDS with a filter, LOCATE (where a
// word was defined, with its source lines), HELP (its stack comment and
// glossary) and \G, the glossary comment HELP shows.
//
// A word's documentation is kept where it was written. A built-in word's
// stack comment is in its Prim/HelperDef entry, and text after the comment
// there is its glossary line (words/glossary.cpp holds lines for the others).
// A word defined in Forth gets the stack comment that follows its name on its
// line and the \G lines right after it (core/sourcemap.h records both as the
// definition is read). HELP of a name the dictionary lacks reads the files
// of the library (core/interpreter.h library_dirs) for its definition, and
// says which file to REQUIRE.
#include "asm/prim.h"
#include "core/interpreter.h"
#include "core/sourcemap.h"
#include "words/boot.h"
#include "words/help.h"
#include "words/registry.h"
#include <algorithm>
#include <cstdio>
#include <dirent.h>
#include <fstream>
#include <optional>
#include <sstream>
#include <sys/stat.h>
#include <string>

namespace xf {

static std::string upper(std::string_view s) {
    std::string u(s);
    for (char& c : u) c = char(toupper((unsigned char)c));
    return u;
}
static std::string_view trim(std::string_view s) {
    while (!s.empty() && (unsigned char)s.front() <= ' ') s.remove_prefix(1);
    while (!s.empty() && (unsigned char)s.back() <= ' ') s.remove_suffix(1);
    return s;
}
static bool is_glossary_line(std::string_view line) {
    line = trim(line);
    return line.size() >= 2 && line[0] == '\\' && (line[1] == 'G' || line[1] == 'g') &&
           (line.size() == 2 || (unsigned char)line[2] <= ' ');
}
static std::string_view glossary_text(std::string_view line) { return trim(trim(line).substr(2)); }

static Word* parse_existing() {
    std::string_view name = parse_name();
    if (name.empty()) throw_code(-16);
    Word* w = find_word(name);
    if (!w) throw_code(-13);
    return w;
}

// -- WORDS -------------------------------------------------------------------------

// WORDS lists the first wordlist of the search order, newest first. A name
// after it on the same line filters: only the words containing it (ignoring
// case) are listed, as in VFX Forth; WORDS at the end of a line lists all.
static void words() {   // ( "<spaces>text" -- )
    std::string filter = upper(parse_name());
    if (dict.order_len == 0) return;
    size_t col = 0;
    for (Word* w = dict.order[0]->latest; w; w = w->link) {
        if (w->name_len == 0 || (w->flags & F_HIDDEN)) continue;
        if (!filter.empty() && upper(w->name_view()).find(filter) == std::string::npos) continue;
        if (col + w->name_len + 1 > 79) { putchar('\n'); col = 0; }
        col += size_t(printf("%.*s ", int(w->name_len), w->name));
    }
    putchar('\n');
}

// -- LOCATE --------------------------------------------------------------------------

// Lines first..first+count-1 (1-based) of text, and then the \G lines that follow.
static std::vector<std::string> lines_of(std::istream& in, int first, int count) {
    std::vector<std::string> out;
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
        if (n < first) continue;
        if (n >= first + count && !is_glossary_line(line)) break;
        out.push_back(line);
    }
    return out;
}

static bool from_kernel(const Word* w) { return (const uint8_t*)w < dict.fence; }

// The definition's lines as they are in its file now; none when the file
// is not at hand (the prompt, EVALUATE, a block) or is shorter now.
static std::vector<std::string> definition_lines(const Word* w, const DefSource& d) {
    int count = 1 + int(std::count(d.text.begin(), d.text.end(), '\n'));
    if (d.file == "kernel.fs" && from_kernel(w)) {
        std::istringstream in{std::string(kernel_fs_text())};
        return lines_of(in, d.line, count);
    }
    struct stat st;
    if (stat(d.file.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return {};   // <stdin>, a block, a pipe
    std::ifstream in(d.file);
    return in ? lines_of(in, d.line, count) : std::vector<std::string>{};
}

static void locate() {   // ( "<spaces>name" -- )
    Word* w = parse_existing();
    std::string name(w->name_view());
    auto d = source_of(w);
    if (!d) {
        const char* file = defined_in(w);
        if (w->kind == Kind::Primitive) printf("%s is a primitive, written in C++ in %s (SEE %s shows its code)\n",
                                              name.c_str(), file ? file : "words/", name.c_str());
        else if (file) printf("%s is built in, written in C++ in %s\n", name.c_str(), file);
        else printf("%s: where it was defined is not known\n", name.c_str());
        return;
    }
    if (d->file.rfind("block ", 0) == 0) printf("%s\n", d->file.c_str());   // its line is its number
    else printf("%s:%d\n", d->file.c_str(), d->line);
    std::vector<std::string> lines = definition_lines(w, *d);
    if (lines.empty()) {   // what was kept as it was read, and \G lines after it
        if (!d->text.empty()) printf("%s\n", d->text.c_str());
        std::istringstream glossary(d->glossary);
        for (std::string g; std::getline(glossary, g);)
            if (d->text.find(g) == std::string::npos) printf("\\G %s\n", g.c_str());
    }
    for (const std::string& l : lines) printf("%s\n", l.c_str());
}

// -- HELP -------------------------------------------------------------------------

struct Doc {
    std::string stack, wordset, glossary;
};

// The stack effect of a word that has no comment, from what kind of word it is.
static const char* stack_of_kind(Kind k) {
    switch (k) {
    case Kind::Constant: case Kind::Value: return "( -- x )";
    case Kind::Variable: case Kind::Create: case Kind::Does: return "( -- a-addr )";
    case Kind::TwoConstant: case Kind::TwoValue: return "( -- x1 x2 )";
    case Kind::FConstant: case Kind::FValue: return "( F: -- r )";
    default: return nullptr;
    }
}

static Doc doc_of(const Word* w) {
    Doc doc;
    const char* sc = stack_comment(w);
    if (!sc && w->kind == Kind::Primitive && w->prim) sc = w->prim->stack;   // a SYNONYM of one
    if (sc) {
        auto [stack, rest] = split_stack_comment(sc);
        doc.stack = stack;
        if (!rest.empty()) doc.glossary = rest;
        else if (const char* g = glossary_entry(w->name_view())) doc.glossary = g;
    } else if (auto d = source_of(w)) {
        doc.stack = d->stack;
        doc.wordset = d->wordset;
        doc.glossary = d->glossary;
    }
    if (doc.stack.empty())
        if (const char* s = stack_of_kind(w->kind)) doc.stack = s;
    return doc;
}

static std::string doc_text(std::string_view name, const Doc& doc) {
    std::string s(name);
    s += " " + (doc.stack.empty() ? std::string("(no stack comment)") : doc.stack);
    if (!doc.wordset.empty()) s += " \\ " + doc.wordset;
    s += '\n';
    std::istringstream lines(doc.glossary);
    for (std::string l; std::getline(lines, l);) s += "  " + l + "\n";
    return s;
}

std::string help_text(const Word* w) { return doc_text(w->name_view(), doc_of(w)); }

// Words that define a word named by the next name on the line.
static bool defines_a_name(std::string_view token) {
    static const char* const definers[] = {":", "constant", "variable", "value", "create", "defer",
                                           "2constant", "2variable", "2value", "fconstant", "fvariable",
                                           "fvalue", "buffer:", "synonym", "field:", "cfield:", "+field"};
    for (const char* d : definers)
        if (name_equals(token, d)) return true;
    return false;
}

// The definition of `name` in a library file: its documentation and the file.
static std::optional<std::pair<Doc, std::string>> library_doc(std::string_view name) {
    for (const std::string& dir : library_dirs()) {
        DIR* dp = opendir(dir.c_str());
        if (!dp) continue;
        std::vector<std::string> files;
        while (dirent* e = readdir(dp)) {
            std::string f = e->d_name;
            if (f.size() > 3 && f.compare(f.size() - 3, 3, ".fs") == 0) files.push_back(f);
        }
        closedir(dp);
        std::sort(files.begin(), files.end());
        for (const std::string& f : files) {
            std::ifstream in(dir + "/" + f);
            std::vector<std::string> lines;
            for (std::string l; std::getline(in, l);) lines.push_back(l);
            for (size_t i = 0; i < lines.size(); ++i) {
                std::istringstream words(lines[i]);
                std::string prev, token;
                while (words >> token) {
                    if (defines_a_name(prev) && name_equals(token, name)) {
                        std::string rest;
                        std::getline(words, rest);
                        HeaderDoc h = header_doc(rest);
                        Doc doc{h.stack, h.wordset, ""};
                        for (size_t j = i + 1; j < lines.size() && is_glossary_line(lines[j]); ++j)
                            doc.glossary += (doc.glossary.empty() ? "" : "\n") + std::string(glossary_text(lines[j]));
                        return std::make_pair(doc, f);
                    }
                    if (token == "\\" || token == "\\G") break;   // a comment to the end of the line
                    prev = token;
                }
            }
        }
    }
    return std::nullopt;
}

static void help() {   // ( "<spaces>name" -- )
    std::string_view name = parse_name();
    if (name.empty()) throw_code(-16);
    if (Word* w = find_word(name)) {
        fputs(help_text(w).c_str(), stdout);
        return;
    }
    std::string saved(name);
    auto found = library_doc(saved);
    if (!found) throw_code(-13);
    fputs(doc_text(saved, found->first).c_str(), stdout);
    printf("  (not loaded: REQUIRE %s)\n", found->second.c_str());
}

// \G text: a glossary line for the definition just before it.
static void glossary_comment() {   // ( "ccc<eol>" -- )
    const Source& s = source();
    size_t from = std::min(s.len, size_t(std::max<cell>(vm.to_in, 0)));
    skip_line_comment();
    size_t to = std::min(s.len, size_t(std::max<cell>(vm.to_in, 0)));
    note_glossary(std::string_view(s.buf + from, to > from ? to - from : 0));
}

static const HelperDef help_helpers[] = {
    {"WORDS", "( \"<spaces>text\" -- ) list the words of the first wordlist, those containing text if a name follows",
     words},
    {"LOCATE", "( \"<spaces>name\" -- ) show the file and line where name was defined, and its source", locate},
    {"HELP", "( \"<spaces>name\" -- ) show name's stack comment and glossary lines", help},
    {"\\G", "( \"ccc<eol>\" -- ) a glossary line, which HELP shows, for the definition just before it",
     glossary_comment, F_IMMEDIATE},
};

void register_help_words() { define_all(help_helpers); }

}  // namespace xf
