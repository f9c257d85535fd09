// SPDX-License-Identifier: MIT
// Dynamic memory (MEMORY): ALLOCATE FREE RESIZE on the C heap.
//
// Every block handed out is recorded, so that FREE or RESIZE of an address
// that ALLOCATE did not return (or that was freed already) answers with an
// ior instead of corrupting the heap. The iors are the standard THROW codes
// of table 9.1: -59 ALLOCATE, -60 FREE, -61 RESIZE. As in Gforth, FREE of 0
// does nothing and RESIZE of 0 allocates. A zero-byte block is a real block
// (one byte underneath) with its own address.
#include "words/address_set.h"
#include "words/registry.h"
#include <cstdlib>

namespace xf {

constexpr cell ALLOCATE_IOR = -59, FREE_IOR = -60, RESIZE_IOR = -61;

static AddressSet live_blocks;

static size_t block_size(cell u) { return u == 0 ? 1 : size_t(ucell(u)); }

static void allocate() {   // ( u -- a-addr ior )
    void* p = malloc(block_size(vm.ds.pop()));
    if (p) live_blocks.insert(p);
    vm.ds.push((cell)p);
    vm.ds.push(p ? 0 : ALLOCATE_IOR);
}

static void free_() {   // ( a-addr -- ior )
    void* p = (void*)vm.ds.pop();
    if (!p) { vm.ds.push(0); return; }
    if (!live_blocks.erase(p)) { vm.ds.push(FREE_IOR); return; }
    free(p);
    vm.ds.push(0);
}

// ( a-addr1 u -- a-addr2 ior ): on failure a-addr2 is a-addr1, still valid.
static void resize() {
    size_t size = block_size(vm.ds.pop());
    void* old = (void*)vm.ds.pop();
    if (old && !live_blocks.contains(old)) {
        vm.ds.push((cell)old);
        vm.ds.push(RESIZE_IOR);
        return;
    }
    void* p = realloc(old, size);
    if (!p) {
        vm.ds.push((cell)old);
        vm.ds.push(RESIZE_IOR);
        return;
    }
    live_blocks.erase(old);
    live_blocks.insert(p);
    vm.ds.push((cell)p);
    vm.ds.push(0);
}

static const HelperDef memalloc_helpers[] = {
    {"ALLOCATE", "( u -- a-addr ior )", allocate},
    {"FREE", "( a-addr -- ior )", free_},
    {"RESIZE", "( a-addr1 u -- a-addr2 ior )", resize},
};

void register_memalloc_words() { define_all(memalloc_helpers); }

}  // namespace xf
