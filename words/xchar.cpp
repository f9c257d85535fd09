// SPDX-License-Identifier: MIT
// (to be written)
#include "words/registry.h"

namespace xf {

void register_xchar_words() {}

}  // namespace xf
