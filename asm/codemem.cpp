// SPDX-License-Identifier: MIT
#include "asm/codemem.h"
#include "core/vm.h"
#include "core/bigarray.h"
#include <cstdio>
#include <cstdlib>
#include <sys/mman.h>
#include <unistd.h>

namespace xf {

CodeMemory codemem;

void init_code_memory(size_t size) {
    // Shared anonymous memory, mapped a second time by mremap with an old
    // size of 0 (which maps the same pages again). Linux shows it as
    // "/dev/zero (deleted)", which perf treats as anonymous: it then names
    // samples there from /tmp/perf-PID.map (--perf-map). A memfd works the
    // same way but perf looks for symbols in the memfd "file" and finds none.
    void* rw = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (rw == MAP_FAILED) { perror("xforth: code memory"); exit(2); }
    void* rx = mremap(rw, 0, size, MREMAP_MAYMOVE);
    if (rx == MAP_FAILED || mprotect(rx, size, PROT_READ | PROT_EXEC) != 0) { perror("xforth: code memory"); exit(2); }
    codemem.rx = (uint8_t*)rx;
    codemem.rw = (uint8_t*)rw;
    codemem.size = size;
}

Gen::Gen() : Xbyak::CodeGenerator(codemem.size - codemem.used, codemem.rw + codemem.used) {}

static PagesAhead code_pages;

Gen& Gen::reused() {
    code_pages.keep_ahead(codemem.rw + codemem.used, codemem.rw + codemem.size);
    static Gen* g = new Gen();   // never destroyed: code may be assembled until exit
    // No bytes, and no labels: after a definition Xbyak's label manager
    // holds the places of the labels it cleared (asm/compiler.cpp keeps its
    // Labels and clears them) and jumps to labels never placed (a pass given
    // up), which its reset() drops. That reset allocates and clears hash
    // tables, a fiftieth of the time to compile short definitions when it
    // ran for each: it runs when needed, and every thousand definitions or
    // so, which bounds what the manager keeps (about two labels each).
    static unsigned since_reset = 0;
    if (g->hasUndefinedLabel() || ++since_reset >= 1024) {
        g->reset();
        since_reset = 0;
    } else {
        g->resetSize();
    }
    g->top_ = codemem.rw + codemem.used;
    g->maxSize_ = codemem.size - codemem.used;
    return *g;
}

void* Gen::finish(size_t* size_out) {
    void* start = codemem.rx + codemem.used;
    size_t n = getSize();
    if (size_out) *size_out = n;
    codemem.used = (codemem.used + n + 15) & ~size_t(15);
    if (codemem.used > codemem.size) throw_code(-8);
    return start;
}

}  // namespace xf
