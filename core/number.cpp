// SPDX-License-Identifier: MIT
#include "core/number.h"

namespace xf {

int digit_value(char c, cell base) {
    int d;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (c >= 'a' && c <= 'z') d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'Z') d = c - 'A' + 10;
    else return -1;
    return d < base ? d : -1;
}

size_t to_number(udcell& ud, std::string_view text, cell base) {
    size_t i = 0;
    for (; i < text.size(); ++i) {
        int d = digit_value(text[i], base);
        if (d < 0) break;
        ud = ud * udcell(ucell(base)) + udcell(d);
    }
    return i;
}

bool parse_number(std::string_view s, cell base, Number& out) {
    out = Number{};
    if (s.size() == 3 && s[0] == '\'' && s[2] == '\'') {
        out.lo = (unsigned char)s[1];
        return true;
    }
    bool negative = false;
    if (!s.empty() && s[0] == '-') { negative = true; s.remove_prefix(1); }
    if (!s.empty()) {
        switch (s[0]) {
        case '#': base = 10; s.remove_prefix(1); break;
        case '$': base = 16; s.remove_prefix(1); break;
        case '%': base = 2; s.remove_prefix(1); break;
        }
    }
    if (!negative && !s.empty() && s[0] == '-') { negative = true; s.remove_prefix(1); }
    if (base < 2 || base > 36) return false;
    if (!s.empty() && s.back() == '.') { out.is_double = true; s.remove_suffix(1); }
    if (s.empty()) return false;
    udcell ud = 0;
    if (to_number(ud, s, base) != s.size()) return false;
    if (negative) ud = udcell(0) - ud;
    out.lo = cell(ucell(ud));
    out.hi = cell(ucell(ud >> 64));
    return true;
}

}  // namespace xf
