// SPDX-License-Identifier: MIT
// Number conversion (core/number.h): what the text interpreter accepts as a
// number, and >NUMBER's digit accumulation.
#include "core/number.h"
#include "support.h"

using namespace xf;
using namespace xf::test;

namespace {
// The single-cell value of `text` in `base`; fails the test when it is not a number.
cell single(std::string_view text, cell base = 10) {
    Number n;
    REQUIRE(parse_number(text, base, n));
    CHECK_FALSE(n.is_double);
    return n.lo;
}
bool accepted(std::string_view text, cell base = 10) {
    Number n;
    return parse_number(text, base, n);
}
}  // namespace

TEST_CASE("parse_number: decimal, and every base from 2 to 36", "[number]") {
    CHECK(single("0") == 0);
    CHECK(single("42") == 42);
    CHECK(single("007") == 7);
    CHECK(single("9223372036854775807") == INT64_MAX);
    for (cell base = 2; base <= 36; ++base) {
        // "10" is the base itself, and the highest digit is base-1.
        CHECK(single("10", base) == base);
        const char top = char(base - 1 < 10 ? '0' + base - 1 : 'a' + base - 11);
        CHECK(single(std::string(1, top), base) == base - 1);
        CHECK(single(std::string("1") + top, base) == 2 * base - 1);
    }
    CHECK(single("101101", 2) == 45);
    CHECK(single("777", 8) == 511);
    CHECK(single("ff", 16) == 255);
    CHECK(single("zz", 36) == 35 * 36 + 35);
}

TEST_CASE("parse_number: letters are digits in either case", "[number]") {
    CHECK(single("FF", 16) == 255);
    CHECK(single("fF", 16) == 255);
    CHECK(single("Zz", 36) == 35 * 36 + 35);
    CHECK(single("DeadBeef", 16) == 0xdeadbeef);
}

TEST_CASE("parse_number: # $ % prefixes override BASE", "[number]") {
    CHECK(single("#10", 16) == 10);
    CHECK(single("$10", 10) == 16);
    CHECK(single("%10", 10) == 2);
    CHECK(single("$ff", 2) == 255);
    CHECK(single("#99", 2) == 99);
    CHECK(single("%1111", 36) == 15);
    CHECK(single("$7FFFFFFFFFFFFFFF") == INT64_MAX);
    // Digits are checked against the prefix's base, not BASE.
    CHECK_FALSE(accepted("%12", 16));
    CHECK_FALSE(accepted("#1a", 16));
    CHECK_FALSE(accepted("$g", 36));
}

TEST_CASE("parse_number: a leading '-', before or after the prefix", "[number]") {
    CHECK(single("-1") == -1);
    CHECK(single("-0") == 0);
    CHECK(single("-$10") == -16);
    CHECK(single("$-10") == -16);
    CHECK(single("-#10", 16) == -10);
    CHECK(single("#-10", 16) == -10);
    CHECK(single("-%101") == -5);
    CHECK(single("%-101") == -5);
    CHECK(single("-ff", 16) == -255);
    CHECK(single("-9223372036854775808") == INT64_MIN);
    // One '-' only, and only at the front of the digits.
    CHECK_FALSE(accepted("--1"));
    CHECK_FALSE(accepted("-$-10"));
    CHECK_FALSE(accepted("1-"));
    CHECK_FALSE(accepted("1-2"));
    CHECK_FALSE(accepted("$1-"));
}

TEST_CASE("parse_number: a trailing '.' makes a double-cell number", "[number]") {
    Number n;
    REQUIRE(parse_number("1.", 10, n));
    CHECK(n.is_double);
    CHECK(n.lo == 1);
    CHECK(n.hi == 0);
    REQUIRE(parse_number("-1.", 10, n));
    CHECK(n.is_double);
    CHECK(n.lo == -1);
    CHECK(n.hi == -1);
    REQUIRE(parse_number("18446744073709551616.", 10, n));   // 2^64
    CHECK(n.lo == 0);
    CHECK(n.hi == 1);
    REQUIRE(parse_number("-18446744073709551616.", 10, n));  // -2^64
    CHECK(n.lo == 0);
    CHECK(n.hi == -1);
    REQUIRE(parse_number("$FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF.", 10, n));
    CHECK(n.lo == -1);
    CHECK(n.hi == -1);
    REQUIRE(parse_number("$-10.", 10, n));
    CHECK(n.lo == -16);
    CHECK(n.hi == -1);
    REQUIRE(parse_number("0.", 10, n));
    CHECK(n.is_double);
    CHECK(n.lo == 0);
    CHECK(n.hi == 0);
    REQUIRE(parse_number("-5", 10, n));
    CHECK_FALSE(n.is_double);
    CHECK(n.lo == -5);
    // The '.' only at the end, once.
    CHECK_FALSE(accepted("1.5"));
    CHECK_FALSE(accepted(".5"));
    CHECK_FALSE(accepted("1.."));
    CHECK_FALSE(accepted("."));
    CHECK_FALSE(accepted("-."));
    CHECK_FALSE(accepted("$."));
}

TEST_CASE("parse_number: 'c' character literals", "[number]") {
    CHECK(single("'a'") == 'a');
    CHECK(single("'Z'") == 'Z');
    CHECK(single("' '") == ' ');
    CHECK(single("'''") == '\'');
    CHECK(single("'1'", 2) == '1');         // BASE does not matter
    CHECK(single("'\xe9'") == 0xe9);        // a byte above 127 is not negative
    CHECK_FALSE(accepted("'ab'"));
    CHECK_FALSE(accepted("'a"));
    CHECK_FALSE(accepted("''"));
    CHECK_FALSE(accepted("-'a'"));
}

