// SPDX-License-Identifier: MIT
// The compiler: one colon definition at a time. Words append operations to
// an op list; `;` runs the fusion rules over it (asm/peephole.cpp) and
// assembles it into code memory in one pass.
#pragma once
#include "asm/prim.h"
#include "core/dictionary.h"
#include <vector>

namespace xf {

enum class OpKind : uint8_t {
    Lit,      // push n
    FLit,     // push the double whose bits are n on the float stack
    Prim,     // inline w->prim
    PrimImm,  // w->prim fused with literal n (emit_imm)
    Call,     // call w
    TailCall, // jmp w: a call followed by the definition's return (w null: to the start)
    CmpJumpZ, // comparison w fused with the branch after it: jump to label a when false
    CmpImmJumpZ, // the same with the literal n as the second operand
    CallSelf, // RECURSE
    CallCode, // call the code at address n (a DOES> word's behaviour, its body pushed before)
    CallDeferred, // call the xt held in the cell at address n (a DEFER word's body): no stub between
    Jump,     // to label a
    JumpZ,    // pop; to label a when zero
    Label,    // place label a
    Do,       // a = loop index; QDo: skip to the loop's done label when limit = index
    QDo,
    Loop,     // a = loop index
    PlusLoop,
    LoopStep, // a = loop index: LOOP's step and jump back (n = 1: +LOOP's, the step popped); falls through when the loop ends
    Leave,    // a = loop index
    Does,     // set latest word's DOES> code to label a, then exit
    Exit,     // return (leaving the locals frame, if any)
    FrameEnter, // locals: n slots, the first a of them taken from the stack
    LocalFetch, // push local slot a
    LocalStore, // pop into local slot a
};

struct Op {
    OpKind kind;
    cell n = 0;
    const Word* w = nullptr;
    int a = 0;
    bool invert = false;   // JumpZ, CmpJumpZ, CmpImmJumpZ: jump when the flag is true instead
};

struct LoopLabels { int top, leave, done; };

constexpr uint32_t kind_bit(OpKind k) { return 1u << unsigned(k); }

struct Definition {
    Word* word = nullptr;
    std::vector<Op> ops;
    // A bit (kind_bit) for each kind of op in ops, kept by compile_op: the
    // passes at `;` that look for kinds most definitions lack are skipped
    // without a scan.
    uint32_t kinds = 0;
    int labels = 0;
    std::vector<LoopLabels> loops;
    std::vector<int> open_loops;   // indices into loops, innermost last
    int open_begins = 0;           // BEGINs no UNTIL, AGAIN or REPEAT has closed yet
    bool has_locals = false;
    bool took_big_body = false;       // inlined a body of more than INLINE_MAX_OPS ops
    uint8_t* dp_at_start = nullptr;   // data space given back if the definition fails
    // Empties it for the next definition; the lists keep their memory.
    void reset() {
        word = nullptr;
        ops.clear();
        kinds = 0;
        labels = 0;
        loops.clear();
        open_loops.clear();
        open_begins = 0;
        has_locals = false;
        took_big_body = false;
        dp_at_start = nullptr;
    }
};

bool compiling();                 // a definition is open
Definition& current_definition();
void begin_definition(Word* w);
// Appends an op to the definition being compiled. The op's fields travel
// in registers: an Op built in memory by the caller and copied from there
// in 16-byte halves waits for store forwarding, which perf put at 5% of
// the time to compile short definitions (measured gain: 1 to 2%).
void compile_op_fields(OpKind kind, cell n, const Word* w, int a, bool invert);
inline void compile_op(const Op& op) { compile_op_fields(op.kind, op.n, op.w, op.a, op.invert); }
void compile_xt(Word* w);         // COMPILE,
void compile_literal(cell n);
int new_label();
Word* end_definition();           // assembles; returns the finished word
void abort_definition();          // drops a half-built definition

// Assembles an op list into code memory (used by end_definition and by tests).
void* assemble(const std::vector<Op>& ops, int labels, const std::vector<LoopLabels>& loops, size_t* size);
void peephole(std::vector<Op>& ops);
// BEGIN cond WHILE body REPEAT becomes cond, jump out when false, body,
// cond again and jump back when true: one branch a time round, not two.
void rotate_loops(std::vector<Op>& ops, int& labels);
// A jump to a loop's latch (LOOP or +LOOP, after a few straight ops) takes a
// copy of the latch instead: one taken branch a time round, not two.
void duplicate_latches(std::vector<Op>& ops, int& labels);

// Locals (asm/locals.cpp): declared names live in a wordlist that is searched
// first until the definition ends.
void declare_locals(const std::vector<std::string_view>& args, const std::vector<std::string_view>& others);
void end_locals();
extern bool optimize;             // false under -O0: no fusion rules
extern int loop_alignment;        // loop heads start on this boundary (1: packed), optimised code only

}  // namespace xf
