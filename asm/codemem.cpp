// SPDX-License-Identifier: MIT
#include "asm/codemem.h"
#include "core/vm.h"
#include <cstdio>
#include <cstdlib>
#include <sys/mman.h>
#include <unistd.h>

namespace xf {

CodeMemory codemem;

void init_code_memory(size_t size) {
    int fd = memfd_create("xforth-code", MFD_CLOEXEC);
    if (fd < 0 || ftruncate(fd, off_t(size)) != 0) { perror("xforth: code memory"); exit(2); }
    void* rx = mmap(nullptr, size, PROT_READ | PROT_EXEC, MAP_SHARED, fd, 0);
    void* rw = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (rx == MAP_FAILED || rw == MAP_FAILED) { perror("xforth: code memory"); exit(2); }
    close(fd);
    codemem.rx = (uint8_t*)rx;
    codemem.rw = (uint8_t*)rw;
    codemem.size = size;
}

Gen::Gen() : Xbyak::CodeGenerator(codemem.size - codemem.used, codemem.rw + codemem.used) {}

void* Gen::finish(size_t* size_out) {
    void* start = codemem.rx + codemem.used;
    size_t n = getSize();
    if (size_out) *size_out = n;
    codemem.used = (codemem.used + n + 15) & ~size_t(15);
    if (codemem.used > codemem.size) throw_code(-8);
    return start;
}

}  // namespace xf
