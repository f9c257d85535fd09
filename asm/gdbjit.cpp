// SPDX-License-Identifier: MIT
// GDB's JIT interface (the GDB manual, "JIT Compilation Interface").
//
// gdb puts a breakpoint in __jit_debug_register_code(). Before calling it, a
// program links a jit_code_entry into __jit_debug_descriptor's list, points
// relevant_entry at it and sets action_flag; gdb then reads the entry's
// symbol file from our memory and loads it as if it were a shared library.
// Without gdb the call does nothing.
//
// The symbol file is a relocatable ELF object built here, byte by byte:
//   .text       SHT_NOBITS, its address and size those of the code (the
//               code itself stays in code memory; gdb reads it from there)
//   .eh_frame   one CIE and one FDE per symbol: the call-frame rules of
//               asm/cfi.h, so that gdb unwinds through words that push onto
//               the return stack (>R, DO, locals, helper calls), and finds
//               the caller's rbp that locals, CATCH and the trampoline saved
//   .symtab     one global function symbol per word, section-relative
//   .strtab, .shstrtab
// No .debug_info: bt and info symbol need only symbols and frames.
//
// The built-in words and kernel.fs (about a thousand ranges) go in one
// object, registered when --gdb takes effect; each later definition gets an
// object of its own as it is placed. gdb stops the program at every
// registration, so one object per start-up word would cost seconds.
// MARKER and FORGET unregister the objects of the code they drop.
#include "asm/gdbjit.h"
#include "asm/cfi.h"
#include <algorithm>
#include <cstring>
#include <elf.h>
#include <memory>

extern "C" {
enum jit_actions_t : uint32_t { JIT_NOACTION = 0, JIT_REGISTER_FN, JIT_UNREGISTER_FN };
struct jit_code_entry {
    jit_code_entry* next_entry;
    jit_code_entry* prev_entry;
    const char* symfile_addr;
    uint64_t symfile_size;
};
struct jit_descriptor {
    uint32_t version;
    uint32_t action_flag;
    jit_code_entry* relevant_entry;
    jit_code_entry* first_entry;
};
// gdb finds these two by name.
__attribute__((noinline, used)) void __jit_debug_register_code() { asm volatile("" ::: "memory"); }
__attribute__((used)) jit_descriptor __jit_debug_descriptor = {1, JIT_NOACTION, nullptr, nullptr};
}

