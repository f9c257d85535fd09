// SPDX-License-Identifier: MIT
// Catch2's main, alone in its translation unit so that editing a test does
// not recompile the ~20 s header.
#define CATCH_CONFIG_MAIN
// xforth's own handlers turn faults in native code into THROW codes, which
// the tests check; Catch2's would replace them while a test runs.
#define CATCH_CONFIG_NO_POSIX_SIGNALS
#include "core/vm.h"
#include <catch2/catch.hpp>
#include <string>

// A Forth THROW that no test expected shows its code, not "Unknown exception".
CATCH_TRANSLATE_EXCEPTION(const xf::ForthThrow& t) { return "Forth THROW " + std::to_string(t.code); }
