// SPDX-License-Identifier: MIT
// The optimised compiler and -O0 must agree: thousands of generated
// definitions (stack shuffles, arithmetic, literals before operators,
// comparisons before IF, nested IF/ELSE, DO loops, calls to small words that
// get inlined or tail-called) are compiled both ways and run on the same
// inputs.
#include "support.h"
#include <random>

using namespace xf;
using namespace xf::test;

namespace {

class SourceGen {
public:
    explicit SourceGen(uint64_t seed) : rng(seed) {}

    // A body that takes `in` items and leaves `out` of them; `helpers` small
    // words ( n1 n2 -- n3 ) may be called by name + suffix.
    std::string body(int in, int out, int helpers, int depth_left) {
        std::string s;
        int d = in;
        int steps = 2 + int(pick(10));
        for (int i = 0; i < steps; ++i) step(s, d, helpers, depth_left);
        while (d > out) { s += pick(2) ? "drop " : "nip "; --d; }
        while (d < out) { s += number() + " "; ++d; }
        return s;
    }

private:
    std::mt19937_64 rng;
    uint64_t pick(uint64_t n) { return rng() % n; }
    std::string number() {
        static const char* const special[] = {"0", "1", "-1", "2", "7", "-9223372036854775808", "9223372036854775807",
                                              "$100000000", "-4096", "255", "$FFFFFFFF"};
        return pick(3) ? std::to_string(int(pick(41)) - 20) : special[pick(std::size(special))];
    }
    void step(std::string& s, int& d, int helpers, int depth_left) {
        static const char* const binary[] = {"+", "-", "*", "and", "or", "xor", "=", "<>", "<", ">", "<=", ">=",
                                             "u<", "u>", "min", "max", "lshift", "rshift"};
        static const char* const unary[] = {"negate", "invert", "1+", "1-", "2*", "2/", "abs", "0=", "0<", "0>", "0<>", "cells"};
        static const char* const compare[] = {"=", "<>", "<", ">", "<=", ">=", "u<", "u>", "0=", "0<", "0>", "0<>"};
        switch (pick(21)) {
        case 0: s += number() + " "; ++d; break;
        case 1:
            if (d >= 1) { s += "dup "; ++d; }
            break;
        case 2:
            if (d >= 2 && pick(2)) s += "swap ";
            else if (d >= 2) { s += "over "; ++d; }
            break;
        case 3:
            if (d >= 3) s += pick(2) ? "rot " : "-rot ";
            break;
        case 4:
            if (d >= 2) {
                std::string op = binary[pick(std::size(binary))];
                if (op == "lshift" || op == "rshift") s += "63 and ";
                s += op + " ";
                --d;
            }
            break;
        case 5:   // a literal before an operator: the lit-op rule
            if (d >= 1) { s += number() + " " + binary[pick(14)] + " "; }
            break;
        case 6:
            if (d >= 1) s += std::string(unary[pick(std::size(unary))]) + " ";
            break;
        case 7:   // comparison before IF, with both branches leaving the same depth
            if (d >= 2 && depth_left > 0) {
                std::string c = compare[pick(std::size(compare))];
                bool zero = c[0] == '0';
                if (!zero && pick(2)) s += number() + " ";   // compared with a literal
                else if (!zero) --d;                          // compared with the item below
                s += c + " if ";
                --d;   // IF consumes the flag
                int keep = d;
                s += body(keep, keep, 0, depth_left - 1);
                if (pick(2)) s += "else " + body(keep, keep, 0, depth_left - 1);
                s += "then ";
            }
            break;
        case 8:   // a counted loop that changes nothing net
            if (d >= 1 && depth_left > 0) {
                // (helpers called in a loop are inlined there up to 40 ops)
                s += std::to_string(pick(4)) + " 0 ?do " + body(d, d, helpers, depth_left - 1) + "i + loop ";
            }
            break;
        case 9:
            if (helpers > 0 && d >= 2) {
                s += "h" + std::to_string(pick(uint64_t(helpers))) + "%% ";
                --d;
            }
            break;
        case 10:
            if (d >= 2) { s += "tuck "; ++d; }
            break;
        case 11:
            if (d >= 3) { s += "2 pick "; ++d; }
            break;
        case 12:   // the return stack around a piece of code
            if (d >= 2 && depth_left > 0) s += ">r " + body(d - 1, d - 1, 0, depth_left - 1) + "r> ";
            break;
        case 13: {   // memory: a cell or a byte of the scratch buffer
            std::string at = std::to_string(pick(8)) + " cells dbuf + ";
            // or at an index computed from the top item (base + index*8);
            // either way `at` leaves one more item, the address
            if (d >= 1 && pick(2)) at = pick(2) ? "dup 7 and cells dbuf + " : "dup 7 and dbuf swap cells + ";
            switch (pick(5)) {
            case 0: if (d >= 1) { s += "dup " + at + "! "; } break;
            case 1: s += at + "@ "; ++d; break;
            case 2: if (d >= 1) { s += at + "+! "; --d; } break;
            case 3: if (d >= 1) { s += "dup " + at + "c! " + at + "c@ + "; } break;
            default: if (d >= 1) { s += "dbuf ! dbuf @ "; } break;
            }
            break;
        }
        case 14:   // BEGIN loops, the counter on the return stack or on top
            if (d >= 1 && depth_left > 0) {
                if (pick(2)) s += std::to_string(pick(4)) + " begin >r " + body(d, d, helpers, depth_left - 1) + "r> 1- dup 0< until drop ";
                else s += std::to_string(pick(4)) + " begin dup while 1- >r " + body(d, d, helpers, depth_left - 1) + "r> repeat drop ";
            }
            break;
        case 15:   // a loop that leaves one more item each time round, then drops them
            if (d >= 1 && depth_left > 0) {
                int n = int(pick(4));
                s += std::to_string(n) + " 0 ?do dup i + loop ";
                for (int k = 0; k < n; ++k) s += "drop ";
            }
            break;
        case 16: {   // through the float stack and back
            static const char* const fl[] = {"s>f 3e f* f>s ", "s>f fdup f+ f>s ", "s>f 2e fswap f- fnegate f>s ",
                                             "s>f fdup fdup f* f+ fabs fsqrt f>s ", "s>f 1e fover fover f/ f+ fnip f>s ",
                                             "s>f fdup fvar f! fvar f@ f* f>s ", "s>f 0.5e frot frot fdrop fdrop f>s "};
            if (d >= 1) s += fl[pick(std::size(fl))];
            break;
        }
        case 17:   // IF ... [ELSE ...] THEN right before LOOP or +LOOP: the latch copied into the branches
            if (d >= 1 && depth_left > 0) {
                static const char* const up[] = {"loop ", "1 +loop ", "2 +loop ", "i 2* 1+ +loop "};
                int lim = int(pick(6));
                bool down = pick(4) == 0;
                s += down ? "0 " + std::to_string(lim) + " ?do " : std::to_string(lim) + " 0 ?do ";
                s += pick(2) ? "i 1 and if " : "dup i > if ";
                s += body(d, d, 0, depth_left - 1);
                if (pick(2)) s += "else " + body(d, d, 0, depth_left - 1);
                s += "then ";
                if (pick(2)) s += "i + ";
                s += down ? "-1 +loop " : up[pick(std::size(up))];
            }
            break;
        case 18:   // LEAVE from inside an IF before the latch
            if (d >= 1 && depth_left > 0) {
                s += std::to_string(pick(6)) + " 0 ?do " + body(d, d, 0, depth_left - 1) + "dup i < if leave then loop ";
            }
            break;
        case 19:   // ?DUP before IF and WHILE, and a THROW that does not throw
            if (d >= 1 && depth_left > 0) {
                switch (pick(3)) {
                case 0: s += "dup ?dup if " + body(d + 1, d + 1, 0, depth_left - 1) + "drop then "; break;
                case 1: s += "dup 3 and begin ?dup while 1- repeat "; break;
                default: s += "dup 0 and throw "; break;
                }
            }
            break;
        default:
            if (d >= 2) s += pick(2) ? "2dup + + " : "2dup 2drop ";
            if (d >= 1) s += pick(2) ? "cell+ " : "3 lshift 1 rshift ";
            break;
        }
    }
};

// Replaces the helper-suffix marker with the mode's suffix.
std::string with_suffix(std::string s, const std::string& suffix) {
    for (size_t at; (at = s.find("%%")) != std::string::npos;) s.replace(at, 2, suffix);
    return s;
}

void define(const std::string& name, const std::string& body, bool opt) {
    bool saved = optimize;
    optimize = opt;
    try {
        run(": " + name + " " + body + " ;");
    } catch (...) {
        optimize = saved;
        throw;
    }
    optimize = saved;
}

}  // namespace

