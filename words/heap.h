// SPDX-License-Identifier: MIT
// The heap behind ALLOCATE, FREE and RESIZE (words/heap.cpp).
#pragma once
#include <cstddef>
#include <cstdint>

namespace xf::heap {

constexpr size_t GRANULE = 8;          // block sizes and addresses are multiples of a cell
constexpr size_t SMALL_MAX = 1024;     // larger blocks come from malloc
constexpr int SLAB_SHIFT = 16;         // a slab is 64 KiB of blocks of one size
constexpr size_t CLASSES = 24;

// The state the native fast paths of ALLOCATE and FREE (words/memalloc.cpp)
// read and write; everything else goes through the functions below.
struct State {
    void* free_head[CLASSES];                    // each class's free blocks, linked through their first cell
    uint8_t class_of[SMALL_MAX / GRANULE + 1];   // (size + 7) / 8 -> class
    uint32_t size_of[CLASSES];                   // class -> block size
    uint8_t* base;                               // the small-block region
    size_t used;                                 // the bytes of it handed out as slabs
    uint64_t* live;                              // a bit per granule of the region: 1 where a live block starts
    uint8_t* slab_class;                         // per slab: 1 + its class, 0 while not handed out
};
extern State state;

bool setup();                       // reserves the region (once); false if that failed
void* allocate(size_t n);           // nullptr when there is no memory
bool release(void* p);              // false: p is not a live block (nothing done)
bool is_block(const void* p);       // p is a live block ALLOCATE returned
// p must be a live block: a block of at least n bytes holding p's first
// bytes (p itself when it is big enough), or nullptr with p untouched.
void* resize(void* p, size_t n);

}  // namespace xf::heap
