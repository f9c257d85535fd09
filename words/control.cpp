// SPDX-License-Identifier: MIT
// Control flow (CORE, CORE EXT, EXCEPTION, TOOLS EXT's AHEAD).
//
// The control-flow stack is the data stack. An orig, a dest and a do-sys are
// one cell each: a tag in the high half and a label or loop number in the low
// half, so that a mismatched THEN or LOOP is caught (-22) and CS-PICK and
// CS-ROLL are plain PICK and ROLL.
#include "asm/compiler.h"
#include "asm/emit.h"
#include "asm/codemap.h"
#include "asm/runtime.h"
#include "words/registry.h"

namespace xf {
using namespace regs;

enum CsTag : cell { ORIG = 1, DEST = 2, DO_SYS = 3 };

static void push_cs(CsTag tag, int n) { vm.ds.push((cell(tag) << 32) | n); }
static int pop_cs(CsTag tag) {
    if (vm.ds.depth() == 0) throw_code(-22);   // a THEN or LOOP with nothing open
    cell x = vm.ds.pop();
    if ((x >> 32) != tag) throw_code(-22);
    return int(x & 0xffffffff);
}

static void if_() {
    int l = new_label();
    compile_op({OpKind::JumpZ, 0, nullptr, l});
    push_cs(ORIG, l);
}
static void ahead() {
    int l = new_label();
    compile_op({OpKind::Jump, 0, nullptr, l});
    push_cs(ORIG, l);
}
static void then() { compile_op({OpKind::Label, 0, nullptr, pop_cs(ORIG)}); }
static void else_() {
    int orig = pop_cs(ORIG);
    ahead();
    compile_op({OpKind::Label, 0, nullptr, orig});
}
// The compiler counts the BEGINs open: a call inside a loop may inline more.
static void close_begin() {
    int& open = current_definition().open_begins;
    if (open > 0) --open;
}
static void begin() {
    int l = new_label();
    compile_op({OpKind::Label, 0, nullptr, l});
    push_cs(DEST, l);
    ++current_definition().open_begins;
}
static void until() {
    compile_op({OpKind::JumpZ, 0, nullptr, pop_cs(DEST)});
    close_begin();
}
static void again() {
    compile_op({OpKind::Jump, 0, nullptr, pop_cs(DEST)});
    close_begin();
}
static void while_() {   // ( dest -- orig dest )
    int dest = pop_cs(DEST);
    if_();
    push_cs(DEST, dest);
}
static void repeat() {
    again();
    then();
}

static void start_loop(OpKind kind) {
    Definition& d = current_definition();
    int n = int(d.loops.size());
    d.loops.push_back({new_label(), new_label(), new_label()});
    d.open_loops.push_back(n);
    compile_op({kind, 0, nullptr, n});
    push_cs(DO_SYS, n);
}
static void end_loop(OpKind kind) {
    Definition& d = current_definition();
    int n = pop_cs(DO_SYS);
    if (d.open_loops.empty() || d.open_loops.back() != n) throw_code(-22);
    d.open_loops.pop_back();
    compile_op({kind, 0, nullptr, n});
}
static void leave() {
    Definition& d = current_definition();
    if (d.open_loops.empty()) throw_code(-26);
    compile_op({OpKind::Leave, 0, nullptr, d.open_loops.back()});
}
static void recurse() { compile_op({OpKind::CallSelf}); }

static const HelperDef control_helpers[] = {
    {"IF", "( C: -- orig ) ( x -- )", if_, F_IMMEDIATE | F_COMPILE_ONLY},
    {"ELSE", "( C: orig1 -- orig2 )", else_, F_IMMEDIATE | F_COMPILE_ONLY},
    {"THEN", "( C: orig -- )", then, F_IMMEDIATE | F_COMPILE_ONLY},
    {"AHEAD", "( C: -- orig )", ahead, F_IMMEDIATE | F_COMPILE_ONLY},
    {"BEGIN", "( C: -- dest )", begin, F_IMMEDIATE | F_COMPILE_ONLY},
    {"UNTIL", "( C: dest -- ) ( x -- )", until, F_IMMEDIATE | F_COMPILE_ONLY},
    {"AGAIN", "( C: dest -- )", again, F_IMMEDIATE | F_COMPILE_ONLY},
    {"WHILE", "( C: dest -- orig dest ) ( x -- )", while_, F_IMMEDIATE | F_COMPILE_ONLY},
    {"REPEAT", "( C: orig dest -- )", repeat, F_IMMEDIATE | F_COMPILE_ONLY},
    {"DO", "( C: -- do-sys ) ( n1 n2 -- ) ( R: -- loop-sys )", [] { start_loop(OpKind::Do); }, F_IMMEDIATE | F_COMPILE_ONLY},
    {"?DO", "( C: -- do-sys ) ( n1 n2 -- ) ( R: -- loop-sys )", [] { start_loop(OpKind::QDo); }, F_IMMEDIATE | F_COMPILE_ONLY},
    {"LOOP", "( C: do-sys -- )", [] { end_loop(OpKind::Loop); }, F_IMMEDIATE | F_COMPILE_ONLY},
    {"+LOOP", "( C: do-sys -- ) ( n -- )", [] { end_loop(OpKind::PlusLoop); }, F_IMMEDIATE | F_COMPILE_ONLY},
    {"LEAVE", "( R: loop-sys -- )", leave, F_IMMEDIATE | F_COMPILE_ONLY},
    {"RECURSE", "( -- )", recurse, F_IMMEDIATE | F_COMPILE_ONLY},
    {"EXIT", "( -- ) ( R: nest-sys -- )", [] { compile_op({OpKind::Exit}); }, F_IMMEDIATE | F_COMPILE_ONLY},
};

static void execute_(Gen& g) {
    g.mov(rax, TOS);
    drop(g);
    emit_execute_call(g);   // checks the xt: a wild number must not become a wild jump
}
static void i_(Gen& g) {
    g.lea(rax, g.ptr[LOOPT + LOOPB]);
    push_reg(g, rax);
}
static void j_(Gen& g) {   // the enclosing loop's pair, saved by DO on the return stack
    g.mov(rax, g.qword[rsp]);
    g.add(rax, g.qword[rsp + 8]);
    push_reg(g, rax);
}
static void unloop(Gen& g) {
    g.pop(LOOPT);
    g.pop(LOOPB);
}

static const Prim control_prims[] = {
    {"EXECUTE", "( i*x xt -- j*x )", execute_},
    {"CATCH", "( i*x xt -- j*x 0 | i*x n ) run xt; 0, or the code it THROWs with its stack depth restored",
     emit_catch_call, emit_catch_imm},
    {"I", "( -- n ) ( R: loop-sys -- loop-sys )", i_, nullptr, F_COMPILE_ONLY},
    {"J", "( -- n ) ( R: loop-sys1 loop-sys2 -- loop-sys1 loop-sys2 )", j_, nullptr, F_COMPILE_ONLY, true},
    {"UNLOOP", "( -- ) ( R: loop-sys -- )", unloop, nullptr, F_COMPILE_ONLY, true},
};

void register_control_words() {
    define_all(control_prims);
    define_all(control_helpers);
    Word* t = create_header("THROW", Kind::Colon);
    t->code = throw_code_body;
    claim_stub(t->code, t);   // so that Ctrl-C may land in it, and backtraces name it
    note_builtin(t, "( k*x n -- k*x | i*x n ) nonzero n: back to the innermost CATCH, which returns n");
}

}  // namespace xf
