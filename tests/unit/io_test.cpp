// SPDX-License-Identifier: MIT
// words/io.cpp: terminal output and input, .S WORDS, ABORT QUIT, and
// leaving the system (BYE and (BYE), run in a child process).
#include "support.h"
#include <stdio_ext.h>
#include <sys/wait.h>

using namespace xf;
using namespace xf::test;

namespace {
// Standard input reads `text` for the life of this object.
struct StdinFrom {
    int saved;
    FILE* tmp;
    explicit StdinFrom(const std::string& text) {
        tmp = tmpfile();
        REQUIRE(tmp != nullptr);
        fwrite(text.data(), 1, text.size(), tmp);
        rewind(tmp);
        saved = dup(0);
        dup2(fileno(tmp), 0);
        __fpurge(stdin);
        clearerr(stdin);
    }
    ~StdinFrom() {
        __fpurge(stdin);
        dup2(saved, 0);
        close(saved);
        fclose(tmp);
        clearerr(stdin);
    }
};

// The terminal reader hands out these lines for the life of this object.
struct TerminalLines {
    std::function<bool(std::string&)> saved = terminal_reader;
    std::vector<std::string> lines;
    explicit TerminalLines(std::vector<std::string> l) : lines(std::move(l)) {
        terminal_reader = [this](std::string& out) {
            if (lines.empty()) return false;
            out = lines.front();
            lines.erase(lines.begin());
            return true;
        };
    }
    ~TerminalLines() { terminal_reader = saved; }
};

// Runs `src` in a child process; returns its exit status and what it printed.
std::pair<int, std::string> in_child(const std::string& src) {
    boot_once();
    fflush(stdout);
    fflush(stderr);
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        dup2(fds[1], 1);
        dup2(fds[1], 2);
        close(fds[0]);
        try {
            run(src);
        } catch (...) {
        }
        _exit(99);   // src did not leave the system
    }
    close(fds[1]);
    std::string out;
    char buf[256];
    for (ssize_t n; (n = read(fds[0], buf, sizeof buf)) > 0;) out.append(buf, size_t(n));
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}
}  // namespace

TEST_CASE("EMIT TYPE CR", "[io]") {
    CHECK(output_of("65 emit 66 emit") == "AB");
    CHECK(output_of("$141 emit") == "A");   // the low byte
    CHECK(output_of("s\" hello\" type") == "hello");
    CHECK(output_of("s\" hello\" 0 max 2 - type") == "hel");
    CHECK(output_of("s\" x\" drop 0 type") == "");
    CHECK(output_of("s\" x\" drop -1 type") == "");
    CHECK(output_of("cr cr") == "\n\n");
    CHECK(output_of(": t-hello [char] h emit s\" ello\" type cr ; t-hello") == "hello\n");
    CHECK(throw_of("emit") == -4);
    CHECK(throw_of("1 type") == -4);
}

TEST_CASE("the number output of kernel.fs: . U. .R U.R in BASE", "[io]") {
    CHECK(output_of("0 . 42 . -42 .") == "0 42 -42 ");
    CHECK(output_of("-9223372036854775808 .") == "-9223372036854775808 ");
    CHECK(output_of("-1 u.") == "18446744073709551615 ");
    CHECK(output_of("hex ff . -ff . decimal") == "FF -FF ");
    CHECK(output_of("2 base ! 101 . decimal 5 .") == "101 5 ");
    CHECK(output_of("5 4 .r -5 4 .r 12345 2 .r") == "   5  -512345");
    CHECK(output_of("5 4 u.r") == "   5");
}

TEST_CASE(".S shows the stack bottom first, in BASE, and leaves it alone", "[io]") {
    CHECK(output_of(".s") == "<0> ");
    CHECK(output_of("1 -2 3 .s 2drop drop") == "<3> 1 -2 3 ");
    CHECK(output_of("1 2 .s .s 2drop") == "<2> 1 2 <2> 1 2 ");
    CHECK(output_of("hex ff -1 .s decimal 2drop") == "<2> FF -1 ");
}

TEST_CASE("WORDS lists the search order's first wordlist, newest first, without hidden words", "[io]") {
    run(": t-words-older ; : t-words-newer ;");
    std::string out = output_of("words");
    size_t newer = out.find("t-words-newer "), older = out.find("t-words-older ");
    CHECK(newer != std::string::npos);
    CHECK(older != std::string::npos);
    CHECK(newer < older);
    CHECK(out.find("DUP ") != std::string::npos);
    CHECK(out.back() == '\n');
    size_t line = 0, longest = 0;
    for (char c : out) {
        line = c == '\n' ? 0 : line + 1;
        longest = std::max(longest, line);
    }
    CHECK(longest <= 80);
    CHECK(output_of(":noname ; drop words").find("  ") == std::string::npos);
}

TEST_CASE("KEY reads one character from standard input, -1 at its end", "[io]") {
    StdinFrom in("ab\n");
    CHECK(run("key key key key") == Cells{'a', 'b', '\n', -1});
}

