// SPDX-License-Identifier: MIT
// Catch2's main, alone in its translation unit so that editing a test does
// not recompile the ~20 s header.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
