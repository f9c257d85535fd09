// SPDX-License-Identifier: MIT
// Extended characters (XCHAR, XCHAR EXT) in UTF-8.
//
// Words that read xchars out of memory at a known address throw -77
// (malformed xchar) on a bad lead or continuation byte, as Gforth does;
// the words meant for cleaning up text (-TRAILING-GARBAGE, X\STRING-,
// X-WIDTH) and keyboard input take malformed bytes one at a time instead.
// Display widths come from the C library's tables for C.UTF-8.
// XHOLD is in kernel.fs, on top of HOLD.
#include "words/xchar.h"
#include "core/interpreter.h"
#include "words/registry.h"
#include <clocale>
#include <cstdio>
#include <algorithm>
#include <cwchar>
#include <utility>

namespace xf {

// -- The codec -------------------------------------------------------------------

namespace utf8 {

int size_of(ucell xc) {
    if (xc < 0x80) return 1;
    if (xc < 0x800) return 2;
    if (xc < 0x10000) return 3;
    if (xc < 0x200000) return 4;
    if (xc < 0x4000000) return 5;
    if (xc <= MAX_XCHAR) return 6;
    return 0;
}

bool is_continuation(uint8_t b) { return (b & 0xc0) == 0x80; }

int lead_size(uint8_t b) {
    if (b < 0x80) return 1;
    if (b < 0xc0) return 0;
    if (b < 0xe0) return 2;
    if (b < 0xf0) return 3;
    if (b < 0xf8) return 4;
    if (b < 0xfc) return 5;
    if (b < 0xfe) return 6;
    return 0;
}

int encode(ucell xc, uint8_t* out) {
    int n = size_of(xc);
    if (n == 1) {
        out[0] = uint8_t(xc);
        return 1;
    }
    for (int i = n - 1; i > 0; --i) {
        out[i] = uint8_t(0x80 | (xc & 0x3f));
        xc >>= 6;
    }
    out[0] = uint8_t((0xff00 >> n) | xc);   // n leading ones, then the top bits
    return n;
}

size_t decode(const uint8_t* p, size_t avail, ucell& xc) {
    if (avail == 0) return 0;
    int n = lead_size(p[0]);
    if (n == 0 || size_t(n) > avail) return 0;
    xc = n == 1 ? p[0] : p[0] & (0x7f >> n);
    for (int i = 1; i < n; ++i) {
        if (!is_continuation(p[i])) return 0;
        xc = (xc << 6) | (p[i] & 0x3f);
    }
    return size_t(n);
}

int width(ucell xc) {
    static locale_t utf8_locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", locale_t(0));
    if (xc < 0x20 || xc == 0x7f) return 0;
    if (!utf8_locale || xc > 0x10ffff) return 1;
    locale_t old = uselocale(utf8_locale);
    int w = wcwidth(wchar_t(xc));
    uselocale(old);
    return w < 0 ? 0 : w;
}

}  // namespace utf8

using namespace utf8;

cell read_xchar_rest(int lead) {
    int n = lead_size(uint8_t(lead));
    if (n <= 1) return lead;
    cell xc = lead & (0x7f >> n);
    for (int i = 1; i < n; ++i) {
        int c = getc(stdin);
        if (c == EOF) return lead;
        if (!is_continuation(uint8_t(c))) {
            ungetc(c, stdin);
            return lead;
        }
        xc = (xc << 6) | (c & 0x3f);
    }
    return xc;
}

// -- Words -------------------------------------------------------------------------

constexpr cell MALFORMED = -77;

static ucell pop_xchar() {   // an xchar that can be encoded, or -77
    ucell xc = ucell(vm.ds.pop());
    if (xc > MAX_XCHAR) throw_code(MALFORMED);
    return xc;
}
// The xchar at p, which announces its own length; -77 when malformed.
static size_t decode_or_throw(const uint8_t* p, ucell& xc) {
    size_t n = decode(p, MAX_SIZE, xc);
    if (n == 0) throw_code(MALFORMED);
    return n;
}

static void xc_size() { vm.ds.push(size_of(pop_xchar())); }   // ( xchar -- u )
static void xc_width() { vm.ds.push(width(pop_xchar())); }    // ( xchar -- n )

static void xc_fetch_plus() {   // ( xc-addr1 -- xc-addr2 xchar )
    auto* p = (const uint8_t*)vm.ds.pop();
    ucell xc;
    size_t n = decode_or_throw(p, xc);
    vm.ds.push((cell)(p + n));
    vm.ds.push(cell(xc));
}
static void xc_fetch() {   // ( xc-addr -- xchar )
    auto* p = (const uint8_t*)vm.ds.pop();
    ucell xc;
    decode_or_throw(p, xc);
    vm.ds.push(cell(xc));
}
static void xc_store_plus() {   // ( xchar xc-addr1 -- xc-addr2 )
    auto* p = (uint8_t*)vm.ds.pop();
    ucell xc = pop_xchar();
    vm.ds.push((cell)(p + encode(xc, p)));
}
static void xc_store_plus_question() {   // ( xchar xc-addr1 u1 -- xc-addr2 u2 flag )
    cell room = vm.ds.pop();
    auto* p = (uint8_t*)vm.ds.pop();
    ucell xc = pop_xchar();
    int n = size_of(xc);
    bool fits = room >= n;
    if (fits) encode(xc, p);
    vm.ds.push((cell)(fits ? p + n : p));
    vm.ds.push(fits ? room - n : room);
    vm.ds.push(fits ? TRUE : 0);
}
static void xc_comma() {   // ( xchar -- )
    ucell xc = pop_xchar();
    uint8_t buf[MAX_SIZE];
    int n = encode(xc, buf);
    for (int i = 0; i < n; ++i) ccomma(buf[i]);
}
static void xchar_plus() {   // ( xc-addr1 -- xc-addr2 )
    auto* p = (const uint8_t*)vm.ds.pop();
    ucell xc;
    vm.ds.push((cell)(p + decode_or_throw(p, xc)));
}
static void xchar_minus() {   // ( xc-addr1 -- xc-addr2 ): back over continuation bytes
    auto* p = (const uint8_t*)vm.ds.pop() - 1;
    for (int i = 1; i < MAX_SIZE && is_continuation(*p); ++i) --p;
    vm.ds.push((cell)p);
}

static std::pair<const uint8_t*, size_t> pop_string() {
    cell n = vm.ds.pop();
    auto* a = (const uint8_t*)vm.ds.pop();
    if (n < 0) throw_code(-24);
    return {a, size_t(n)};
}

static void x_size() {   // ( xc-addr u1 -- u2 ) the size its first byte announces
    auto [p, n] = pop_string();
    if (n == 0) { vm.ds.push(0); return; }
    int size = lead_size(p[0]);
    if (size == 0) throw_code(MALFORMED);
    vm.ds.push(size);
}
static void plus_x_slash_string() {   // ( xc-addr1 u1 -- xc-addr2 u2 )
    auto [p, n] = pop_string();
    size_t step = 0;
    if (n > 0) {
        int size = lead_size(p[0]);
        if (size == 0) throw_code(MALFORMED);
        step = std::min(size_t(size), n);
    }
    vm.ds.push((cell)(p + step));
    vm.ds.push(cell(n - step));
}
// Where the last xchar of [p, p+n), n > 0, starts: back over up to five
// continuation bytes to the byte before them. Continuation bytes left over
// after a complete xchar are a (malformed) xchar of their own.
static size_t last_start(const uint8_t* p, size_t n) {
    size_t i = n - 1;
    for (int k = 1; k < MAX_SIZE && i > 0 && is_continuation(p[i]); ++k) --i;
    ucell xc;
    size_t size = decode(p + i, n - i, xc);
    return size > 0 && i + size < n ? i + size : i;
}
static void x_backslash_string_minus() {   // ( xc-addr u1 -- xc-addr u2 )
    auto [p, n] = pop_string();
    vm.ds.push((cell)p);
    vm.ds.push(n == 0 ? 0 : cell(last_start(p, n)));
}
// ( xc-addr u1 -- xc-addr u2 ): drops the last xchar when it is cut off or
// malformed; a complete last xchar stays.
static void minus_trailing_garbage() {
    auto [p, n] = pop_string();
    size_t keep = n;
    if (n > 0) {
        size_t start = last_start(p, n);
        ucell xc;
        if (decode(p + start, n - start, xc) != n - start) keep = start;
    }
    vm.ds.push((cell)p);
    vm.ds.push(cell(keep));
}
static void x_width() {   // ( xc-addr u -- n )
    auto [p, n] = pop_string();
    cell w = 0;
    for (size_t i = 0; i < n;) {
        ucell xc;
        size_t step = decode(p + i, n - i, xc);
        if (step == 0) {   // a malformed byte takes one column
            ++w;
            ++i;
            continue;
        }
        w += width(xc);
        i += step;
    }
    vm.ds.push(w);
}

static void xemit() {   // ( xchar -- )
    uint8_t buf[MAX_SIZE];
    fwrite(buf, 1, size_t(encode(pop_xchar(), buf)), stdout);
}
static void xkey() {   // ( -- xchar ): 4 (EOT) at the end of input, as EKEY
    fflush(stdout);
    int c = getc(stdin);
    vm.ds.push(c == EOF ? 4 : read_xchar_rest(c));
}
static void ekey_to_xchar() {   // ( u -- u false | xchar true )
    ucell u = ucell(vm.ds.top());
    vm.ds.push(u <= MAX_XCHAR ? TRUE : 0);
}

static const HelperDef xchar_helpers[] = {
    {"XC-SIZE", "( xchar -- u )", xc_size},
    {"XC-WIDTH", "( xchar -- n )", xc_width},
    {"XC@+", "( xc-addr1 -- xc-addr2 xchar )", xc_fetch_plus},
    {"XC@", "( xc-addr -- xchar )", xc_fetch},
    {"XC!+", "( xchar xc-addr1 -- xc-addr2 )", xc_store_plus},
    {"XC!+?", "( xchar xc-addr1 u1 -- xc-addr2 u2 flag )", xc_store_plus_question},
    {"XC,", "( xchar -- )", xc_comma},
    {"XCHAR+", "( xc-addr1 -- xc-addr2 )", xchar_plus},
    {"XCHAR-", "( xc-addr1 -- xc-addr2 )", xchar_minus},
    {"X-SIZE", "( xc-addr u1 -- u2 )", x_size},
    {"+X/STRING", "( xc-addr1 u1 -- xc-addr2 u2 )", plus_x_slash_string},
    {"X\\STRING-", "( xc-addr u1 -- xc-addr u2 )", x_backslash_string_minus},
    {"-TRAILING-GARBAGE", "( xc-addr u1 -- xc-addr u2 )", minus_trailing_garbage},
    {"X-WIDTH", "( xc-addr u -- n )", x_width},
    {"XEMIT", "( xchar -- )", xemit},
    {"XKEY", "( -- xchar )", xkey},
    {"XKEY?", "( -- flag )", [] { vm.ds.push(key_ready(0) ? TRUE : 0); }},
    {"EKEY>XCHAR", "( u -- u false | xchar true )", ekey_to_xchar},
};

void register_xchar_words() { define_all(xchar_helpers); }

}  // namespace xf