TEST_CASE("parse_number: what is not a number", "[number]") {
    CHECK_FALSE(accepted(""));
    CHECK_FALSE(accepted("-"));
    CHECK_FALSE(accepted("$"));
    CHECK_FALSE(accepted("#"));
    CHECK_FALSE(accepted("%"));
    CHECK_FALSE(accepted("-$"));
    CHECK_FALSE(accepted("$-"));
    CHECK_FALSE(accepted("1x"));
    CHECK_FALSE(accepted("x1"));
    CHECK_FALSE(accepted("1 2"));
    CHECK_FALSE(accepted("+1"));
    CHECK_FALSE(accepted("2", 2));          // a digit must be below the base
    CHECK_FALSE(accepted("8", 8));
    CHECK_FALSE(accepted("a", 10));
    CHECK_FALSE(accepted("g", 16));
    // A BASE outside 2..36 converts nothing (a prefix still sets its own base).
    CHECK_FALSE(accepted("1", 37));
    CHECK_FALSE(accepted("1", 1));
    CHECK_FALSE(accepted("0", 0));
    CHECK_FALSE(accepted("1", -10));
    CHECK(single("$1f", 37) == 31);
}

TEST_CASE("parse_number: overflow wraps modulo 2^64 (2^128 for doubles), as in Gforth", "[number]") {
    CHECK(single("18446744073709551616") == 0);           // 2^64
    CHECK(single("18446744073709551617") == 1);
    CHECK(single("18446744073709551615") == -1);          // 2^64-1
    CHECK(single("9223372036854775808") == INT64_MIN);    // 2^63
    CHECK(single("-9223372036854775809") == INT64_MAX);
    CHECK(single("$FFFFFFFFFFFFFFFFF") == -1);            // 17 digits
    CHECK(single("$10000000000000001") == 1);
    Number n;
    REQUIRE(parse_number("340282366920938463463374607431768211457.", 10, n));  // 2^128+1
    CHECK(n.lo == 1);
    CHECK(n.hi == 0);
}

TEST_CASE("to_number: accumulates digits and stops at the first non-digit", "[number]") {
    udcell ud = 0;
    CHECK(to_number(ud, "123", 10) == 3);
    CHECK(ud == 123);
    ud = 0;
    CHECK(to_number(ud, "12x4", 10) == 2);
    CHECK(ud == 12);
    ud = 5;   // continues from what is there
    CHECK(to_number(ud, "67", 10) == 2);
    CHECK(ud == 567);
    ud = 0;
    CHECK(to_number(ud, "", 10) == 0);
    CHECK(ud == 0);
    ud = 0;
    CHECK(to_number(ud, "-1", 10) == 0);   // no sign in >NUMBER
    ud = 0;
    CHECK(to_number(ud, "ffG", 16) == 2);
    CHECK(ud == 0xff);
    ud = 0;
    CHECK(to_number(ud, "ZZ", 36) == 2);
    CHECK(ud == 35 * 36 + 35);
}

TEST_CASE("to_number: carries into the high cell and wraps at 2^128", "[number]") {
    udcell ud = 0;
    CHECK(to_number(ud, "18446744073709551616", 10) == 20);   // 2^64
    CHECK(ucell(ud) == 0);
    CHECK(ucell(ud >> 64) == 1);
    ud = 0;
    CHECK(to_number(ud, "100000000000000000000000000000000", 16) == 33);   // 16^32 = 2^128
    CHECK(ud == 0);
}

TEST_CASE("digit_value: a digit of the base, or -1", "[number]") {
    CHECK(digit_value('0', 2) == 0);
    CHECK(digit_value('1', 2) == 1);
    CHECK(digit_value('2', 2) == -1);
    CHECK(digit_value('9', 10) == 9);
    CHECK(digit_value('a', 10) == -1);
    CHECK(digit_value('a', 11) == 10);
    CHECK(digit_value('A', 11) == 10);
    CHECK(digit_value('z', 36) == 35);
    CHECK(digit_value('Z', 36) == 35);
    CHECK(digit_value('/', 36) == -1);
    CHECK(digit_value(':', 36) == -1);
    CHECK(digit_value('@', 36) == -1);
    CHECK(digit_value('[', 36) == -1);
    CHECK(digit_value('`', 36) == -1);
    CHECK(digit_value('{', 36) == -1);
}

TEST_CASE("numbers through the text interpreter, interpreted and compiled", "[number]") {
    CHECK(run("10 $10 #10 %10") == std::vector<cell>{10, 16, 10, 2});
    CHECK(run("hex 10 ff decimal 10") == std::vector<cell>{16, 255, 10});
    CHECK(run("1. -2.") == std::vector<cell>{1, 0, -2, -1});
    CHECK(run(": t-num $ff -3 'x' 7. ; t-num") == std::vector<cell>{255, -3, 'x', 7, 0});
    CHECK(run("36 base ! zz decimal") == std::vector<cell>{35 * 36 + 35});
    CHECK(throw_of("1x") == -13);
    CHECK(throw_of("37 base ! 1") == -13);
    run("decimal");   // an error leaves BASE as it was
    CHECK(run("1") == std::vector<cell>{1});
}
