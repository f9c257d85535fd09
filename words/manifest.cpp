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
}

}  // namespace xf
