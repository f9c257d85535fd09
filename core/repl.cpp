// SPDX-License-Identifier: MIT
// Terminal input for the prompt.
#include "core/repl.h"
#include "core/interpreter.h"
#include <cstdio>
#include <cstdlib>
#include <readline/history.h>
#include <readline/readline.h>
#include <unistd.h>

namespace xf {

static bool read_with_readline(std::string& line) {
    fflush(stdout);
    char* text = readline("");
    if (!text) return false;
    if (*text) add_history(text);
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

void init_terminal_input() {
    if (isatty(0)) {
        rl_readline_name = "xforth";
        terminal_reader = read_with_readline;
    } else {
        terminal_reader = read_plain;
    }
}

}  // namespace xf
