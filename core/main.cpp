// SPDX-License-Identifier: MIT
// xforth's entry point: the one place that wires the kernel (core/), code
// generation (asm/) and the words (words/) together.
#include "asm/compiler.h"
#include "core/errors.h"
#include "core/interpreter.h"
#include "core/repl.h"
#include "words/boot.h"
#include <cstdio>
#include <cstring>
#include <unistd.h>
#include <string>
#include <vector>

namespace {

constexpr const char* VERSION = "0.1.0";

void usage(FILE* out) {
    fprintf(out,
            "usage: xforth [options] [file ...] [-e CODE ...]\n"
            "Files and -e code run in the order given; then the prompt starts,\n"
            "unless one of them ran BYE.\n"
            "  -e CODE      interpret CODE\n"
            "  -O0          compile without the fusion rules\n"
            "  -h, --help   show this help\n"
            "  --version    show the version\n");
}

struct Action {
    bool is_code;
    const char* text;
};

// Runs one start-up step. An uncaught error prints and ends the process,
// except Ctrl-C at a terminal: the person pressed it to get the prompt back.
// Returns false when the remaining steps are to be skipped.
template <class F> bool run_or_exit(F f) {
    try {
        f();
        return true;
    } catch (const xf::ForthThrow& t) {
        fflush(stdout);
        fputs(xf::format_error(t.code).c_str(), stderr);
        if (t.code == -28 && isatty(0)) {
            xf::reset_after_error();
            return false;
        }
        exit(1);
    }
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<Action> actions;
    for (int i = 1; i < argc; ++i) {
        const char* a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) { usage(stdout); return 0; }
        if (!strcmp(a, "--version")) { printf("xforth %s\n", VERSION); return 0; }
        if (!strcmp(a, "-O0")) { xf::optimize = false; continue; }
        if (!strcmp(a, "-e")) {
            if (++i == argc) { usage(stderr); return 2; }
            actions.push_back({true, argv[i]});
            continue;
        }
        if (a[0] == '-' && a[1]) { fprintf(stderr, "xforth: unknown option %s\n", a); usage(stderr); return 2; }
        actions.push_back({false, a});
    }

    xf::boot();
    xf::init_terminal_input();
    run_or_exit([] { xf::load_kernel_fs(); });
    for (const Action& a : actions) {
        bool go_on = run_or_exit([&] {
            if (a.is_code) xf::evaluate(a.text, strlen(a.text));
            else xf::included(a.text);
        });
        if (!go_on) break;
    }
    xf::run_terminal();
    fflush(stdout);
    return 0;
}
