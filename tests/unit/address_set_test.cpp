// SPDX-License-Identifier: MIT
// AddressSet (words/address_set.h), the record of ALLOCATEd blocks: the
// same answers as std::set over a long run of random inserts and erases,
// through growth and tombstone reuse.
#include "words/address_set.h"
#include <catch2/catch.hpp>
#include <random>
#include <set>

using xf::AddressSet;

TEST_CASE("address set: insert, contains, erase") {
    AddressSet s;
    int a, b;
    CHECK_FALSE(s.contains(&a));
    CHECK_FALSE(s.erase(&a));
    s.insert(&a);
    s.insert(&a);   // twice: still one
    CHECK(s.size() == 1);
    CHECK(s.contains(&a));
    CHECK_FALSE(s.contains(&b));
    CHECK(s.erase(&a));
    CHECK_FALSE(s.erase(&a));   // a double FREE is refused
    CHECK_FALSE(s.contains(&a));
    CHECK(s.size() == 0);
}

TEST_CASE("address set: agrees with std::set over random operations") {
    AddressSet s;
    std::set<uintptr_t> ref;
    std::mt19937_64 rng(7);
    for (int i = 0; i < 200000; ++i) {
        // Addresses as malloc gives them: 16-byte aligned, from a small range so that they repeat.
        uintptr_t a = 0x10000 + (rng() % 5000) * 16;
        switch (rng() % 3) {
        case 0:
            s.insert((void*)a);
            ref.insert(a);
            break;
        case 1: REQUIRE(s.erase((void*)a) == (ref.erase(a) == 1)); break;
        default: REQUIRE(s.contains((void*)a) == (ref.count(a) == 1));
        }
        REQUIRE(s.size() == ref.size());
    }
    for (uintptr_t a : ref) REQUIRE(s.contains((void*)a));
}
