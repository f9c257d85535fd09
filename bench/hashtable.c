// SPDX-License-Identifier: MIT
// A hash table on the heap: each round allocates 16384 buckets, counts
// 100000 random keys below 2^17 in chained nodes of three cells (key,
// count, next) allocated one by one, looks up the keys 0..9999, and frees
// every node and the buckets. Prints the sums over rounds of the number
// of distinct keys and of the counts found. Argument: N (default 40).
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define BUCKETS 16384
#define KEYS 100000

struct node {
    int64_t key, count;
    struct node* next;
};

static struct node** table;
static int64_t seed = 4242;

static int64_t rand31(void) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed;
}

static int64_t hash(int64_t key) {
    return ((key * 2654435761) & 0xffffffff) >> 18;
}

static struct node* find(int64_t key) {
    struct node* n = table[hash(key)];
    while (n && n->key != key) n = n->next;
    return n;
}

// Counts key; returns 1 when it is new.
static int64_t add(int64_t key) {
    struct node* n = find(key);
    if (n) {
        n->count++;
        return 0;
    }
    n = malloc(sizeof *n);
    if (!n) abort();
    n->key = key;
    n->count = 1;
    n->next = table[hash(key)];
    table[hash(key)] = n;
    return 1;
}

static void free_table(void) {
    for (int i = 0; i < BUCKETS; i++) {
        struct node* n = table[i];
        while (n) {
            struct node* next = n->next;
            free(n);
            n = next;
        }
    }
    free(table);
}

int main(int argc, char** argv) {
    int64_t rounds = argc > 1 ? atoll(argv[1]) : 40;
    int64_t distinct = 0, found = 0;
    for (int64_t r = 0; r < rounds; r++) {
        table = calloc(BUCKETS, sizeof *table);
        if (!table) abort();
        for (int k = 0; k < KEYS; k++) distinct += add(rand31() >> 14);
        for (int64_t key = 0; key < 10000; key++) {
            struct node* n = find(key);
            if (n) found += n->count;
        }
        free_table();
    }
    printf("hashtable %lld %lld\n", (long long)distinct, (long long)found);
    return 0;
}
