// SPDX-License-Identifier: MIT
// Terminal I/O and leaving the system (CORE, TOOLS EXT's BYE).
#include "core/interpreter.h"
#include "words/registry.h"
#include <cstdio>
#include <algorithm>
#include <cstdlib>
#include <string>
#include <unistd.h>

namespace xf {

static void type() {
    cell n = vm.ds.pop();
    auto* a = (const char*)vm.ds.pop();
    // In pieces, through a buffer of xforth's own (see copy_from_user).
    char buf[4096];
    for (cell done = 0; done < n;) {
        check_interrupt();
        cell k = std::min<cell>(n - done, sizeof buf);
        copy_from_user(buf, a + done, k);
        fwrite(buf, 1, size_t(k), stdout);
        done += k;
    }
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
    copy_to_user(a, line.data(), cell(n));
    vm.ds.push(cell(n));
}
// quick_exit: the static objects' destructors (dictionary maps, source
// text) only cost time at the end. Every output stream is flushed first, and
// the block buffers are saved by their at_quick_exit handler.
[[noreturn]] static void leave_system(int status) {
    fflush(nullptr);
    quick_exit(status);
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
};

void register_io_words() { define_all(io_helpers); }

}  // namespace xf
