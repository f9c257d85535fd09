// SPDX-License-Identifier: MIT
#include "core/number.h"
#include <cstdlib>
#include <string>

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

// [sign] digits [. digits0] | [sign] . digits  -> digits into `norm`; returns chars used.
static size_t significand(std::string_view s, std::string& norm, bool& any_digit) {
    size_t i = 0;
    any_digit = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) norm += s[i++];
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') { norm += s[i++]; any_digit = true; }
    if (i < s.size() && s[i] == '.') {
        norm += s[i++];
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') { norm += s[i++]; any_digit = true; }
    }
    return i;
}

// marker [sign] digits0 -> "e[sign]digits" into norm; false when malformed.
static bool exponent(std::string_view s, std::string& norm, bool marker_needed, bool sign_marker_ok) {
    size_t i = 0;
    bool marker = false;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E' || (sign_marker_ok && (s[i] == 'd' || s[i] == 'D')))) { ++i; marker = true; }
    std::string e = "e";
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
        if (!marker && !sign_marker_ok) return false;
        marker = true;
        e += s[i++];
    }
    if (!marker) return !marker_needed && s.empty();
    std::string digits;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') digits += s[i++];
    if (i != s.size()) return false;
    norm += e + (digits.empty() ? "0" : digits);
    return true;
}

bool parse_float_literal(std::string_view s, double& out) {
    std::string norm;
    bool any = false;
    size_t used = significand(s, norm, any);
    if (!any || (norm.size() && (norm[0] == '.' || ((norm[0] == '-' || norm[0] == '+') && norm.size() > 1 && norm[1] == '.')))) return false;
    if (!exponent(s.substr(used), norm, true, false)) return false;
    out = strtod(norm.c_str(), nullptr);
    return true;
}

bool to_float(std::string_view s, double& out) {
    // Only a string of blanks (or an empty one) is special: zero. Blanks
    // around a number make it invalid, as Forth-2012 12.6.1.0558 reads.
    if (s.find_first_not_of(' ') == std::string_view::npos) { out = 0.0; return true; }
    std::string norm;
    bool any = false;
    size_t used = significand(s, norm, any);
    if (!any) return false;
    if (!exponent(s.substr(used), norm, false, true)) return false;
    out = strtod(norm.c_str(), nullptr);
    return true;
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
