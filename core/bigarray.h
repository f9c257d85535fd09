// SPDX-License-Identifier: MIT
// An array that grows in place, for the tables that gain an entry with
// every definition (the source map, inline bodies, the code map): it
// reserves address space once and makes the pages present a chunk at a
// time, with one system call (populate_pages) instead of a page fault per
// page, so growing neither copies the array nor faults. Filling it past its
// reservation is -8 (dictionary overflow). For trivially copyable types.
#pragma once
#include "core/vm.h"
#include <algorithm>
#include <cstring>
#include <type_traits>

namespace xf {

// Reserves n bytes of address space (no memory yet); makes [from, to) of
// such a reservation readable, writable and present.
uint8_t* reserve_pages(size_t n);
void commit_pages(uint8_t* from, uint8_t* to);
// Makes the pages of [from, to) present ahead of their first write, where
// the kernel can (MADV_POPULATE_WRITE); otherwise nothing.
void populate_pages(uint8_t* from, uint8_t* to);

// The pages made present at a time: a growing chunk, half what is used so
// far, but at most 256 KB, so that little is made present and never used
// (making a page present costs about as much as the work of the short
// definition that fills 150 bytes of it). A table ends, on average, half a
// chunk short of its pages: with a megabyte, a program of 100,000 short
// definitions made 600 pages (2.2 MB) present for nothing, and a system
// call a chunk costs far less than that.
constexpr size_t CHUNK_MIN = 64 << 10, CHUNK_MAX = 256 << 10;

// Keeps the pages just ahead of a pointer that moves up through a region
// (the header arena's HERE, code memory's) present, a growing chunk at a time.
class PagesAhead {
public:
    void keep_ahead(uint8_t* p, uint8_t* region_end) {
        if (p + 4096 <= ready_) return;
        if (!start_ || p < start_) start_ = p;
        uint8_t* from = std::max(ready_, p);
        size_t chunk = std::clamp<size_t>(size_t(from - start_) / 2, CHUNK_MIN, CHUNK_MAX);
        uint8_t* to = size_t(region_end - from) < chunk ? region_end : from + chunk;
        populate_pages(from, to);
        ready_ = to;
    }

private:
    uint8_t* start_ = nullptr;
    uint8_t* ready_ = nullptr;
};

template <class T>
class BigArray {
    static_assert(std::is_trivially_copyable_v<T>);

public:
    explicit BigArray(size_t max_items) : max_(max_items) {}
    BigArray(const BigArray&) = delete;
    BigArray& operator=(const BigArray&) = delete;

    size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    T* begin() { return base_; }
    T* end() { return base_ + size_; }
    const T* begin() const { return base_; }
    const T* end() const { return base_ + size_; }
    T& operator[](size_t i) { return base_[i]; }
    const T& operator[](size_t i) const { return base_[i]; }
    T& back() { return base_[size_ - 1]; }
    const T& back() const { return base_[size_ - 1]; }
    void pop_back() { --size_; }
    void clear() { size_ = 0; }

    T& push_back(const T& x) {
        if (size_ == ready_) grow(size_ + 1);
        base_[size_] = x;
        return base_[size_++];
    }
    void append(const T* from, size_t n) {
        if (size_ + n > ready_) grow(size_ + n);
        if (n) std::memcpy((void*)(base_ + size_), (const void*)from, n * sizeof(T));
        size_ += n;
    }
    void truncate(size_t n) {   // to n items, n <= size()
        if (n < size_) size_ = n;
    }

private:
    T* base_ = nullptr;
    size_t size_ = 0;
    size_t ready_ = 0;   // items that fit in the committed pages
    size_t max_;

    void grow(size_t need) {
        if (need > max_) throw_code(-8);
        if (!base_) base_ = (T*)reserve_pages(max_ * sizeof(T));
        // Chunks grow with the array: a small one costs little at start-up.
        size_t bytes = std::max(need * sizeof(T), ready_ * sizeof(T) + std::clamp<size_t>(ready_ * sizeof(T) / 2, CHUNK_MIN, CHUNK_MAX));
        bytes = std::min(bytes, max_ * sizeof(T));
        commit_pages((uint8_t*)base_ + ready_ * sizeof(T), (uint8_t*)base_ + bytes);
        ready_ = bytes / sizeof(T);
    }
};

}  // namespace xf
