// SPDX-License-Identifier: MIT
// timeit RESULT COMMAND [ARG ...]: runs COMMAND (its standard streams are
// ours) and writes one line to the file RESULT: the wall-clock time in
// nanoseconds, the peak resident set size in KiB, the user+system CPU time
// in nanoseconds (both from getrusage, through wait4) and the exit status
// (128+N for a signal N). bench/run.sh builds and uses it for every timed
// run.
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int64_t now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

int main(int argc, char** argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: timeit RESULT COMMAND [ARG ...]\n");
        return 2;
    }
    FILE* out = fopen(argv[1], "w");
    if (!out) {
        perror(argv[1]);
        return 2;
    }
    int64_t start = now_ns();
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        return 2;
    }
    if (pid == 0) {
        execvp(argv[2], argv + 2);
        perror(argv[2]);
        _exit(127);
    }
    int status;
    struct rusage usage;
    if (wait4(pid, &status, 0, &usage) < 0) {
        perror("wait4");
        return 2;
    }
    int64_t elapsed = now_ns() - start;
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    int64_t cpu = ((int64_t)usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000000000 +
                  ((int64_t)usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1000;
    fprintf(out, "%lld %ld %lld %d\n", (long long)elapsed, usage.ru_maxrss, (long long)cpu, code);
    fclose(out);
    return 0;
}
