// SPDX-License-Identifier: MIT
// Blocks (BLOCK, BLOCK EXT) and Gforth's OPEN-BLOCKS and USE.
//
// Block u is the 1024 bytes at offset u*1024 of the blocks file, as in
// Gforth: `blocks.fb` in the current directory until OPEN-BLOCKS or USE name
// another. The file is opened (and created) on first use. Reading past its
// end gives blanks; writing extends it. Block 0 exists but cannot be LOADed
// (BLK 0 means "not a block").
//
// There are BUFFERS buffers; BLOCK and BUFFER reuse the least recently used
// one, writing it first when UPDATEd. The current buffer, which UPDATE
// marks, is the one BLOCK or BUFFER returned last. Updated buffers are
// saved when the system exits. LOAD interprets a copy of the block
// (core/interpreter), so the buffer may be reused while it runs.
// Errors: -33 block read, -34 block write, -35 invalid block number.
#include "core/interpreter.h"
#include "words/registry.h"
#include "asm/emit.h"
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <unistd.h>

namespace xf {

constexpr size_t BUFFERS = 8;
constexpr ucell MAX_BLOCK = ucell(INT64_MAX) / BLOCK_CHARS - 1;

struct BlockBuffer {
    uint8_t* data;
    ucell blk = 0;
    bool assigned = false;
    bool updated = false;
    uint64_t used = 0;   // for least-recently-used replacement
};
static BlockBuffer buffers[BUFFERS];
static BlockBuffer* current_buffer;
static uint64_t use_clock;

static std::string blocks_path = "blocks.fb";
static int blocks_fd = -1;
static cell& scr = forth_variables.scr;   // its address is SCR: see core/vm.h

static int blocks_file() {
    if (blocks_fd < 0) blocks_fd = open(blocks_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
    if (blocks_fd < 0) blocks_fd = open(blocks_path.c_str(), O_RDONLY | O_CLOEXEC);   // LIST and LOAD still work
    return blocks_fd;
}

static ucell check_block(cell u) {
    if (ucell(u) > MAX_BLOCK) throw_code(-35);
    return ucell(u);
}

static void write_buffer(BlockBuffer& b) {
    int fd = blocks_file();
    if (fd < 0 || pwrite(fd, b.data, BLOCK_CHARS, off_t(b.blk * BLOCK_CHARS)) != ssize_t(BLOCK_CHARS)) throw_code(-34);
    b.updated = false;
}

static void read_block_into(ucell u, uint8_t* to) {
    int fd = blocks_file();
    if (fd < 0) throw_code(-33);
    ssize_t n = pread(fd, to, BLOCK_CHARS, off_t(u * BLOCK_CHARS));
    if (n < 0) throw_code(-33);
    memset(to + n, ' ', BLOCK_CHARS - size_t(n));
}

// The buffer of block u, assigned (and read, when `read`) if need be.
static BlockBuffer& get_buffer(cell u_, bool read) {
    ucell u = check_block(u_);
    BlockBuffer* b = nullptr;
    for (BlockBuffer& x : buffers)
        if (x.assigned && x.blk == u) b = &x;
    if (!b) {
        for (BlockBuffer& x : buffers) {   // a free buffer, else the least recently used
            if (!x.assigned) { b = &x; break; }
            if (!b || x.used < b->used) b = &x;
        }
        if (b->assigned && b->updated) write_buffer(*b);
        b->assigned = false;
        if (read) read_block_into(u, b->data);
        b->blk = u;
        b->assigned = true;
        b->updated = false;
    }
    b->used = ++use_clock;
    current_buffer = b;
    return *b;
}

static void save_buffers() {
    for (BlockBuffer& b : buffers)
        if (b.assigned && b.updated) write_buffer(b);
}
static void empty_buffers() {
    for (BlockBuffer& b : buffers) b.assigned = b.updated = false;
    current_buffer = nullptr;
}
static void flush() {
    save_buffers();
    empty_buffers();
}

static void open_blocks(std::string path) {   // Gforth's OPEN-BLOCKS
    flush();
    int fd = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
    if (fd < 0) throw_code(errno == ENOENT ? -38 : -37);
    if (blocks_fd >= 0) close(blocks_fd);
    blocks_fd = fd;
    blocks_path = std::move(path);
}

static void list() {   // ( u -- )
    cell u = vm.ds.pop();
    BlockBuffer& b = get_buffer(u, true);
    scr = u;
    printf("\nScreen %lu%s\n", (unsigned long)b.blk, b.updated ? " modified" : "");
    for (size_t line = 0; line < BLOCK_CHARS / BLOCK_LINE; ++line) {
        printf("%2zu ", line);
        for (size_t i = 0; i < BLOCK_LINE; ++i) {
            uint8_t c = b.data[line * BLOCK_LINE + i];
            putchar(c >= 32 && c < 127 ? c : ' ');
        }
        putchar('\n');
    }
}

static void thru() {   // ( i*x u1 u2 -- j*x )
    ucell last = ucell(vm.ds.pop());
    ucell first = ucell(vm.ds.pop());
    if (first > last) return;
    for (ucell u = first;; ++u) {
        load_block(cell(check_block(cell(u))));
        if (u == last) break;
    }
}

static const HelperDef block_helpers[] = {
    {"BLOCK", "( u -- a-addr )", [] { vm.ds.push((cell)get_buffer(vm.ds.pop(), true).data); }},
    {"BUFFER", "( u -- a-addr )", [] { vm.ds.push((cell)get_buffer(vm.ds.pop(), false).data); }},
    {"UPDATE", "( -- )", [] { if (current_buffer) current_buffer->updated = true; }},
    {"SAVE-BUFFERS", "( -- )", save_buffers},
    {"EMPTY-BUFFERS", "( -- )", empty_buffers},
    {"FLUSH", "( -- )", flush},
    {"LOAD", "( i*x u -- j*x )", [] { load_block(cell(check_block(vm.ds.pop()))); }},
    {"THRU", "( i*x u1 u2 -- j*x )", thru},
    {"LIST", "( u -- )", list},
    {"OPEN-BLOCKS", "( c-addr u -- )", [] {
        cell u = vm.ds.pop();
        auto* a = (const char*)vm.ds.pop();
        if (u <= 0) throw_code(-38);
        open_blocks(user_string(a, u));
    }},
    {"USE", "( \"name\" -- )", [] {
        std::string_view name = parse_name();
        if (name.empty()) throw_code(-16);
        open_blocks(std::string(name));
    }},
};

static const Prim block_prims[] = {
    {"SCR", "( -- a-addr )", [](Gen& g) { push_imm(g, (cell)&scr); }},
};

void register_block_words() {
    // The buffers' characters are in a guarded region, apart from the C++
    // data that describes them, so that a program writing past a block
    // faults (-9) instead of overwriting that data.
    uint8_t* space = map_guarded(BUFFERS * BLOCK_CHARS);
    for (size_t i = 0; i < BUFFERS; ++i) buffers[i].data = space + i * BLOCK_CHARS;
    define_all(block_helpers);
    define_all(block_prims);
    block_reader = [](cell blk, std::string& text) {
        text.resize(BLOCK_CHARS);
        BlockBuffer& b = get_buffer(blk, true);
        memcpy(text.data(), b.data, BLOCK_CHARS);
    };
    // BYE leaves by quick_exit (words/io.cpp), a normal end by exit: both save.
    static constexpr auto save_at_exit = [] {
        try {
            save_buffers();
        } catch (const ForthThrow&) {
            fputs("xforth: could not save the updated block buffers\n", stderr);
        }
    };
    atexit(save_at_exit);
    at_quick_exit(save_at_exit);
}

}  // namespace xf
