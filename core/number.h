// SPDX-License-Identifier: MIT
// Number conversion as the text interpreter does it (Forth-2012 3.4.1.3):
// BASE digits, a `#` `$` `%` prefix for decimal, hex and binary, a leading
// `-`, a trailing `.` for a double-cell number, and 'c' character literals.
#pragma once
#include "core/vm.h"
#include <string_view>

namespace xf {

struct Number {
    cell lo = 0, hi = 0;
    bool is_double = false;
};

// Returns false when the text is not a number in the given base.
bool parse_number(std::string_view text, cell base, Number& out);

// >NUMBER: accumulates digits into ud; returns how many characters it used.
size_t to_number(udcell& ud, std::string_view text, cell base);

int digit_value(char c, cell base);   // -1 when not a digit of base

// Floating-point text (FLOATING 12.3.7 and 12.6.1.0558). The interpreter's
// form needs an exponent marker E (`1e`, `-1.5E-3`); >FLOAT also takes
// D, a bare sign as the marker (`1.5+3`), no exponent at all, and a string of
// blanks (zero).
bool parse_float_literal(std::string_view text, double& out);
bool to_float(std::string_view text, double& out);

}  // namespace xf
