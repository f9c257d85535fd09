// SPDX-License-Identifier: MIT
// The block input source of the interpreter, on blocks held in memory: the
// kernel only sees them through `block_reader`, so no file is involved.
#include "support.h"
#include "core/errors.h"
#include <map>

using namespace xf;
using namespace xf::test;

namespace {
// Installs blocks (number -> text, blank-padded) as the block reader's
// world for one test, and puts the real reader back afterwards.
struct FakeBlocks {
    std::map<cell, std::string> blocks;
    std::function<void(cell, std::string&)> saved;
    explicit FakeBlocks(std::map<cell, std::string> b) : blocks(std::move(b)) {
        boot_once();
        saved = block_reader;
        block_reader = [this](cell blk, std::string& text) {
            auto it = blocks.find(blk);
            if (it == blocks.end()) throw_code(-35);
            text = it->second;
            text.resize(BLOCK_CHARS, ' ');
        };
    }
    ~FakeBlocks() { block_reader = saved; }
};
std::string line(const std::string& s) { return s + std::string(BLOCK_LINE - s.size(), ' '); }
}  // namespace

TEST_CASE("LOAD interprets a block and restores BLK", "[block]") {
    FakeBlocks b({{7, "1 2 + blk @"}});
    CHECK(run("7 load blk @") == std::vector<cell>{3, 7, 0});
}

TEST_CASE("\\ in a block skips to the end of its 64-character line", "[block]") {
    FakeBlocks b({{1, line("1 \\ 2") + line("3") + line(std::string(62, ' ') + "\\") + line(" 4 5") + "6"}});
    CHECK(run("1 load") == std::vector<cell>{1, 3, 4, 5, 6});
}

TEST_CASE("\\ in the last column of a block line ends that line only", "[block]") {
    FakeBlocks b({{1, line(std::string(63, ' ') + "\\") + line(" 7")}});
    CHECK(run("1 load") == std::vector<cell>{7});
}

TEST_CASE("REFILL in a block moves to the next one; it fails past the last", "[block]") {
    FakeBlocks b({{4, "1 refill 99"}, {5, "blk @ refill"}});
    CHECK(run("4 load blk @") == std::vector<cell>{1, TRUE, 5, 0, 0});
}

TEST_CASE("RESTORE-INPUT returns to an earlier block", "[block]") {
    FakeBlocks b({{2, "variable n 0 n ! save-input refill"}, {3, "drop 1 n +! n @ 2 < [if] restore-input [then] blk @"}});
    // First pass: REFILL to block 3, RESTORE-INPUT (flag 0) back into block
    // 2 just after SAVE-INPUT, REFILL to block 3 again; second pass ends.
    CHECK(run("2 load") == std::vector<cell>{0, 3});
}

TEST_CASE("an error in a block names the block, line and column", "[block]") {
    FakeBlocks b({{9, line("1 2") + line("  nope")}});
    CHECK(throw_of("9 load") == -13);
    CHECK(error_site.file == "block 9");
    CHECK(error_site.line == 2);
    CHECK(error_site.col == 2);
    CHECK(error_site.text == "  nope");
    CHECK(vm.blk == 0);
}

TEST_CASE("LOAD 0 and unreadable blocks are -35", "[block]") {
    FakeBlocks b({});
    CHECK(throw_of("0 load") == -35);
    CHECK(throw_of("12 load") == -35);
}
