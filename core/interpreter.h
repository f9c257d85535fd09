// SPDX-License-Identifier: MIT
// Input sources and the outer interpreter.
//
// The input source is a stack: the terminal at the bottom, then files being
// INCLUDED, strings being EVALUATEd and blocks being LOADed. Each source owns
// its buffer, line number and the saved >IN, SOURCE-ID and BLK of the source
// below it. A block source holds a copy of its 1024 characters (so that the
// block buffer may be reused while it is interpreted) read through
// `block_reader`, which words/block.cpp provides. The interpreter parses
// names from the current buffer, looks them up in the search order and
// either executes them (through the trampoline the backend hands it) or
// performs their compilation semantics.
#pragma once
#include "core/dictionary.h"
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace xf {

// What the kernel needs from code generation; wired up by main.cpp.
struct Backend {
    cell (*execute)(Word*) = nullptr;   // returns 0 or an uncaught THROW code
    void (*compile)(Word*) = nullptr;   // COMPILE,
    void (*abort_definition)() = nullptr;   // after an error: drop a half-built definition
    Word* literal = nullptr;            // LITERAL, for numbers met while compiling
    Word* fliteral = nullptr;           // FLITERAL, for floats met while compiling
};
extern Backend backend;

enum class SourceType { Terminal, File, String, Block };

struct Source {
    SourceType type;
    const char* buf = nullptr;   // SOURCE
    size_t len = 0;
    std::string line;            // the line read, for the terminal, files and blocks
    std::unique_ptr<GuardedBuffer> shown;   // where SOURCE shows that line: see show_line
    FILE* file = nullptr;
    std::string name;            // file name, or "<stdin>" / "<evaluate>"
    int line_no = 0;
    long line_pos = 0;           // file offset of the current line (SAVE-INPUT)
    long next_pos = -1;          // of the next line; -1: unknown, ask the file (ftell)
    cell blk = 0;                // block number of a block source
    cell saved_to_in = 0;        // >IN of the source below
    cell saved_source_id = 0;
    cell saved_blk = 0;
    size_t token_start = 0, token_len = 0;  // the word being interpreted, for errors
};

// Reads one line of terminal input (without the newline); false at end of input.
extern std::function<bool(std::string&)> terminal_reader;
// Puts the 1024 characters of block `blk` into `text`; THROWs on failure.
extern std::function<void(cell blk, std::string& text)> block_reader;
constexpr size_t BLOCK_CHARS = 1024;
constexpr size_t BLOCK_LINE = 64;   // characters per line of a block, for \ and LIST

Source& source();
size_t source_depth();
std::string_view parse_name();
std::string_view parse(char delim);
bool refill();
// SAVE-INPUT / RESTORE-INPUT of the current source; restore returns false on success.
std::vector<cell> save_input();
bool restore_input(const std::vector<cell>& v);

// Runs `xt` and turns an uncaught THROW into a C++ ForthThrow.
void execute(Word* xt);
void interpret();                // the rest of the current buffer
void evaluate(const char* addr, size_t len);
void include_file(FILE* f, const std::string& path);
void load_block(cell blk);       // LOAD: interprets block blk (nonzero)
void skip_line_comment();        // \ : to the end of the line (of the 64-character line in a block)
bool is_source_file(FILE* f);    // f is the file of an input source being read
// A program is about to use the source file f itself (READ-LINE SOURCE-ID,
// say): the next refill asks the file where it is instead of counting.
void source_file_used(FILE* f);
void included(std::string_view name);   // INCLUDED: resolves, opens, runs
void required(std::string_view name);   // REQUIRED: once per file
std::string resolve_path(std::string_view name);   // "" when not found
// Where INCLUDED and REQUIRED look last: <prefix>/share/xforth/lib, where the
// program is <prefix>/bin/xforth, then lib/ beside the program (a build in
// the source tree).
std::vector<std::string> library_dirs();
void run_terminal();             // reads lines until end of input or BYE
void reset_after_error();        // empty stacks, interpret state, terminal input

}  // namespace xf
