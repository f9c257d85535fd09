// SPDX-License-Identifier: MIT
// The byte sieve (BYTE magazine, 1981, and the Forth version published
// with it): 8190 flags for the odd numbers 3, 5, 7, ...; counts the 1899
// primes found, repeated N times. Argument: N (default 40000).
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SIZE 8190
static char flags[SIZE];

static int64_t sieve(void) {
    int64_t count = 0;
    memset(flags, 1, SIZE);
    for (int64_t i = 0; i < SIZE; i++) {
        if (flags[i]) {
            int64_t prime = i + i + 3;
            for (int64_t k = i + prime; k < SIZE; k += prime) flags[k] = 0;
            count++;
        }
    }
    return count;
}

int main(int argc, char** argv) {
    int64_t n = argc > 1 ? atoll(argv[1]) : 40000;
    int64_t total = 0;
    for (int64_t r = 0; r < n; r++) total += sieve();
    printf("sieve %lld\n", (long long)total);
    return 0;
}