TEST_CASE("optimised and -O0 code agree on thousands of generated definitions", "[differential]") {
    run("create dbuf 64 allot  fvariable fvar");
    SourceGen gen(20261124);
    constexpr int HELPERS = 12;
    for (int h = 0; h < HELPERS; ++h) {
        std::string b = gen.body(2, 1, h, 1);
        if (getenv("XF_SHOW_HELPERS")) printf("h%d: %s\n", h, b.c_str());
        define("h" + std::to_string(h) + "-o", with_suffix(b, "-o"), true);
        define("h" + std::to_string(h) + "-n", with_suffix(b, "-n"), false);
    }
    std::mt19937_64 inputs(7);
    int compared = 0;
    for (int i = 0; i < 3000; ++i) {
        std::string b = gen.body(3, 2, HELPERS, 2);
        std::string o = "df-" + std::to_string(i) + "-o", n = "df-" + std::to_string(i) + "-n";
        define(o, with_suffix(b, "-o"), true);
        define(n, with_suffix(b, "-n"), false);
        for (int k = 0; k < 3; ++k) {
            std::string args = "dbuf 64 erase ";
            for (int a = 0; a < 3; ++a) args += std::to_string(int64_t(inputs()) >> (inputs() % 64)) + " ";
            INFO("definition: " << b << "\ninputs: " << args);
            cell co = 0, cn = 0;
            std::vector<cell> ro, rn;
            try { ro = run(args + o); } catch (const ForthThrow& t) { co = t.code; }
            try { rn = run(args + n); } catch (const ForthThrow& t) { cn = t.code; }
            CHECK(co == cn);
            CHECK(ro == rn);
            ++compared;
        }
    }
    CHECK(compared == 9000);
}