namespace xf {

using Bytes = std::vector<unsigned char>;

// -- Encoding ---------------------------------------------------------------------

template <class T> static void put(Bytes& b, const T& x) {
    auto* p = (const unsigned char*)&x;
    b.insert(b.end(), p, p + sizeof x);
}
template <class T> static void patch(Bytes& b, size_t at, const T& x) { memcpy(b.data() + at, &x, sizeof x); }
static void uleb(Bytes& b, uint64_t x) {
    do {
        unsigned char c = x & 0x7f;
        x >>= 7;
        b.push_back(x ? c | 0x80 : c);
    } while (x);
}
static void sleb(Bytes& b, int64_t x) {
    for (;;) {
        unsigned char c = x & 0x7f;
        x >>= 7;   // arithmetic
        bool done = (x == 0 && !(c & 0x40)) || (x == -1 && (c & 0x40));
        b.push_back(done ? c : c | 0x80);
        if (done) return;
    }
}
static void align(Bytes& b, size_t to, unsigned char fill = 0) {
    while (b.size() % to) b.push_back(fill);
}

// -- .eh_frame ----------------------------------------------------------------------

enum : unsigned char {
    DW_CFA_nop = 0x00, DW_CFA_advance_loc1 = 0x02, DW_CFA_advance_loc2 = 0x03, DW_CFA_advance_loc4 = 0x04,
    DW_CFA_same_value = 0x08, DW_CFA_register = 0x09, DW_CFA_def_cfa = 0x0c, DW_CFA_def_cfa_expression = 0x0f,
    DW_CFA_advance_loc = 0x40, DW_CFA_offset = 0x80,
    DW_OP_deref = 0x06, DW_OP_plus_uconst = 0x23, DW_OP_breg7 = 0x77,   // breg7: rsp + offset
    DW_EH_PE_absptr = 0x00,
};
constexpr unsigned RA = 16, DW_RSP = 7, DW_RBP = 6;   // DWARF columns: return address, rsp, rbp

static void advance(Bytes& b, uint32_t delta) {
    if (delta < 64) b.push_back(DW_CFA_advance_loc | delta);
    else if (delta < 256) b.push_back(DW_CFA_advance_loc1), b.push_back((unsigned char)delta);
    else if (delta < 65536) b.push_back(DW_CFA_advance_loc2), put(b, uint16_t(delta));
    else b.push_back(DW_CFA_advance_loc4), put(b, delta);
}

// The instructions that take the CIE's rule (row 0, CFA = rsp + 8) to each row in turn.
static void cfa_program(Bytes& b, const std::vector<CfaRow>& rows) {
    CfaRow prev{0};
    for (const CfaRow& r : rows) {
        if (r.same_rule(prev)) continue;
        if (r.offset != prev.offset) advance(b, r.offset - prev.offset);
        if (r.saved != prev.saved || r.n != prev.n || r.k != prev.k) {
            if (r.saved) {   // CFA = [rsp + k] + n
                Bytes e;
                e.push_back(DW_OP_breg7);
                sleb(e, r.k);
                e.push_back(DW_OP_deref);
                e.push_back(DW_OP_plus_uconst);
                uleb(e, uint64_t(r.n));
                b.push_back(DW_CFA_def_cfa_expression);
                uleb(b, e.size());
                b.insert(b.end(), e.begin(), e.end());
            } else {
                b.push_back(DW_CFA_def_cfa);
                uleb(b, DW_RSP);
                uleb(b, uint64_t(r.n));
            }
        }
        if (r.ra_reg != prev.ra_reg) {
            if (r.ra_reg >= 0) {
                b.push_back(DW_CFA_register);
                uleb(b, RA);
                uleb(b, uint64_t(r.ra_reg));
            } else {
                b.push_back(DW_CFA_offset | RA);   // at CFA - 8 again
                uleb(b, 1);
            }
        }
        if (r.rbp_at != prev.rbp_at) {
            if (r.rbp_at >= 0) {
                b.push_back(DW_CFA_offset | DW_RBP);
                uleb(b, uint64_t(r.rbp_at));
            } else {
                b.push_back(DW_CFA_same_value);
                uleb(b, DW_RBP);
            }
        }
        prev = r;
    }
}

static Bytes eh_frame(const std::vector<CodeSymbol>& syms) {
    Bytes b;
    // CIE: code alignment 1, data alignment -8, return address in column 16,
    // absolute 8-byte addresses; on entry CFA = rsp + 8 and the return address is at CFA - 8.
    put(b, uint32_t(0));   // length, patched
    put(b, uint32_t(0));   // CIE id
    b.push_back(1);        // version
    for (char c : {'z', 'R', '\0'}) b.push_back((unsigned char)c);
    uleb(b, 1);
    sleb(b, -8);
    b.push_back(RA);
    uleb(b, 1);
    b.push_back(DW_EH_PE_absptr);
    b.push_back(DW_CFA_def_cfa);
    uleb(b, DW_RSP);
    uleb(b, 8);
    b.push_back(DW_CFA_offset | RA);
    uleb(b, 1);
    align(b, 8, DW_CFA_nop);
    patch(b, 0, uint32_t(b.size() - 4));
    for (const CodeSymbol& s : syms) {
        size_t fde = b.size();
        put(b, uint32_t(0));                  // length, patched
        put(b, uint32_t(b.size()));           // back to the CIE at 0
        put(b, uint64_t(uintptr_t(s.start)));
        put(b, uint64_t(s.size));
        uleb(b, 0);                           // no augmentation data
        cfa_program(b, frame_rows(s.start, s.size));
        align(b, 8, DW_CFA_nop);
        patch(b, fde, uint32_t(b.size() - fde - 4));
    }
    put(b, uint32_t(0));   // terminator
    return b;
}

// -- The ELF object ----------------------------------------------------------------

enum Section { NULL_SECTION, TEXT, EH_FRAME, SYMTAB, STRTAB, SHSTRTAB, SECTIONS };

Bytes gdb_object(const std::vector<CodeSymbol>& syms) {
    uintptr_t lo = UINTPTR_MAX, hi = 0;
    for (const CodeSymbol& s : syms) {
        lo = std::min(lo, uintptr_t(s.start));
        hi = std::max(hi, uintptr_t(s.start) + s.size);
    }
    if (syms.empty()) lo = hi = 0;

    Bytes strtab{0}, symtab;
    put(symtab, Elf64_Sym{});
    for (const CodeSymbol& s : syms) {
        Elf64_Sym sym{};
        sym.st_name = uint32_t(strtab.size());
        sym.st_info = ELF64_ST_INFO(STB_GLOBAL, STT_FUNC);
        sym.st_shndx = TEXT;
        sym.st_value = uintptr_t(s.start) - lo;   // relative to .text in a relocatable object
        sym.st_size = s.size;
        put(symtab, sym);
        strtab.insert(strtab.end(), s.name.begin(), s.name.end());
        strtab.push_back(0);
    }
    Bytes shstrtab{0};
    uint32_t names[SECTIONS] = {};
    const char* section_names[SECTIONS] = {"", ".text", ".eh_frame", ".symtab", ".strtab", ".shstrtab"};
    for (int i = 1; i < SECTIONS; ++i) {
        names[i] = uint32_t(shstrtab.size());
        shstrtab.insert(shstrtab.end(), section_names[i], section_names[i] + strlen(section_names[i]) + 1);
    }

    Bytes elf(sizeof(Elf64_Ehdr));
    Elf64_Shdr sh[SECTIONS] = {};
    auto add = [&](Section i, const Bytes& data, uint32_t type, size_t alignment) {
        align(elf, alignment);
        sh[i].sh_name = names[i];
        sh[i].sh_type = type;
        sh[i].sh_offset = elf.size();
        sh[i].sh_size = data.size();
        sh[i].sh_addralign = alignment;
        elf.insert(elf.end(), data.begin(), data.end());
    };
    sh[TEXT].sh_name = names[TEXT];
    sh[TEXT].sh_type = SHT_NOBITS;
    sh[TEXT].sh_flags = SHF_ALLOC | SHF_EXECINSTR;
    sh[TEXT].sh_addr = lo;
    sh[TEXT].sh_size = hi - lo;
    sh[TEXT].sh_addralign = 16;
    add(EH_FRAME, eh_frame(syms), SHT_PROGBITS, 8);
    add(SYMTAB, symtab, SHT_SYMTAB, 8);
    sh[SYMTAB].sh_link = STRTAB;
    sh[SYMTAB].sh_info = 1;   // the first global symbol
    sh[SYMTAB].sh_entsize = sizeof(Elf64_Sym);
    add(STRTAB, strtab, SHT_STRTAB, 1);
    add(SHSTRTAB, shstrtab, SHT_STRTAB, 1);
    align(elf, 8);

    Elf64_Ehdr eh{};
    memcpy(eh.e_ident, ELFMAG, SELFMAG);
    eh.e_ident[EI_CLASS] = ELFCLASS64;
    eh.e_ident[EI_DATA] = ELFDATA2LSB;
    eh.e_ident[EI_VERSION] = EV_CURRENT;
    eh.e_ident[EI_OSABI] = ELFOSABI_SYSV;
    eh.e_type = ET_REL;
    eh.e_machine = EM_X86_64;
    eh.e_version = EV_CURRENT;
    eh.e_shoff = elf.size();
    eh.e_ehsize = sizeof(Elf64_Ehdr);
    eh.e_shentsize = sizeof(Elf64_Shdr);
    eh.e_shnum = SECTIONS;
    eh.e_shstrndx = SHSTRTAB;
    patch(elf, 0, eh);
    for (const Elf64_Shdr& s : sh) put(elf, s);
    return elf;
}

// -- Registration --------------------------------------------------------------------

struct Object {
    jit_code_entry entry{};
    const void* start;
    Bytes image;
};
static std::vector<std::unique_ptr<Object>> objects;   // in address order

static void tell_gdb(jit_actions_t action, jit_code_entry* e) {
    __jit_debug_descriptor.action_flag = action;
    __jit_debug_descriptor.relevant_entry = e;
    __jit_debug_register_code();
    __jit_debug_descriptor.action_flag = JIT_NOACTION;
}

void gdb_register(const std::vector<CodeSymbol>& syms) {
    if (syms.empty()) return;
    auto o = std::make_unique<Object>();
    o->start = syms.front().start;
    o->image = gdb_object(syms);
    o->entry.symfile_addr = (const char*)o->image.data();
    o->entry.symfile_size = o->image.size();
    o->entry.next_entry = __jit_debug_descriptor.first_entry;
    if (o->entry.next_entry) o->entry.next_entry->prev_entry = &o->entry;
    __jit_debug_descriptor.first_entry = &o->entry;
    tell_gdb(JIT_REGISTER_FN, &o->entry);
    objects.push_back(std::move(o));
}

void gdb_unregister_from(const void* start) {
    while (!objects.empty() && objects.back()->start >= start) {
        jit_code_entry* e = &objects.back()->entry;
        if (e->prev_entry) e->prev_entry->next_entry = e->next_entry;
        else __jit_debug_descriptor.first_entry = e->next_entry;
        if (e->next_entry) e->next_entry->prev_entry = e->prev_entry;
        tell_gdb(JIT_UNREGISTER_FN, e);
        objects.pop_back();
    }
}

}  // namespace xf
