// SPDX-License-Identifier: MIT
// Doubly recursive Fibonacci: fib(34), N times. The argument is read
// through a volatile so that the calls are not hoisted out of the loop.
// Argument: N (default 60); a second argument replaces 34.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static int64_t fib(int64_t n) {
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

int main(int argc, char** argv) {
    int64_t n = argc > 1 ? atoll(argv[1]) : 60;
    volatile int64_t arg = argc > 2 ? atoll(argv[2]) : 34;
    int64_t sum = 0;
    for (int64_t r = 0; r < n; r++) sum += fib(arg);
    printf("fib %lld\n", (long long)sum);
    return 0;
}
