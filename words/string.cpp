// SPDX-License-Identifier: MIT
// (to be written)
#include "words/registry.h"

namespace xf {

void register_string_words() {}

}  // namespace xf
