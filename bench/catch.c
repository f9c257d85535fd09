// SPDX-License-Identifier: MIT
// CATCH and THROW in a loop, done in C with setjmp/longjmp and a global
// for the thrown code: for each i, guarded(i) catches around middle(i),
// which catches around inner(i); inner throws i+1 when i is a multiple
// of 4, middle rethrows codes that are multiples of 3. Prints the sum of
// the results. Argument: N (default 25000000).
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static jmp_buf* handler;   // the innermost active catch
static int64_t thrown;     // the code being thrown

static void throw_code(int64_t code) {
    thrown = code;
    longjmp(*handler, 1);
}

static int64_t inner(int64_t n) {
    if ((n & 3) == 0) throw_code(n + 1);
    return n + 1;
}

static int64_t middle(int64_t n) {
    jmp_buf env;
    jmp_buf* outer = handler;
    int64_t r;
    handler = &env;
    if (setjmp(env) == 0) {
        r = inner(n);
        handler = outer;
    } else {
        handler = outer;
        if (thrown % 3 == 0) throw_code(thrown);
        r = -thrown;
    }
    return r * 2;
}

static int64_t guarded(int64_t n) {
    jmp_buf env;
    jmp_buf* outer = handler;
    int64_t r;
    handler = &env;
    if (setjmp(env) == 0) {
        r = middle(n);
        handler = outer;
    } else {
        handler = outer;
        r = thrown * 3;
    }
    return r;
}

int main(int argc, char** argv) {
    int64_t n = argc > 1 ? atoll(argv[1]) : 25000000;
    int64_t sum = 0;
    for (int64_t i = 0; i < n; i++) sum += guarded(i);
    printf("catch %lld\n", (long long)sum);
    return 0;
}
