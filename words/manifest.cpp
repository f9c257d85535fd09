// SPDX-License-Identifier: MIT
// Every built-in word, in dictionary order.
#include "words/registry.h"

namespace xf {

void register_all_words() {
    register_stack_words();
    register_arith_words();
    register_compare_words();
    register_memory_words();
    register_control_words();
    register_define_words();
    register_parse_words();
    register_io_words();
    register_double_words();
    register_string_words();
    register_memalloc_words();
    register_facility_words();
    register_xchar_words();
    register_file_words();
    register_block_words();
    register_search_words();
    register_tools_words();
    register_locals_words();
    register_float_words();
    register_help_words();
}

}  // namespace xf
