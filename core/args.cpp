// SPDX-License-Identifier: MIT
#include "core/args.h"

namespace xf {

std::vector<const char*> args;

}  // namespace xf
