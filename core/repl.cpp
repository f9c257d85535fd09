// SPDX-License-Identifier: MIT
// Terminal input for the prompt: GNU readline at a terminal, with Tab
// completing the names of the search order (case-insensitively) and a
// history kept across runs in $XFORTH_HISTORY, else ~/.xforth_history.
#include "core/repl.h"
#include "core/dictionary.h"
#include "core/interpreter.h"
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <readline/history.h>
#include <readline/readline.h>
#include <set>
#include <string>
#include <unistd.h>
#include <vector>

namespace xf {

static std::string history_path;

static bool read_with_readline(std::string& line) {
    fflush(stdout);
    char* text = readline("");
    vm.interrupted = 0;        // Ctrl-C while typing: readline has dealt with it
    if (!text) return false;   // Ctrl-D at an empty line, or end of input
    if (*text) {
        add_history(text);
        if (!history_path.empty()) append_history(1, history_path.c_str());
    }
    line = text;
    free(text);
    return true;
}

static bool read_plain(std::string& line) {
    fflush(stdout);
    line.clear();
    int c;
    bool any = false;
    while ((c = getchar()) != EOF) {
        any = true;
        if (c == '\n') break;
        line += char(c);
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return any;
}

// -- Completion ------------------------------------------------------------------

static bool prefix_matches(std::string_view name, std::string_view prefix) {
    return name.size() >= prefix.size() && name_equals(name.substr(0, prefix.size()), prefix);
}

// The visible names of the search order starting with `prefix`, each once.
std::vector<std::string> complete_word(std::string_view prefix) {
    std::vector<std::string> out;
    std::set<std::string> seen;
    for (size_t i = 0; i < dict.order_len; ++i) {
        for (const Word* w = dict.order[i]->latest; w; w = w->link) {
            if (w->name_len == 0 || (w->flags & F_HIDDEN)) continue;
            std::string_view n = w->name_view();
            if (!prefix_matches(n, prefix)) continue;
            std::string upper;
            for (char c : n) upper += char(toupper((unsigned char)c));
            if (seen.insert(upper).second) out.emplace_back(n);
        }
    }
    return out;
}

static std::vector<std::string> matches;
static size_t next_match;

static char* generator(const char* text, int state) {
    if (state == 0) {
        matches = complete_word(text);
        next_match = 0;
    }
    return next_match < matches.size() ? strdup(matches[next_match++].c_str()) : nullptr;
}

static char** completion(const char* text, int, int) {
    rl_attempted_completion_over = 1;   // no file names
    return rl_completion_matches(text, generator);
}

void init_terminal_input() {
    if (!isatty(0)) {
        terminal_reader = read_plain;
        return;
    }
    rl_readline_name = "xforth";
    rl_basic_word_break_characters = const_cast<char*>(" \t\n");
    rl_variable_bind("completion-ignore-case", "on");
    rl_attempted_completion_function = completion;
    if (const char* h = getenv("XFORTH_HISTORY"); h && *h) history_path = h;
    else if (const char* home = getenv("HOME"); home && *home) history_path = std::string(home) + "/.xforth_history";
    if (!history_path.empty()) {
        int fd = open(history_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);   // append_history needs the file
        if (fd >= 0) close(fd);
        read_history(history_path.c_str());
        history_truncate_file(history_path.c_str(), 1000);
    }
    terminal_reader = read_with_readline;
}

}  // namespace xf
