// SPDX-License-Identifier: MIT
// A program that does nothing but links what xforth links (libreadline,
// libstdc++): bench/run.sh times its start-up beside `xforth -e bye`.
#include <readline/readline.h>
#include <string>

// Referenced so that the linker keeps both libraries as dependencies.
char* (*volatile keep_readline)(const char*) = readline;

int main(int argc, char**) {
    std::string s(argc > 5 ? "x" : "");
    return int(s.size());
}
