// SPDX-License-Identifier: MIT
// (to be written)
#include "words/registry.h"

namespace xf {

void register_search_words() {}

}  // namespace xf
