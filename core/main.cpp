// SPDX-License-Identifier: MIT
// xforth's entry point: the one place that wires the kernel (core/), code
// generation (asm/) and the words (words/) together.
#include "asm/codemap.h"
#include "asm/compiler.h"
#include "core/args.h"
#include "core/errors.h"
#include "core/interpreter.h"
#include "core/repl.h"
#include "words/boot.h"
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <unistd.h>
#include <string>
#include <vector>

namespace {

constexpr const char* VERSION = "0.1.0";

void usage(FILE* out) {
    fprintf(out,
            "usage: xforth [options] [file ...] [-e CODE ...] [arg ...]\n"
            "Files and -e code run in the order given; then the prompt starts,\n"
            "unless one of them ran BYE. While a file runs, the arguments after it\n"
            "are ARG 1, ARG 2 ... (ARGC counts ARG 0, the program); NEXT-ARG takes\n"
            "the first of them so that it is not run as a file: `xforth script.fs a b`.\n"
            "  -e CODE      interpret CODE\n"
            "  -O0          compile without the fusion rules\n"
            "  --perf-map   write /tmp/perf-PID.map for Linux perf (also XFORTH_PERF_MAP=1)\n"
            "  --gdb        describe compiled code to gdb (JIT interface), so that bt names words\n"
            "  -h, --help   show this help\n"
            "  --version    show the version\n");
}

bool kernel_loaded = false;
bool gdb_wanted = false;   // --gdb before the kernel is compiled: it registers all of it at once

// One option; false (after saying why) when it is unknown. Exits for -h and --version.
bool option(const char* a) {
    if (!strcmp(a, "-h") || !strcmp(a, "--help")) { usage(stdout); exit(0); }
    if (!strcmp(a, "--version")) { printf("xforth %s\n", VERSION); exit(0); }
    if (!strcmp(a, "-O0")) { xf::optimize = false; return true; }
    if (!strcmp(a, "--perf-map")) {
        if (!xf::open_perf_map()) fprintf(stderr, "xforth: cannot write /tmp/perf-%d.map\n", int(getpid()));
        return true;
    }
    if (!strcmp(a, "--gdb")) {
        if (kernel_loaded) xf::open_gdb_jit();
        else gdb_wanted = true;
        return true;
    }
    fprintf(stderr, "xforth: unknown option %s\n", a);
    usage(stderr);
    return false;
}

// Runs one start-up step. An uncaught error prints and ends the process,
// except Ctrl-C at a terminal: the person pressed it to get the prompt back.
// Returns false when the remaining steps are to be skipped.
// `file`: the file argument being included, named in an error that has no
// place in it (it does not exist, say).
template <class F> bool run_or_exit(F f, const std::string& file = "") {
    try {
        f();
        return true;
    } catch (const xf::ForthThrow& t) {
        fflush(stdout);
        if (!file.empty() && !xf::error_located) fprintf(stderr, "%s: ", file.c_str());
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
    xf::args.assign(argv, argv + argc);
    // Options before the first file or -e act before the kernel is compiled.
    while (xf::args.size() > 1 && xf::args[1][0] == '-' && xf::args[1][1] && strcmp(xf::args[1], "-e")) {
        const char* a = xf::args[1];
        if (!option(a)) return 2;
        xf::args.erase(xf::args.begin() + 1);
    }

    if (const char* p = getenv("XFORTH_PERF_MAP"); p && !strcmp(p, "1")) option("--perf-map");
    xf::boot();
    xf::init_terminal_input();
    run_or_exit([] { xf::load_kernel_fs(); });
    kernel_loaded = true;
    if (gdb_wanted) xf::open_gdb_jit();
    // The other arguments are taken one at a time, so that a file being
    // included sees those after it (ARG) and may consume them (NEXT-ARG).
    while (xf::args.size() > 1) {
        std::string a = xf::args[1];
        xf::args.erase(xf::args.begin() + 1);
        bool go_on = true;
        if (a == "-e") {
            if (xf::args.size() < 2) { usage(stderr); return 2; }
            const char* code = xf::args[1];
            xf::args.erase(xf::args.begin() + 1);
            go_on = run_or_exit([&] { xf::evaluate(code, strlen(code)); });
        } else if (a[0] == '-' && a[1]) {
            if (!option(a.c_str())) return 2;
        } else {
            go_on = run_or_exit([&] { xf::included(a); }, a);
        }
        if (!go_on) break;
    }
    xf::run_terminal();
    fflush(stdout);
    return 0;
}
