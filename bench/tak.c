// SPDX-License-Identifier: MIT
// Takeuchi's function (the Gabriel benchmark form, returning z): deep
// calls with little work in each. tak(24, 16, 8), N times; the arguments
// are read through volatiles so that the calls stay in the loop.
// Argument: N (default 150).
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static int64_t tak(int64_t x, int64_t y, int64_t z) {
    if (y < x) return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y));
    return z;
}

int main(int argc, char** argv) {
    int64_t n = argc > 1 ? atoll(argv[1]) : 150;
    volatile int64_t x = 24, y = 16, z = 8;
    if (argc > 4) x = atoll(argv[2]), y = atoll(argv[3]), z = atoll(argv[4]);
    int64_t sum = 0;
    for (int64_t r = 0; r < n; r++) sum += tak(x, y, z);
    printf("tak %lld\n", (long long)sum);
    return 0;
}
