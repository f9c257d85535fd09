// SPDX-License-Identifier: MIT
// (to be written)
#include "words/registry.h"

namespace xf {

void register_float_words() {}

}  // namespace xf
