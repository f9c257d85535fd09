// SPDX-License-Identifier: MIT
// Dynamic memory (MEMORY): ALLOCATE FREE RESIZE on xforth's heap (words/heap.cpp).
//
// FREE or RESIZE of an address that ALLOCATE did not return (or that was
// freed already) answers with an ior instead of corrupting the heap. The
// iors are the standard THROW codes of table 9.1: -59 ALLOCATE, -60 FREE,
// -61 RESIZE. As in Gforth, FREE of 0 does nothing and RESIZE of 0
// allocates. A zero-byte block is a real block with its own address.
#include "asm/emit.h"
#include "words/heap.h"
#include "words/registry.h"
#include <cstddef>

namespace xf {
using namespace regs;

constexpr cell ALLOCATE_IOR = -59, FREE_IOR = -60, RESIZE_IOR = -61;

static void allocate() {   // ( u -- a-addr ior )
    void* p = heap::allocate(size_t(ucell(vm.ds.pop())));
    vm.ds.push((cell)p);
    vm.ds.push(p ? 0 : ALLOCATE_IOR);
}

static void free_() {   // ( a-addr -- ior )
    void* p = (void*)vm.ds.pop();
    vm.ds.push(!p || heap::release(p) ? 0 : FREE_IOR);
}

// ( a-addr1 u -- a-addr2 ior ): on failure a-addr2 is a-addr1, still valid.
static void resize() {
    size_t size = size_t(ucell(vm.ds.pop()));
    void* old = (void*)vm.ds.pop();
    void* p = !old ? heap::allocate(size) : heap::is_block(old) ? heap::resize(old, size) : nullptr;
    vm.ds.push(p ? (cell)p : (cell)old);
    vm.ds.push(p ? 0 : RESIZE_IOR);
}
// -- The fast paths ------------------------------------------------------------
// ALLOCATE of a small block and FREE of one, in native code: the same
// steps as heap::allocate and heap::release, on heap::state; anything
// else (a large block, an empty list, a list a program wrote over, an
// address that is no small block, the heap not set up yet) calls the
// C++ word above, which does all of it.
static Xbyak::Address heap_field(Gen& g, size_t offset, const Xbyak::Reg64& state, const Xbyak::Reg64* index = nullptr,
                                 int scale = 1) {
    return index ? g.qword[state + *index * scale + int(offset)] : g.qword[state + int(offset)];
}

// A block's live bit is bit `granule % 64` of the map's qword `granule / 64`
// (bt, bts and btr take the bit number modulo 64 from a register): to gets
// that qword's address, from granule (the block's offset / 8) and rdx (state).
static void emit_live_word(Gen& g, const Xbyak::Reg64& to, const Xbyak::Reg64& granule) {
    g.mov(to, granule);
    g.shr(to, 6);
    g.shl(to, 3);
    g.add(to, heap_field(g, offsetof(heap::State, live), rdx));
}

// With a known size (`3 cells allocate`), the class is known too.
static void emit_allocate_sized(Gen& g, int size_class, cell literal) {   // ( u -- a-addr ior ), or ( -- a-addr ior )
    using heap::State;
    Xbyak::Label slow, done;
    g.mov(rdx, (size_t)&heap::state);
    if (size_class < 0) {
        g.cmp(TOS, int(heap::SMALL_MAX));
        g.ja(slow, Gen::T_NEAR);
        g.lea(rax, g.ptr[TOS + int(heap::GRANULE - 1)]);
        g.shr(rax, 3);
        g.movzx(eax, g.byte[rdx + rax + int(offsetof(State, class_of))]);
    }
    // The class's list head: indexed by eax, or at a known offset.
    const int heads = int(offsetof(State, free_head));
    const Xbyak::Address head = size_class < 0 ? g.qword[rdx + rax * 8 + heads] : g.qword[rdx + heads + 8 * size_class];
    g.mov(rcx, head);   // p
    // p must be a free block of this class: in a slab handed out, aligned,
    // in a slab of the class, not live.
    g.mov(rsi, rcx);
    g.sub(rsi, heap_field(g, offsetof(State, base), rdx));
    g.cmp(rsi, heap_field(g, offsetof(State, used), rdx));
    g.jae(slow, Gen::T_NEAR);   // also when the list is empty (p = 0)
    g.test(sil, int(heap::GRANULE - 1));
    g.jnz(slow, Gen::T_NEAR);
    g.mov(rdi, rsi);
    g.shr(rdi, heap::SLAB_SHIFT);
    g.add(rdi, heap_field(g, offsetof(State, slab_class), rdx));
    g.movzx(edi, g.byte[rdi]);
    if (size_class < 0) {
        g.lea(r8d, g.ptr[eax + 1]);
        g.cmp(edi, r8d);
    } else {
        g.cmp(edi, size_class + 1);
    }
    g.jne(slow, Gen::T_NEAR);
    g.shr(rsi, 3);
    emit_live_word(g, rdi, rsi);
    g.mov(r9, g.qword[rdi]);
    g.bt(r9, rsi);
    g.jc(slow, Gen::T_NEAR);
    g.bts(r9, rsi);
    g.mov(r8, g.qword[rcx]);
    g.mov(head, r8);
    g.mov(g.qword[rdi], r9);
    if (size_class < 0) {   // u's place takes a-addr
        g.sub(DSP, 8);
        g.mov(g.qword[DSP], rcx);
    } else {
        g.sub(DSP, 16);
        g.mov(g.qword[DSP + 8], TOS);
        g.mov(g.qword[DSP], rcx);
    }
    g.xor_(TOS.cvt32(), TOS.cvt32());
    g.jmp(done, Gen::T_NEAR);
    g.L(slow);
    if (size_class >= 0) push_imm(g, literal);
    call_helper(g, allocate);
    g.L(done);
}
static void emit_allocate(Gen& g) { emit_allocate_sized(g, -1, 0); }
static void emit_allocate_literal(Gen& g, cell u) {
    if (u < 0 || ucell(u) > heap::SMALL_MAX) {
        push_imm(g, u);
        emit_allocate(g);
        return;
    }
    if (!heap::setup()) {   // no small-block region: every ALLOCATE is a large one
        push_imm(g, u);
        call_helper(g, allocate);
        return;
    }
    emit_allocate_sized(g, heap::state.class_of[(size_t(u) + heap::GRANULE - 1) / heap::GRANULE], u);
}

static void emit_free(Gen& g) {   // ( a-addr -- ior )
    using heap::State;
    Xbyak::Label slow, done;
    g.mov(rdx, (size_t)&heap::state);
    g.mov(rsi, TOS);
    g.sub(rsi, heap_field(g, offsetof(State, base), rdx));
    g.cmp(rsi, heap_field(g, offsetof(State, used), rdx));
    g.jae(slow, Gen::T_NEAR);   // 0, a large block, or no block at all
    g.test(sil, int(heap::GRANULE - 1));
    g.jnz(slow, Gen::T_NEAR);
    g.mov(r8, rsi);
    g.shr(r8, 3);
    emit_live_word(g, rdi, r8);
    g.mov(r9, g.qword[rdi]);
    g.btr(r9, r8);
    g.jnc(slow, Gen::T_NEAR);
    g.mov(g.qword[rdi], r9);
    g.shr(rsi, heap::SLAB_SHIFT);
    g.add(rsi, heap_field(g, offsetof(State, slab_class), rdx));
    g.movzx(esi, g.byte[rsi]);   // 1 + the class
    const int head0 = int(offsetof(State, free_head)) - 8;
    g.mov(rax, g.qword[rdx + rsi * 8 + head0]);
    g.mov(g.qword[TOS], rax);
    g.mov(g.qword[rdx + rsi * 8 + head0], TOS);
    g.xor_(TOS.cvt32(), TOS.cvt32());
    g.jmp(done, Gen::T_NEAR);
    g.L(slow);
    call_helper(g, free_);
    g.L(done);
}

static const Prim memalloc_prims[] = {
    {"ALLOCATE", "( u -- a-addr ior )", emit_allocate, emit_allocate_literal},
    {"FREE", "( a-addr -- ior )", emit_free},
};

static const HelperDef memalloc_helpers[] = {
    {"RESIZE", "( a-addr1 u -- a-addr2 ior )", resize},
};

void register_memalloc_words() {
    define_all(memalloc_prims);
    define_all(memalloc_helpers);
}

}  // namespace xf
