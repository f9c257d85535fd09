// SPDX-License-Identifier: MIT
// xforth's heap (words/heap.cpp): size classes from slabs, FREE that tells
// a block from any other address, a free list a program wrote over, and the
// native fast paths of ALLOCATE and FREE (words/memalloc.cpp) against the
// C++ ones.
#include "support.h"
#include "words/heap.h"
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <set>

using namespace xf;
using namespace xf::test;

TEST_CASE("heap: small blocks are distinct, aligned, as big as asked, and reused after FREE", "[heap]") {
    std::set<void*> seen;
    std::vector<void*> blocks;
    for (size_t n : {size_t(0), size_t(1), size_t(8), size_t(24), size_t(100), size_t(1000), size_t(1024)}) {
        for (int k = 0; k < 50; ++k) {
            void* p = heap::allocate(n);
            REQUIRE(p != nullptr);
            CHECK(uintptr_t(p) % 8 == 0);
            CHECK(seen.insert(p).second);
            memset(p, 0xA5, n);   // writable over its size, without touching a neighbour's (checked below)
            blocks.push_back(p);
            CHECK(heap::is_block(p));
        }
    }
    for (void* p : blocks) CHECK(heap::release(p));
    // LIFO: the last block freed of a class is the next one given.
    void* a = heap::allocate(24);
    CHECK(heap::release(a));
    CHECK(heap::allocate(24) == a);
    CHECK(heap::release(a));
}

TEST_CASE("heap: FREE of anything but a live block is refused and changes nothing", "[heap]") {
    auto* p = (uint8_t*)heap::allocate(24);
    REQUIRE(p != nullptr);
    CHECK_FALSE(heap::release(p + 8));    // inside the block
    CHECK_FALSE(heap::release(p + 3));    // unaligned
    CHECK_FALSE(heap::release(p + 24));   // the next block, never handed out (or someone else's)
    static uint64_t not_heap;
    CHECK_FALSE(heap::release(&not_heap));
    CHECK(heap::is_block(p));
    CHECK(heap::release(p));
    CHECK_FALSE(heap::release(p));        // twice
    CHECK_FALSE(heap::is_block(p));
    void* big = heap::allocate(100000);   // from malloc
    REQUIRE(big != nullptr);
    CHECK(heap::is_block(big));
    CHECK(heap::release(big));
    CHECK_FALSE(heap::release(big));
}

TEST_CASE("heap: a free list a program wrote over is dropped, not followed", "[heap]") {
    void* a = heap::allocate(48);
    void* b = heap::allocate(48);
    CHECK(heap::release(b));
    CHECK(heap::release(a));   // the list: a, then b
    // A write after FREE: a's link now points at xforth's own data.
    static uint64_t victim = 77;
    *(void**)a = &victim;
    CHECK(heap::allocate(48) == a);   // a itself is sound
    void* c = heap::allocate(48);     // the link is not: a fresh block instead
    CHECK(c != (void*)&victim);
    CHECK(c != a);
    CHECK(heap::is_block(c));
    CHECK(victim == 77);
    // The same through the native fast path.
    run("48 allocate throw constant hz-a  48 allocate throw constant hz-b  hz-b free throw  hz-a free throw");
    run("here hz-a !");   // the link points into data space
    Cells got = run(": hz-two 48 allocate throw 48 allocate throw ; hz-two");
    REQUIRE(got.size() == 2);
    CHECK(got[0] == run("hz-a")[0]);
    CHECK(got[1] != run("here")[0]);
    CHECK(heap::is_block((void*)got[1]));
}

TEST_CASE("heap: RESIZE keeps the contents, in place while the class holds it", "[heap]") {
    auto* p = (uint8_t*)heap::allocate(20);   // the 24-byte class
    REQUIRE(p != nullptr);
    for (int i = 0; i < 20; ++i) p[i] = uint8_t(i);
    CHECK(heap::resize(p, 24) == p);
    auto* q = (uint8_t*)heap::resize(p, 500);
    REQUIRE(q != nullptr);
    CHECK(q != p);
    for (int i = 0; i < 20; ++i) CHECK(q[i] == i);
    CHECK_FALSE(heap::is_block(p));
    auto* r = (uint8_t*)heap::resize(q, 50000);   // to malloc
    REQUIRE(r != nullptr);
    for (int i = 0; i < 20; ++i) CHECK(r[i] == i);
    auto* s = (uint8_t*)heap::resize(r, 100000);
    REQUIRE(s != nullptr);
    CHECK(s[19] == 19);
    CHECK(heap::release(s));
}

TEST_CASE("ALLOCATE with a literal size is the class's free list, no size test", "[heap][model]") {
    run(": hz-node 24 allocate ;");
    std::string l = listing_of("hz-node");
    INFO(l);
    CHECK(l.find("cmp rbx, 0x400") == std::string::npos);   // the size test of the general form
    // 24 bytes: class 2, whose list head is free_head[2], and its slabs say 1 + 2.
    static_assert(offsetof(heap::State, free_head) == 0);
    CHECK(l.find("mov rcx, qword ptr [rdx + 0x10]") != std::string::npos);
    CHECK(l.find("cmp edi, 3") != std::string::npos);
    // A size the stack model folds (`3 cells`) is as good as a literal.
    run(": hz-node3 3 cells allocate ;");
    std::string l3 = listing_of("hz-node3");
    INFO(l3);
    CHECK(l3.find("cmp rbx, 0x400") == std::string::npos);
    CHECK(l3.find("mov rcx, qword ptr [rdx + 0x10]") != std::string::npos);
    Cells r3 = run("hz-node3");
    REQUIRE(r3.size() == 2);
    CHECK(r3[1] == 0);
    CHECK(heap::is_block((void*)r3[0]));
    CHECK(heap::release((void*)r3[0]));
    Cells r = run("hz-node");
    REQUIRE(r.size() == 2);
    CHECK(r[1] == 0);
    CHECK(heap::is_block((void*)r[0]));
    CHECK(run(std::to_string(r[0]) + " free") == Cells{0});
    // A size known to be large, or impossible, takes the general word.
    CHECK(run(": hz-huge -1 allocate nip ; hz-huge") == Cells{-59});
    CHECK(run(": hz-big 5000 allocate swap free ; hz-big") == Cells{0, 0});
}

TEST_CASE("heap: native ALLOCATE and FREE keep one live bit per block, its neighbours untouched", "[heap]") {
    // Eight-byte blocks lie a granule apart: their bits share a word of the map.
    Cells got = run(": hz-pair 8 allocate throw 8 allocate throw ; hz-pair");
    REQUIRE(got.size() == 2);
    auto a = (uint8_t*)got[0], b = (uint8_t*)got[1];
    CHECK(std::abs(a - b) == 8);
    run(": hz-free free ;");
    CHECK(run(std::to_string(got[0]) + " hz-free") == Cells{0});
    CHECK_FALSE(heap::is_block(a));
    CHECK(heap::is_block(b));
    CHECK(run(std::to_string(got[0]) + " hz-free") == Cells{-60});   // twice
    CHECK(heap::is_block(b));
    CHECK(run(std::to_string(got[1]) + " hz-free") == Cells{0});
    CHECK_FALSE(heap::is_block(b));
    // The list gives them back, last freed first, through native code.
    Cells again = run("hz-pair");
    REQUIRE(again.size() == 2);
    CHECK(again[0] == got[1]);
    CHECK(again[1] == got[0]);
    CHECK(heap::is_block((void*)again[0]));
    CHECK(heap::is_block((void*)again[1]));
    CHECK(heap::release((void*)again[0]));
    CHECK(heap::release((void*)again[1]));
}