TEST_CASE("ACCEPT reads a line from the terminal, at most +n1 characters", "[io]") {
    boot_once();
    run("create t-abuf 80 allot");
    {
        TerminalLines t({"hello world", "a much longer line than fits", ""});
        CHECK(run("t-abuf 80 accept") == Cells{11});
        CHECK(std::string((const char*)run("t-abuf")[0], 11) == "hello world");
        CHECK(run("t-abuf 6 accept") == Cells{6});
        CHECK(std::string((const char*)run("t-abuf")[0], 6) == "a much");
        CHECK(run("t-abuf 80 accept") == Cells{0});
        CHECK(run("t-abuf 80 accept") == Cells{0});   // end of input
    }
    {
        TerminalLines t({"xyz"});
        CHECK(run("t-abuf 0 accept") == Cells{0});
        CHECK(run("t-abuf -5 accept") == Cells{0});
    }
    CHECK(throw_of("accept") == -4);
}

TEST_CASE("ABORT and QUIT throw -1 and -56", "[io]") {
    CHECK(throw_of("abort") == -1);
    CHECK(throw_of("1 2 3 abort") == -1);
    CHECK(throw_of("quit") == -56);
    CHECK(run("' abort catch ' quit catch") == Cells{-1, -56});
}

TEST_CASE("BYE leaves with status 0, (BYE) with its argument; output is flushed first", "[io]") {
    CHECK(in_child("bye") == std::pair<int, std::string>{0, ""});
    CHECK(in_child("1 2 + . bye 4 .") == std::pair<int, std::string>{0, "3 "});
    CHECK(in_child("1 throw bye").first == 99);   // (the child's own check: BYE was not reached)
    CHECK(in_child("s\" flushed\" type bye") == std::pair<int, std::string>{0, "flushed"});
    CHECK(in_child("3 (bye)") == std::pair<int, std::string>{3, ""});
    CHECK(in_child(": t-leave 7 (bye) ; s\" x\" type t-leave") == std::pair<int, std::string>{7, "x"});
}

TEST_CASE("a call to a C++ word: call rel32 to its stub, after the literal under -O0", "[io][bytes]") {
    Bytes b = compiled("t-just-emit", "65 emit");
    const uint8_t* code = (const uint8_t*)find_word("t-just-emit")->code;
    const uint8_t* target = (const uint8_t*)find_word("emit")->code;
    int32_t rel = int32_t(target - (code + 12 + 5));
    // sub r15, 8 ; mov [r15], rbx ; mov ebx, 65 ; call EMIT ; ret
    CHECK(b == Bytes{0x49, 0x83, 0xEF, 0x08, 0x49, 0x89, 0x1F, 0xBB, 0x41, 0x00, 0x00, 0x00, 0xE8} + le(uint32_t(rel), 4) +
                   Bytes{0xC3});
    CHECK(output_of("t-just-emit") == "A");
}

TEST_CASE("a C++ word's stub spills both stacks, aligns rsp and calls helper_entry", "[io][bytes]") {
    boot_once();
    if ((uint64_t)&xf::evaluate <= 0xffffffff) return;   // not a PIE build: shorter address moves
    auto* p = (const uint8_t*)find_word("cr")->code;
    const uint64_t fsp = (uint64_t)&xf::vm.fs.sp;
    // sub r12, 8 ; movsd [r12], xmm8 ; mov rax, &vm.fs.sp ; mov [rax], r12 ;
    // sub r15, 8 ; mov [r15], rbx ; mov rdi, r15 ; mov rsi, <fn>
    const Bytes head = Bytes{0x49, 0x83, 0xEC, 0x08, 0xF2, 0x45, 0x0F, 0x11, 0x04, 0x24, 0x48, 0xB8} + le(fsp, 8) +
                       Bytes{0x4C, 0x89, 0x20, 0x49, 0x83, 0xEF, 0x08, 0x49, 0x89, 0x1F, 0x4C, 0x89, 0xFF, 0x48, 0xBE};
    CHECK(Bytes(p, p + head.size()) == head);
    p += head.size() + 8;   // the C++ function's address
    // mov rax, rsp ; mov rdx, rax ; and rsp, -16 ; push rax ; push rax ; mov rax, <helper_entry>
    const Bytes mid{0x48, 0x89, 0xE0, 0x48, 0x89, 0xC2, 0x48, 0x83, 0xE4, 0xF0, 0x50, 0x50, 0x48, 0xB8};
    CHECK(Bytes(p, p + mid.size()) == mid);
    p += mid.size() + 8;    // helper_entry's address
    // call rax ; mov rsp, [rsp] ; mov r15, rax ; mov rbx, [r15] ; add r15, 8 ;
    // mov rax, &vm.fs.sp ; mov r12, [rax] ; movsd xmm8, [r12] ; add r12, 8 ; ret
    const Bytes tail = Bytes{0xFF, 0xD0, 0x48, 0x8B, 0x24, 0x24, 0x49, 0x89, 0xC7, 0x49, 0x8B, 0x1F, 0x49, 0x83, 0xC7, 0x08,
                             0x48, 0xB8} + le(fsp, 8) +
                       Bytes{0x4C, 0x8B, 0x20, 0xF2, 0x45, 0x0F, 0x10, 0x04, 0x24, 0x49, 0x83, 0xC4, 0x08, 0xC3};
    CHECK(Bytes(p, p + tail.size()) == tail);
}
