// SPDX-License-Identifier: MIT
// Integer matrix multiply, 200x200, as in the Stanford integer benchmarks
// (Intmm, with its Rand and Initmatrix): the two matrices are filled and
// multiplied N times. Prints the sum over runs of r[run mod 200][run mod
// 200] and the sum of the last product. Argument: N (default 100).
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define ROWS 200
static int64_t ma[ROWS][ROWS], mb[ROWS][ROWS], mr[ROWS][ROWS];
static int64_t seed;

static int64_t rand16(void) {
    seed = (seed * 1309 + 13849) & 65535;
    return seed;
}

static void initmatrix(int64_t m[ROWS][ROWS]) {
    for (int i = 0; i < ROWS; i++)
        for (int j = 0; j < ROWS; j++) m[i][j] = rand16() % 120 - 60;
}

static int64_t innerproduct(int64_t a[ROWS][ROWS], int64_t b[ROWS][ROWS], int row, int column) {
    int64_t sum = 0;
    for (int i = 0; i < ROWS; i++) sum += a[row][i] * b[i][column];
    return sum;
}

static void intmm(void) {
    seed = 74755;
    initmatrix(ma);
    initmatrix(mb);
    for (int i = 0; i < ROWS; i++)
        for (int j = 0; j < ROWS; j++) mr[i][j] = innerproduct(ma, mb, i, j);
}

int main(int argc, char** argv) {
    int64_t n = argc > 1 ? atoll(argv[1]) : 100;
    int64_t sum = 0, total = 0;
    for (int64_t r = 0; r < n; r++) {
        intmm();
        sum += mr[r % ROWS][r % ROWS];
    }
    for (int i = 0; i < ROWS; i++)
        for (int j = 0; j < ROWS; j++) total += mr[i][j];
    printf("matrix %lld %lld\n", (long long)sum, (long long)total);
    return 0;
}
