// SPDX-License-Identifier: MIT
// The command line as scripts see it (ARGC ARG NEXT-ARG, Gforth's model):
// ARG 0 is the program's name, the others are the arguments main() has not
// processed yet. While `xforth script.fs a b` runs script.fs they are "a" "b";
// NEXT-ARG takes the first of them, so main() will not treat it as a file.
#pragma once
#include <vector>

namespace xf {

extern std::vector<const char*> args;   // points into argv: stable for the process

}  // namespace xf
