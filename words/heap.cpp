// SPDX-License-Identifier: MIT
// The heap behind ALLOCATE, FREE and RESIZE.
//
// Programs that ALLOCATE small nodes one by one (a hash table's chains, a
// tree) spend most of their time in the allocator, and FREE must tell a
// block ALLOCATE returned from any other address (a wrong address is an
// ior, never a corrupted heap). glibc's malloc plus a set of live blocks
// did both in some 60 instructions and a hash probe a call. Here:
//
//   Small blocks (up to SMALL_MAX bytes) come in CLASSES sizes, multiples
//   of a cell, from 64 KiB slabs of one size each, cut from one reserved
//   region. A class's free blocks form a list through their first cell;
//   an empty list is refilled from the class's current slab, then from a
//   new slab. No header: a 24-byte node takes 24 bytes (malloc: 32).
//   A bit per granule of the region (`live`) is 1 where a live block
//   starts: FREE checks the address is in the region, in a slab handed
//   out, and marked, and only then puts it back. (A bit, not a byte: a
//   program's nodes and the map must share the cache, and a byte map of
//   1.7 MB of nodes was 210 KB.) A freed block's list cell may
//   be overwritten by a program that writes to freed memory; a block taken
//   from a list is therefore checked too (in the region, in a slab of its
//   class, not live), and a list that fails is dropped.
//
//   Larger blocks come from malloc, recorded in an AddressSet.
//
// Slabs and their part of `live` are committed when they are handed out
// (the region is reserved inaccessible, so a wild write far past the blocks
// handed out is -9, not gigabytes of memory touched). Memory stays with its
// class once given to it: nothing is returned to the system.
//
// ALLOCATE and FREE of a small block run in native code (words/memalloc.cpp)
// from `state`; these functions are their slow paths and the reference.
#include "words/heap.h"
#include "words/address_set.h"
#include <cstdlib>
#include <cstring>
#include <sys/mman.h>
#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/lsan_interface.h>
#endif

namespace xf::heap {

constexpr size_t REGION = size_t(16) << 30;   // 16 GiB of small blocks at most
constexpr size_t SLAB = size_t(1) << SLAB_SHIFT;
constexpr uint32_t SIZES[CLASSES] = {8,   16,  24,  32,  40,  48,  56,  64,  80,  96,  112, 128,
                                     160, 192, 224, 256, 320, 384, 448, 512, 640, 768, 896, 1024};
static_assert(SIZES[CLASSES - 1] == SMALL_MAX);

State state;
struct Bump { uint8_t* next; uint8_t* end; };
static Bump bump[CLASSES];
static AddressSet large_blocks;

bool setup() {
    if (state.base) return true;
    void* r = mmap(nullptr, REGION, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    void* l = mmap(nullptr, REGION / GRANULE / 8, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    void* s = mmap(nullptr, REGION / SLAB, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (r == MAP_FAILED || l == MAP_FAILED || s == MAP_FAILED) return false;
    state.base = (uint8_t*)r;
    state.live = (uint64_t*)l;
    state.slab_class = (uint8_t*)s;
    for (size_t c = 0, size = 0; size <= SMALL_MAX; size += GRANULE) {
        while (SIZES[c] < size) ++c;
        state.class_of[size / GRANULE] = uint8_t(c);
    }
    for (size_t c = 0; c < CLASSES; ++c) state.size_of[c] = SIZES[c];
#if defined(__SANITIZE_ADDRESS__)
    __lsan_register_root_region(r, REGION);   // blocks there may hold the only pointer to a malloc'd one
#endif
    return true;
}

static bool new_slab(size_t c) {
    if (state.used + SLAB > REGION) return false;
    uint8_t* slab = state.base + state.used;
    // The slab's bits, SLAB / GRANULE / 8 bytes, in whole pages (a page of
    // them serves several slabs; making it accessible again does no harm).
    const uintptr_t page = 4096;
    uintptr_t bits = uintptr_t(state.live) + state.used / GRANULE / 8;
    uintptr_t bits_start = bits & ~(page - 1), bits_end = (bits + SLAB / GRANULE / 8 + page - 1) & ~(page - 1);
    if (mprotect(slab, SLAB, PROT_READ | PROT_WRITE) != 0 ||
        mprotect((void*)bits_start, bits_end - bits_start, PROT_READ | PROT_WRITE) != 0)
        return false;
    state.slab_class[state.used >> SLAB_SHIFT] = uint8_t(c + 1);
    state.used += SLAB;
    bump[c] = {slab, slab + SLAB - SLAB % SIZES[c]};
    return true;
}

static size_t offset(const void* p) { return size_t((const uint8_t*)p - state.base); }

// The live bit of the block at offset off (a multiple of GRANULE).
static bool live_at(size_t off) { return state.live[off / GRANULE / 64] >> (off / GRANULE % 64) & 1; }
static void set_live(size_t off, bool live) {
    uint64_t bit = uint64_t(1) << (off / GRANULE % 64);
    uint64_t& word = state.live[off / GRANULE / 64];
    word = live ? word | bit : word & ~bit;
}

// A block on a free list that is what it should be there.
static bool sound_free_block(const void* p, size_t c) {
    size_t off = offset(p);
    return off < state.used && off % GRANULE == 0 && state.slab_class[off >> SLAB_SHIFT] == c + 1 &&
           !live_at(off);
}

static void* allocate_small(size_t n) {
    size_t c = state.class_of[(n + GRANULE - 1) / GRANULE];
    void* p = state.free_head[c];
    if (p && sound_free_block(p, c)) {
        state.free_head[c] = *(void**)p;
    } else {
        state.free_head[c] = nullptr;   // empty, or a program wrote over it: start afresh
        if (bump[c].next == bump[c].end && !new_slab(c)) return nullptr;
        p = bump[c].next;
        bump[c].next += SIZES[c];
    }
    set_live(offset(p), true);
    return p;
}

void* allocate(size_t n) {
    if (n == 0) n = 1;   // a real block with an address of its own
    if (n <= SMALL_MAX && setup())
        if (void* p = allocate_small(n)) return p;
    void* p = malloc(n);
    if (p) large_blocks.insert(p);
    return p;
}

static bool small_live(const void* p) {
    size_t off = offset(p);
    return state.base && off < state.used && off % GRANULE == 0 && live_at(off);
}

bool is_block(const void* p) { return small_live(p) || large_blocks.contains(p); }

bool release(void* p) {
    if (small_live(p)) {
        size_t off = offset(p);
        size_t c = state.slab_class[off >> SLAB_SHIFT] - 1u;
        set_live(off, false);
        *(void**)p = state.free_head[c];
        state.free_head[c] = p;
        return true;
    }
    if (!large_blocks.erase(p)) return false;
    free(p);
    return true;
}

void* resize(void* p, size_t n) {
    if (n == 0) n = 1;
    if (small_live(p)) {
        size_t have = SIZES[state.slab_class[offset(p) >> SLAB_SHIFT] - 1u];
        if (n <= have) return p;
        void* q = allocate(n);
        if (!q) return nullptr;
        memcpy(q, p, have);
        release(p);
        return q;
    }
    large_blocks.erase(p);
    void* q = realloc(p, n);
    large_blocks.insert(q ? q : p);
    return q;
}

}  // namespace xf::heap
