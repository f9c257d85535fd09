// SPDX-License-Identifier: MIT
// The pinned registers of xforth's native code: the one table every emitter,
// trampoline and helper call relies on.
//
// Between any two words (the canonical state) the data stack is
//   TOS in rbx, the second item at [r15], the third at [r15+8], ...
// and grows down. Every register below that survives a word is callee-saved
// in the System V ABI, so C++ helpers called from Forth preserve it for free.
#pragma once
#include <xbyak/xbyak.h>

namespace xf::regs {
using namespace Xbyak::util;

inline const Xbyak::Reg64& TOS = rbx;   // top of data stack; callee-saved, survives helper calls
inline const Xbyak::Reg64& DSP = r15;   // data stack pointer (second item); callee-saved
inline const Xbyak::Reg64& LOOPT = r14; // DO..LOOP: index - limit + 2^63 (overflow test ends the loop)
inline const Xbyak::Reg64& LOOPB = r13; // DO..LOOP: limit - 2^63, so I = LOOPT + LOOPB
inline const Xbyak::Reg64& FSP = r12;   // float stack pointer (second float); callee-saved
inline const Xbyak::Xmm& FTOS = xmm8;   // top of float stack; caller-saved, so spilled around C++ calls
inline const Xbyak::Reg64& FRAME = rbp; // locals frame of the running definition; callee-saved
// Scratch, free inside one primitive, clobbered by helper calls:
//   rax rcx rdx rsi rdi r8 r9 r10 r11, xmm0-xmm7.
}  // namespace xf::regs
