// SPDX-License-Identifier: MIT
// What the Forth program does with defining words (CREATE DOES>), VALUEs
// and DEFERred words, done as a C programmer would: a 64-bit LCG in a
// global, a function pointer switched between two mixers every 256 steps,
// a histogram of the top 10 bits of the mixed numbers, two counters for
// odd and even buckets and a running total. Prints the total, the two
// counters and the sum of the squares of the histogram's counts.
// Argument: N (default 100000000).
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint64_t seed;
static int64_t total, evens, odds;
static int64_t hist[1024];
static uint64_t (*mix)(uint64_t);

static uint64_t mix_a(uint64_t u) { return u ^ (u << 7); }
static uint64_t mix_b(uint64_t u) { return u ^ (u >> 9); }

static uint64_t rand64(void) {
    seed = seed * 6364136223846793005u + 1442695040888963407u;
    return seed;
}

static void step(void) {
    int64_t bucket = mix(rand64()) >> 54;
    if (bucket & 1) odds++;
    else evens++;
    total += bucket;
    hist[bucket]++;
}

int main(int argc, char** argv) {
    int64_t n = argc > 1 ? atoll(argv[1]) : 100000000;
    for (int64_t i = 0; i < n; i++) {
        if ((i & 255) == 0) mix = i & 256 ? mix_a : mix_b;
        step();
    }
    int64_t sum = 0;
    for (int64_t i = 0; i < 1024; i++) sum += hist[i] * hist[i];
    printf("objects %lld %lld %lld %lld\n", (long long)total, (long long)evens, (long long)odds, (long long)sum);
    return 0;
}
