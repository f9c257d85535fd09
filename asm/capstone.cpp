// SPDX-License-Identifier: MIT
#include "asm/capstone.h"
#include <dlfcn.h>

namespace xf {

template <class F> static bool bind(void* lib, F& f, const char* name) {
    f = reinterpret_cast<F>(dlsym(lib, name));
    return f != nullptr;
}

const Capstone* capstone() {
    static Capstone cs;
    static const bool ok = [] {
        void* lib = dlopen("libcapstone.so.4", RTLD_NOW | RTLD_LOCAL);
        if (!lib) lib = dlopen("libcapstone.so", RTLD_NOW | RTLD_LOCAL);
        return lib && bind(lib, cs.open, "cs_open") && bind(lib, cs.option, "cs_option") &&
               bind(lib, cs.malloc, "cs_malloc") && bind(lib, cs.disasm_iter, "cs_disasm_iter") &&
               bind(lib, cs.insn_group, "cs_insn_group") && bind(lib, cs.regs_access, "cs_regs_access") &&
               bind(lib, cs.free, "cs_free") && bind(lib, cs.close, "cs_close");
    }();
    return ok ? &cs : nullptr;
}

Disassembler::Disassembler() : cs_(capstone()) {
    if (!cs_) return;
    if (cs_->open(CS_ARCH_X86, CS_MODE_64, &h_) != CS_ERR_OK) {
        cs_ = nullptr;
        return;
    }
    cs_->option(h_, CS_OPT_DETAIL, CS_OPT_ON);
    insn_ = cs_->malloc(h_);
}

Disassembler::~Disassembler() {
    if (!cs_) return;
    cs_->free(insn_, 1);
    cs_->close(&h_);
}

}  // namespace xf
