// SPDX-License-Identifier: MIT
// Bubble sort of 6000 integers, as in the Stanford integer benchmarks
// (Bubble, with its Rand and Initarr); the list is filled and sorted N
// times. Prints the sum over runs of sortlist[run mod 6000], after checking
// that each sort put the smallest first and the largest last.
// Argument: N (default 24).
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define ELEMENTS 6000
static int64_t sortlist[ELEMENTS];
static int64_t seed, biggest, littlest;

static int64_t rand16(void) {
    seed = (seed * 1309 + 13849) & 65535;
    return seed;
}

static void initarr(void) {
    seed = 74755;
    biggest = 0;
    littlest = 0;
    for (int i = 0; i < ELEMENTS; i++) {
        sortlist[i] = rand16() % 100000 - 50000;
        if (sortlist[i] > biggest) biggest = sortlist[i];
        else if (sortlist[i] < littlest) littlest = sortlist[i];
    }
}

static void bubble(void) {
    for (int top = ELEMENTS - 1; top > 0; top--)
        for (int i = 0; i < top; i++)
            if (sortlist[i] > sortlist[i + 1]) {
                int64_t t = sortlist[i];
                sortlist[i] = sortlist[i + 1];
                sortlist[i + 1] = t;
            }
}

int main(int argc, char** argv) {
    int64_t n = argc > 1 ? atoll(argv[1]) : 24;
    int64_t sum = 0;
    for (int64_t r = 0; r < n; r++) {
        initarr();
        bubble();
        if (sortlist[0] != littlest || sortlist[ELEMENTS - 1] != biggest) printf("bubble: not sorted\n");
        sum += sortlist[r % ELEMENTS];
    }
    printf("bubble %lld\n", (long long)sum);
    return 0;
}
