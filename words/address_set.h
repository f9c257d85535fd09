// SPDX-License-Identifier: MIT
// A set of addresses with no allocation per element: open addressing with
// linear probing in one power-of-two table. ALLOCATE and FREE record every
// heap block in it (words/memalloc.cpp); a node-based std::unordered_set
// doubled the malloc traffic of a program that allocates small nodes.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace xf {

class AddressSet {
public:
    bool contains(const void* p) const {
        if (slots_.empty()) return false;
        for (size_t i = home(p);; i = (i + 1) & mask()) {
            if (slots_[i] == uintptr_t(p)) return true;
            if (slots_[i] == EMPTY) return false;
        }
    }
    void insert(const void* p) {
        if ((used_ + 1) * 2 > slots_.size()) rehash();
        // p may sit past a tombstone: look to the end of the run, then take
        // the first tombstone met, or the empty slot.
        size_t i = home(p), free_slot = SIZE_MAX;
        for (; slots_[i] != EMPTY; i = (i + 1) & mask()) {
            if (slots_[i] == uintptr_t(p)) return;
            if (slots_[i] == GONE && free_slot == SIZE_MAX) free_slot = i;
        }
        if (free_slot == SIZE_MAX) {
            free_slot = i;
            ++used_;   // a reused tombstone was counted already
        }
        slots_[free_slot] = uintptr_t(p);
        ++size_;
    }
    // False when p is not in the set.
    bool erase(const void* p) {
        if (slots_.empty()) return false;
        for (size_t i = home(p);; i = (i + 1) & mask()) {
            if (slots_[i] == uintptr_t(p)) {
                slots_[i] = GONE;
                --size_;
                return true;
            }
            if (slots_[i] == EMPTY) return false;
        }
    }
    size_t size() const { return size_; }

private:
    // 0 and 1 are never block addresses.
    static constexpr uintptr_t EMPTY = 0, GONE = 1;
    std::vector<uintptr_t> slots_;
    size_t size_ = 0;   // addresses in the set
    size_t used_ = 0;   // slots not EMPTY: addresses and tombstones

    size_t mask() const { return slots_.size() - 1; }
    size_t home(const void* p) const {   // Fibonacci hashing of the address without its alignment bits
        return size_t((uintptr_t(p) >> 4) * 0x9E3779B97F4A7C15u >> 20) & mask();
    }
    // Twice the live addresses (at least 64 slots), without tombstones.
    void rehash() {
        std::vector<uintptr_t> old;
        old.swap(slots_);
        size_t n = 64;
        while (n < (size_ + 1) * 4) n *= 2;
        slots_.assign(n, EMPTY);
        size_ = used_ = 0;
        for (uintptr_t a : old)
            if (a != EMPTY && a != GONE) insert((const void*)a);
    }
};

}  // namespace xf
