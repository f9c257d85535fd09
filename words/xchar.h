// SPDX-License-Identifier: MIT
// UTF-8, as the XCHAR word set, FACILITY's EKEY and CHAR see it (defined in
// words/xchar.cpp), and keyboard readiness (defined in words/facility.cpp).
//
// An xchar is a code point up to $7FFFFFFF in the original UTF-8 of up to
// six bytes, as in Gforth; surrogates and overlong forms are not rejected.
#pragma once
#include "core/vm.h"

namespace xf {

namespace utf8 {
constexpr ucell MAX_XCHAR = 0x7fffffff;
constexpr int MAX_SIZE = 6;
int size_of(ucell xc);                          // 1..6; 0 when above MAX_XCHAR
int lead_size(uint8_t b);                       // 1..6; 0 for a continuation byte, $FE, $FF
bool is_continuation(uint8_t b);
int encode(ucell xc, uint8_t* out);             // size_of(xc) bytes; xc must be encodable
// One xchar from at most `avail` bytes at p: the bytes it takes, or 0 when
// the bytes there are malformed or cut off.
size_t decode(const uint8_t* p, size_t avail, ucell& xc);
int width(ucell xc);                            // terminal columns, 0 for controls
}  // namespace utf8

// The rest of a UTF-8 sequence from stdin after its first byte `lead`; a
// malformed sequence gives `lead` alone, and the byte that broke it stays.
cell read_xchar_rest(int lead);
// True when reading stdin will not block (words/facility.cpp).
bool key_ready(int timeout_ms);

}  // namespace xf
