// SPDX-License-Identifier: MIT
// The two assemblers' shared part: labels, the locals frame, and each op's
// code against the canonical state (TOS in rbx, the rest at [r15]). The
// -O0 assembler (asm/compiler.cpp) is nothing but this, op after op; the
// stack model (asm/stackmodel.cpp) falls back to it for every op it does not
// model, after making its state canonical.
#pragma once
#include "asm/compiler.h"
#include "asm/emit.h"

namespace xf {

// How a forward jump is assembled (asm/jumps.cpp).
enum class JumpSize : uint8_t { Near, Short, None };

// What one assembly pass learnt of the forward jumps, for the next pass to
// size them: where each jump was, where each label and loop-head padding.
struct JumpRecord {
    struct Site { uint32_t start, end; int label; };
    std::vector<Site> sites;          // forward jumps, in the order assembled
    std::vector<uint32_t> bound_at;   // label -> offset (UINT32_MAX: never placed)
    std::vector<uint32_t> aligns;     // offsets of loop-head padding
    void clear(size_t nlabels) {
        sites.clear();
        aligns.clear();
        bound_at.assign(nlabels, UINT32_MAX);
    }
    // One size for each site: None where it lands on the next instruction,
    // Short where it reaches even if every padding between grows to its
    // most; false when every jump stays Near.
    bool plan(std::vector<JumpSize>& out) const;
};

struct Assembler {
    Gen& g;   // Gen::reused()
    // Lists kept between definitions, like Gen::reused (one Assembler at a
    // time): two allocations a definition otherwise. The labels themselves
    // are kept too (see the constructor); the first `nlabels` are this
    // definition's.
    std::vector<Xbyak::Label>& labels;
    size_t nlabels;
    std::vector<bool>& bound;   // placed by bind()
    // The definition's first byte, for RECURSE: an address rather than an
    // Xbyak label, which would cost hash-table work in every definition.
    const void* start() const { return g.getCode(); }
    bool frame = false;   // a locals frame is open at this point of the code
    const std::vector<LoopLabels>& loops;

    Assembler(int nlabels, const std::vector<LoopLabels>& loops);
    ~Assembler();
    Assembler(const Assembler&) = delete;
    Assembler& operator=(const Assembler&) = delete;
    void ret();                              // leaves the frame, if any, and returns
    void jump_if(Cond c, Xbyak::Label& to, Gen::LabelType type = Gen::T_NEAR);   // jcc after a cmp or test
    void emit_canonical(const Op& op);
    void align_loop_head();                  // before a label jumped to from below

    // Jumps to the definition's labels, sized by the plan (asm/jumps.cpp):
    // a jump to a placed label is short when it reaches; a forward jump is
    // Near, Short when `optimistic`, or as plan[k] says for the k-th.
    void jump(int label, Cond c = Cond::None);   // jmp, or jcc
    // Places the label here; a label no jump goes to is not given to Xbyak,
    // whose label manager costs hash-table work for each one.
    void bind(int label, bool jumped_to = true);
    bool optimistic = false;
    const std::vector<JumpSize>* plan = nullptr;
    JumpRecord* record = nullptr;
    size_t forward_jumps = 0;
};

// setcc: r8 = 1 when c holds after the flags already set, else 0.
void set_if(Gen& g, Cond c, const Xbyak::Reg8& r);

// The optimising assembler: the compile-time stack model.
void* assemble_modeled(const std::vector<Op>& ops, int nlabels, const std::vector<LoopLabels>& loops, size_t* size);

}  // namespace xf
