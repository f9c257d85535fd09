// SPDX-License-Identifier: MIT
// Keyboard input (FACILITY's EKEY and KEY?, XCHAR's XKEY) fed through a
// pipe on stdin, so that escape sequences and UTF-8 arrive byte for byte.
#include "support.h"
#include <cstdio>
#include <stdio_ext.h>
#include <unistd.h>

using namespace xf;
using namespace xf::test;

namespace {
// Runs `src` with `bytes` (then the end of input) as stdin.
std::vector<cell> with_stdin(const std::string& bytes, const std::string& src) {
    boot_once();
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    REQUIRE(write(fds[1], bytes.data(), bytes.size()) == ssize_t(bytes.size()));
    close(fds[1]);
    int saved = dup(0);
    dup2(fds[0], 0);
    close(fds[0]);
    __fpurge(stdin);
    clearerr(stdin);
    std::vector<cell> out;
    try {
        out = run(src);
    } catch (...) {
        dup2(saved, 0);
        close(saved);
        throw;
    }
    dup2(saved, 0);
    close(saved);
    __fpurge(stdin);
    clearerr(stdin);
    return out;
}
constexpr cell K_LEFT = 0x80000000, K_RIGHT = K_LEFT + 1, K_UP = K_LEFT + 2, K_DOWN = K_LEFT + 3,
               K_HOME = K_LEFT + 4, K_END = K_LEFT + 5, K_PRIOR = K_LEFT + 6, K_NEXT = K_LEFT + 7,
               K_INSERT = K_LEFT + 8, K_DELETE = K_LEFT + 9, K_F1 = K_LEFT + 10;
constexpr cell SHIFT = 0x40000000, CTRL = 0x20000000, ALT = 0x10000000;
}  // namespace

TEST_CASE("EKEY decodes the cursor keys", "[facility]") {
    CHECK(with_stdin("\x1b[A\x1b[B\x1b[C\x1b[D\x1b[H\x1b[F", "ekey ekey ekey ekey ekey ekey") ==
          std::vector<cell>{K_UP, K_DOWN, K_RIGHT, K_LEFT, K_HOME, K_END});
    CHECK(with_stdin("\x1bOA\x1bOH\x1b[1~\x1b[4~\x1b[7~\x1b[8~", "ekey ekey ekey ekey ekey ekey") ==
          std::vector<cell>{K_UP, K_HOME, K_HOME, K_END, K_HOME, K_END});
    CHECK(with_stdin("\x1b[2~\x1b[3~\x1b[5~\x1b[6~", "ekey ekey ekey ekey") ==
          std::vector<cell>{K_INSERT, K_DELETE, K_PRIOR, K_NEXT});
}

TEST_CASE("EKEY decodes the function keys", "[facility]") {
    CHECK(with_stdin("\x1bOP\x1bOQ\x1bOR\x1bOS", "ekey ekey ekey ekey") ==
          std::vector<cell>{K_F1, K_F1 + 1, K_F1 + 2, K_F1 + 3});
    CHECK(with_stdin("\x1b[15~\x1b[17~\x1b[21~\x1b[23~\x1b[24~", "ekey ekey ekey ekey ekey") ==
          std::vector<cell>{K_F1 + 4, K_F1 + 5, K_F1 + 9, K_F1 + 10, K_F1 + 11});
    CHECK(with_stdin("\x1b[11~\x1b[[A\x1b[[E", "ekey ekey ekey") == std::vector<cell>{K_F1, K_F1, K_F1 + 4});
}

TEST_CASE("EKEY adds the xterm modifiers", "[facility]") {
    CHECK(with_stdin("\x1b[1;2A\x1b[1;3D\x1b[1;5C\x1b[1;6B", "ekey ekey ekey ekey") ==
          std::vector<cell>{K_UP | SHIFT, K_LEFT | ALT, K_RIGHT | CTRL, K_DOWN | CTRL | SHIFT});
    CHECK(with_stdin("\x1b[3;5~\x1b[15;2~\x1b[1;5P", "ekey ekey ekey") ==
          std::vector<cell>{K_DELETE | CTRL, (K_F1 + 4) | SHIFT, K_F1 | CTRL});
    CHECK(with_stdin("\x1b[1;2A", "ekey ekey>fkey") == std::vector<cell>{K_UP | SHIFT, -1});
}

TEST_CASE("EKEY: a lone ESC, Alt+key and unknown sequences", "[facility]") {
    CHECK(with_stdin("\x1b", "ekey ekey") == std::vector<cell>{27, 4});
    CHECK(with_stdin("\x1bx", "ekey ekey") == std::vector<cell>{27, 'x'});
    CHECK(with_stdin("\x1b[99~a", "ekey ekey") == std::vector<cell>{27, 'a'});
    CHECK(with_stdin("\x1b[1;5", "ekey ekey") == std::vector<cell>{27, 4});   // cut off
}

TEST_CASE("EKEY reads a UTF-8 sequence as one xchar", "[facility][xchar]") {
    CHECK(with_stdin("a\xc3\xa4\xe2\x82\xac\xf0\x9f\x98\x80", "ekey ekey ekey ekey") ==
          std::vector<cell>{'a', 0xe4, 0x20ac, 0x1f600});
    CHECK(with_stdin("\xc3\xa4", "ekey ekey>xchar ekey>char") == std::vector<cell>{0xe4, -1, 0});
    // a malformed sequence gives its first byte; the byte that broke it comes next
    CHECK(with_stdin("\xc3" "A\x80", "ekey ekey ekey") == std::vector<cell>{0xc3, 'A', 0x80});
}

TEST_CASE("XKEY reads xchars; KEY? EKEY? XKEY? see pending input and the end", "[facility][xchar]") {
    CHECK(with_stdin("\xe2\x82\xac" "b", "xkey xkey xkey") == std::vector<cell>{0x20ac, 'b', 4});
    CHECK(with_stdin("z", "key? ekey? xkey? key key?") == std::vector<cell>{-1, -1, -1, 'z', -1});
    CHECK(with_stdin("", "key? ekey") == std::vector<cell>{-1, 4});
    CHECK(with_stdin("q", "key? drop xkey") == std::vector<cell>{'q'});
}
