// SPDX-License-Identifier: MIT
// Registering primitives and helpers as words. Each word set lives in one
// file of words/ and exposes one register function; words/manifest.cpp calls
// them in dictionary order.
#pragma once
#include "asm/prim.h"
#include "core/dictionary.h"
#include <source_location>
#include <string_view>
#include <vector>

namespace xf {

// `file` is the words/*.cpp file that defines the word: define_all passes
// its caller's (LOCATE names it).
Word* define_prim(const Prim& p, const char* file = nullptr);
Word* define_helper(const HelperDef& h, const char* file = nullptr);
template <size_t N> void define_all(const Prim (&t)[N], std::source_location at = std::source_location::current()) {
    for (const Prim& p : t) define_prim(p, at.file_name());
}
template <size_t N> void define_all(const HelperDef (&t)[N], std::source_location at = std::source_location::current()) {
    for (const HelperDef& h : t) define_helper(h, at.file_name());
}
// A built-in word made some other way (CATCH, the key constants): its stack comment and file.
void note_builtin(Word* w, const char* stack, std::source_location at = std::source_location::current());

// The primitive registered under this name, whatever the user redefined since.
Word* prim_word(std::string_view name);
// The stack comment of a built-in word, or nullptr. Text after the comment
// is a glossary line: "( u -- ) at most 1024".
const char* stack_comment(const Word* w);
// The words/*.cpp file that defines a built-in word, or nullptr.
const char* defined_in(const Word* w);
// A glossary line for a built-in word from words/glossary.cpp, or nullptr.
const char* glossary_entry(std::string_view name);
std::vector<const char*> glossary_names();   // the table's names, for tests

void register_stack_words();
void register_arith_words();
void register_compare_words();
void register_memory_words();
void register_control_words();
void register_define_words();
void register_parse_words();
void register_io_words();
void register_double_words();
void register_string_words();
void register_memalloc_words();
void register_facility_words();
void register_xchar_words();
void register_file_words();
void register_block_words();
void register_search_words();
void register_tools_words();
void register_locals_words();
void register_float_words();
void register_help_words();
void register_all_words();   // the manifest

}  // namespace xf