TEST_CASE("optimised and -O0 code agree on recursive definitions (recursion inlining)", "[differential]") {
    const char* const bodies[] = {
        "dup 2 < if exit then dup 1- recurse swap 2 - recurse +",                           // fib
        "over 0= if nip 1+ exit then dup 0= if drop 1- 1 recurse exit then over swap 1- recurse swap 1- swap recurse",
        "over 3 pick < 0= if nip nip exit then 2 pick 1- 2 pick 2 pick recurse >r over 1- over 4 pick recurse >r "
        "dup 1- 3 pick 3 pick recurse nip nip nip r> r> swap rot recurse",                    // tak (>R: not copied)
        "dup 0> if dup 1- recurse + then",                                                    // sum to n
        "dup 10 u< if exit then 10 / recurse 1+",                                             // digits-ish
        "begin dup 1 and while 1- repeat dup 0= if exit then 2/ recurse 1+",
    };
    const char* const inputs[] = {"20", "2 3", "12 8 4", "100", "123456789", "1000"};
    for (size_t i = 0; i < std::size(bodies); ++i) {
        std::string o = "rec-" + std::to_string(i) + "-o", n = "rec-" + std::to_string(i) + "-n";
        define(o, bodies[i], true);
        define(n, bodies[i], false);
        INFO("definition: " << bodies[i]);
        CHECK(run(std::string(inputs[i]) + " " + o) == run(std::string(inputs[i]) + " " + n));
    }
}
