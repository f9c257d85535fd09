// SPDX-License-Identifier: MIT
// Registering primitives and helpers as words. Each word set lives in one
// file of words/ and exposes one register function; words/manifest.cpp calls
// them in dictionary order.
#pragma once
#include "asm/prim.h"
#include "core/dictionary.h"
#include <string_view>

namespace xf {

Word* define_prim(const Prim& p);
Word* define_helper(const HelperDef& h);
template <size_t N> void define_all(const Prim (&t)[N]) { for (const Prim& p : t) define_prim(p); }
template <size_t N> void define_all(const HelperDef (&t)[N]) { for (const HelperDef& h : t) define_helper(h); }

// The primitive registered under this name, whatever the user redefined since.
Word* prim_word(std::string_view name);
// The stack comment of a built-in word, or nullptr.
const char* stack_comment(const Word* w);

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
void register_all_words();   // the manifest

}  // namespace xf
