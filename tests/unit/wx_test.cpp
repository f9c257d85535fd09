// SPDX-License-Identifier: MIT
// W^X: no mapping of the process is writable and executable at once, even
// after definitions have been compiled and DOES> has rewritten a word.
#include "support.h"
#include <fstream>

using namespace xf::test;

TEST_CASE("no mapping is writable and executable at once", "[wx]") {
    run(": wx-sq dup * ; 7 wx-sq drop  : wx-k create , does> @ ; 3 wx-k three three drop");
    std::ifstream maps("/proc/self/maps");
    std::string line;
    int lines = 0, executable = 0;
    while (std::getline(maps, line)) {
        ++lines;
        std::string perms = line.substr(line.find(' ') + 1, 4);
        if (perms[2] == 'x') ++executable;
        INFO(line);
        CHECK_FALSE((perms[1] == 'w' && perms[2] == 'x'));
    }
    CHECK(lines > 0);
    CHECK(executable > 0);   // the check saw the code mappings at all
}

TEST_CASE("a failed definition gives back its header and data space", "[recovery]") {
    run("here");
    xf::cell before = run("here")[0];
    CHECK(throw_of(": half s\" some text\" 1 if ;") == -22);
    CHECK(run("here")[0] == before);
    CHECK(xf::find_word("half") == nullptr);
}
