// SPDX-License-Identifier: MIT
// String work on a 64 KiB text of the letters a-d: each round copies the
// text into a work buffer, moves a 1 KiB block in it (overlaps allowed),
// fills 256 bytes with one letter, counts the places where "dcba" occurs,
// and compares 64 pairs of windows of random lengths. The C library does the byte work (memmove, memset,
// memmem, memcmp), as the Forth program leaves it to MOVE FILL SEARCH
// COMPARE. Prints the sums of the counts and of the comparisons, and the
// sum of the final buffer. Argument: N (default 15000).
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SIZE 65536
static char text[SIZE], buf[SIZE];
static int64_t seed = 12345;

static int64_t rand31(void) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed;
}

// COMPARE: -1, 0 or 1, a shorter string before a longer one it starts.
static int64_t compare(const char* a, int64_t alen, const char* b, int64_t blen) {
    int c = memcmp(a, b, alen < blen ? alen : blen);
    if (c == 0) return alen < blen ? -1 : alen > blen;
    return c < 0 ? -1 : 1;
}

static int64_t occurrences(const char* needle, size_t len) {
    int64_t count = 0;
    const char* p = buf;
    const char* end = buf + SIZE;
    while ((p = memmem(p, end - p, needle, len)) != NULL) {
        count++;
        p++;
    }
    return count;
}

int main(int argc, char** argv) {
    int64_t n = argc > 1 ? atoll(argv[1]) : 15000;
    for (int i = 0; i < SIZE; i++) text[i] = 'a' + (rand31() >> 16) % 4;
    int64_t found = 0, order = 0, sum = 0;
    for (int64_t r = 0; r < n; r++) {
        memcpy(buf, text, SIZE);
        int64_t from = rand31() % (SIZE - 1024);
        int64_t to = rand31() % (SIZE - 1024);
        memmove(buf + to, buf + from, 1024);
        memset(buf + rand31() % (SIZE - 256), 'a' + r % 4, 256);
        found += occurrences("dcba", 4);
        for (int k = 0; k < 64; k++) {
            int64_t i = rand31() % (SIZE - 512);
            int64_t j = rand31() % (SIZE - 512);
            int64_t ilen = rand31() % 512;
            int64_t jlen = rand31() % 512;
            order += compare(buf + i, ilen, buf + j, jlen);
        }
        order += compare(buf + to, 1024, buf + from, 1024);
    }
    for (int i = 0; i < SIZE; i++) sum += buf[i];
    printf("strings %lld %lld %lld\n", (long long)found, (long long)order, (long long)sum);
    return 0;
}
