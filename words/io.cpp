// SPDX-License-Identifier: MIT
// Terminal I/O and leaving the system (CORE, TOOLS).
#include "core/interpreter.h"
#include "words/registry.h"
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>

namespace xf {

static void type() {
    cell n = vm.ds.pop();
    auto* a = (const char*)vm.ds.pop();
    if (n > 0) fwrite(a, 1, size_t(n), stdout);
}
static void key() {
    fflush(stdout);
    int c = getchar();
    vm.ds.push(c == EOF ? -1 : c);
}
static void accept() {   // ( c-addr +n1 -- +n2 )
    cell max = vm.ds.pop();
    auto* a = (char*)vm.ds.pop();
    fflush(stdout);
    std::string line;
    bool ok = terminal_reader ? terminal_reader(line) : false;
    size_t n = ok ? std::min(line.size(), size_t(std::max<cell>(max, 0))) : 0;
    line.copy(a, n);
    vm.ds.push(cell(n));
}
[[noreturn]] static void leave_system(int status) {
    fflush(stdout);
    fflush(stderr);
    exit(status);
}
// n as `.` shows it: signed, in BASE (decimal when BASE is out of range).
static std::string in_base(cell n) {
    ucell base = vm.base >= 2 && vm.base <= 36 ? ucell(vm.base) : 10;
    ucell u = n < 0 ? ucell(0) - ucell(n) : ucell(n);
    std::string s;
    do {
        unsigned d = unsigned(u % base);
        s += char(d < 10 ? '0' + d : 'A' + d - 10);
        u /= base;
    } while (u);
    if (n < 0) s += '-';
    return {s.rbegin(), s.rend()};
}
static void dot_s() {
    size_t d = vm.ds.depth();
    printf("<%zu> ", d);
    for (size_t i = d; i-- > 0;) printf("%s ", in_base(vm.ds.sp[i]).c_str());
}
static void words() {
    size_t col = 0;
    for (Word* w = dict.order[0]->latest; w; w = w->link) {
        if (w->name_len == 0 || (w->flags & F_HIDDEN)) continue;
        if (col + w->name_len + 1 > 79) { putchar('\n'); col = 0; }
        col += printf("%.*s ", int(w->name_len), w->name);
    }
    putchar('\n');
}

static const HelperDef io_helpers[] = {
    {"EMIT", "( x -- )", [] { putchar(int(vm.ds.pop())); }},
    {"TYPE", "( c-addr u -- )", type},
    {"CR", "( -- )", [] { putchar('\n'); }},
    {"KEY", "( -- char )", key},
    {"ACCEPT", "( c-addr +n1 -- +n2 )", accept},
    {"BYE", "( -- )", [] { leave_system(0); }},
    {"(BYE)", "( n -- )", [] { leave_system(int(vm.ds.pop())); }},
    {"ABORT", "( i*x -- ) ( R: j*x -- )", [] { throw_code(-1); }},
    {"QUIT", "( -- ) ( R: i*x -- )", [] { throw_code(-56); }},
    {".S", "( -- )", dot_s},
    {"WORDS", "( -- )", words},
};

void register_io_words() { define_all(io_helpers); }

}  // namespace xf
