// SPDX-License-Identifier: MIT
// FACILITY and FACILITY EXT: structures, keyboard events, the terminal's
// cursor, time.
//
// Structures. BEGIN-STRUCTURE defines a constant whose value END-STRUCTURE
// fills in, so a structure's size compiles to a literal. A field defined by
// +FIELD is a word of native code, `add rbx, offset ; ret`, with the offset
// also in its body.
//
// Keyboard. Input goes through C's stdin, as KEY and the line reader do, so
// that bytes never get out of order. KEY? and EKEY? look at stdin's buffer
// first and then poll fd 0 without waiting; when stdin is a terminal they
// switch it to non-canonical mode around the poll, so that one key press
// counts, and pull the key into stdin's buffer before switching back. EKEY
// reads UTF-8 sequences as one xchar and decodes the xterm escape sequences
// of the cursor and function keys (with shift, alt and ctrl) into the K-
// key codes, which are Gforth's. At the end of input EKEY gives 4 (EOT), as
// Gforth does.
#include "asm/emit.h"
#include "asm/runtime.h"
#include "core/interpreter.h"
#include "words/registry.h"
#include "words/xchar.h"
#include <cerrno>
#include <cstdio>
#include <ctime>
#include <poll.h>
#include <string>
#include <termios.h>
#include <unistd.h>
#include <vector>

namespace xf {
using namespace regs;

// -- Structures ------------------------------------------------------------------

static std::vector<Word*> open_structures;   // struct-sys of BEGIN-STRUCTURE

static std::string_view parse_new_name() {
    std::string_view name = parse_name();
    if (name.empty()) throw_code(-16);
    return name;
}

static void begin_structure() {   // ( "name" -- struct-sys 0 )
    Word* w = create_header(parse_new_name(), Kind::Constant);
    make_pusher(w, 0);
    open_structures.push_back(w);
    vm.ds.push((cell)w);
    vm.ds.push(0);
}
static void end_structure() {   // ( struct-sys +n -- )
    cell size = vm.ds.pop();
    Word* w = (Word*)vm.ds.pop();
    if (open_structures.empty() || open_structures.back() != w) throw_code(-22);
    open_structures.pop_back();
    w->value = size;
    make_pusher(w, size);
}

static void make_field(cell offset, cell size) {   // ( -- ) defines name: ( addr -- addr+offset )
    align_here();
    Word* w = create_header(parse_new_name(), Kind::Colon);
    w->body = (cell*)here();
    comma(offset);
    Gen g;
    if (fits_i32(offset)) {
        g.add(TOS, uint32_t(offset));
    } else {
        g.mov(rax, offset);
        g.add(TOS, rax);
    }
    g.ret();
    place_body(g, w);
    vm.ds.push(offset + size);
}
static void plus_field() {   // ( n1 n2 "name" -- n3 )
    cell size = vm.ds.pop();
    make_field(vm.ds.pop(), size);
}
static void field_colon() {   // ( n1 "name" -- n2 ) cell-aligned
    make_field((vm.ds.pop() + 7) & ~cell(7), 8);
}
static void c_field_colon() { make_field(vm.ds.pop(), 1); }

// -- Keyboard ----------------------------------------------------------------------

// Gforth's key codes: special keys from $80000000 up, modifiers as high bits.
constexpr cell K_SPECIAL = 0x80000000;
enum SpecialKey : cell {
    K_LEFT = K_SPECIAL, K_RIGHT, K_UP, K_DOWN, K_HOME, K_END, K_PRIOR, K_NEXT, K_INSERT, K_DELETE,
    K_F1, K_F2, K_F3, K_F4, K_F5, K_F6, K_F7, K_F8, K_F9, K_F10, K_F11, K_F12,
};
constexpr cell K_SHIFT_MASK = 0x40000000, K_CTRL_MASK = 0x20000000, K_ALT_MASK = 0x10000000;
constexpr int ESC = 27, EOT = 4;
constexpr int ESCAPE_WAIT_MS = 50;   // how long the rest of an escape sequence may take

// Bytes already read from fd 0 into stdin's buffer (glibc's FILE).
static bool stdin_buffered() { return stdin->_IO_read_ptr < stdin->_IO_read_end; }

// A terminal on stdin in non-canonical mode without echo, for the lifetime
// of the object; nothing when stdin is not a terminal.
struct RawTerminal {
    termios saved{};
    bool active = false;
    RawTerminal() {
        if (!isatty(0) || tcgetattr(0, &saved) != 0) return;
        termios t = saved;
        t.c_lflag &= ~tcflag_t(ICANON | ECHO);
        t.c_cc[VMIN] = 1;
        t.c_cc[VTIME] = 0;
        active = tcsetattr(0, TCSANOW, &t) == 0;
    }
    ~RawTerminal() {
        if (active) tcsetattr(0, TCSANOW, &saved);
    }
};

// True when reading stdin will not block: a byte is there, or the end.
bool key_ready(int timeout_ms) {
    if (stdin_buffered()) return true;
    fflush(stdout);
    RawTerminal raw;
    pollfd p{0, POLLIN, 0};
    int n;
    do n = poll(&p, 1, timeout_ms); while (n < 0 && errno == EINTR);
    if (n <= 0) return false;
    if (raw.active) {   // keep the key: canonical mode would wait for a whole line
        int c = getc(stdin);
        if (c != EOF) ungetc(c, stdin);
    }
    return true;
}

static int next_byte(int timeout_ms) { return key_ready(timeout_ms) ? getc(stdin) : EOF; }

static cell modifiers(int param) {   // xterm: 1 + (shift 1, alt 2, ctrl 4)
    int m = param > 1 ? param - 1 : 0;
    return (m & 1 ? K_SHIFT_MASK : 0) | (m & 2 ? K_ALT_MASK : 0) | (m & 4 ? K_CTRL_MASK : 0);
}
static cell letter_key(int c) {
    switch (c) {
    case 'A': return K_UP;
    case 'B': return K_DOWN;
    case 'C': return K_RIGHT;
    case 'D': return K_LEFT;
    case 'H': return K_HOME;
    case 'F': return K_END;
    case 'P': return K_F1;
    case 'Q': return K_F2;
    case 'R': return K_F3;
    case 'S': return K_F4;
    default: return 0;
    }
}
static cell tilde_key(int n) {   // ESC [ n ~
    switch (n) {
    case 1: case 7: return K_HOME;
    case 2: return K_INSERT;
    case 3: return K_DELETE;
    case 4: case 8: return K_END;
    case 5: return K_PRIOR;
    case 6: return K_NEXT;
    case 11: case 12: case 13: case 14: case 15: return K_F1 + (n - 11);
    case 17: case 18: case 19: case 20: case 21: return K_F6 + (n - 17);
    case 23: case 24: return K_F11 + (n - 23);
    default: return 0;
    }
}

// After ESC: ESC [ params final, ESC O final, or ESC [ [ A..E (Linux
// console F1-F5). An unknown or cut-off sequence is dropped and gives ESC.
static cell escape_sequence() {
    int intro = next_byte(ESCAPE_WAIT_MS);
    if (intro == EOF) return ESC;
    if (intro != '[' && intro != 'O') {
        ungetc(intro, stdin);
        return ESC;
    }
    int params[2] = {0, 0}, nparams = 0;
    bool digits = false;
    for (int i = 0; i < 16; ++i) {
        int c = next_byte(ESCAPE_WAIT_MS);
        if (c == EOF) return ESC;
        if (c >= '0' && c <= '9') {
            if (nparams < 2) params[nparams] = params[nparams] * 10 + (c - '0');
            digits = true;
            continue;
        }
        if (c == ';') {
            ++nparams;
            continue;
        }
        if (c == '[' && intro == '[' && i == 0) {   // ESC [ [ A
            int f = next_byte(ESCAPE_WAIT_MS);
            return f >= 'A' && f <= 'E' ? K_F1 + (f - 'A') : ESC;
        }
        if (c < 0x40 || c > 0x7e) return ESC;
        cell key = c == '~' ? tilde_key(params[0]) : letter_key(c);
        if (!key) return ESC;
        // ESC [ 1 ; 5 C and ESC [ 3 ; 5 ~ put the modifier second
        int mod = nparams ? params[1] : c != '~' && digits ? params[0] : 0;
        return key | modifiers(mod);
    }
    return ESC;
}

static void ekey() {   // ( -- u )
    fflush(stdout);
    RawTerminal raw;
    int c = getc(stdin);
    cell u = c == EOF ? EOT : c == ESC ? escape_sequence() : c >= 0x80 ? read_xchar_rest(c) : c;
    vm.ds.push(u);
}
static void ekey_to_char() {   // ( u -- u false | char true ): ASCII only, as in Gforth
    cell u = vm.ds.top();
    vm.ds.push(ucell(u) < 0x80 ? TRUE : 0);
}
static void ekey_to_fkey() {   // ( u1 -- u2 flag )
    ucell u = ucell(vm.ds.top());
    vm.ds.push(u >= ucell(K_SPECIAL) && u <= 0xffffffffu ? TRUE : 0);
}

// -- Terminal output and time --------------------------------------------------------

static void at_x_y() {   // ( u1 u2 -- ) column u1, row u2, from 0
    cell row = vm.ds.pop(), col = vm.ds.pop();
    printf("\x1b[%ld;%ldH", long(row) + 1, long(col) + 1);
}
static void page() { fputs("\x1b[2J\x1b[H", stdout); }
static void emit_question() {   // ( -- flag )
    pollfd p{1, POLLOUT, 0};
    vm.ds.push(poll(&p, 1, 0) == 1 && p.revents == POLLOUT ? TRUE : 0);
}
static void ms() {   // ( u -- )
    cell u = vm.ds.pop();
    fflush(stdout);
    if (u <= 0) return;
    timespec t{time_t(u / 1000), long(u % 1000) * 1000000};
    while (nanosleep(&t, &t) != 0 && errno == EINTR) check_interrupt();   // Ctrl-C ends the wait: -28
}
static void time_and_date() {   // ( -- +n1 +n2 +n3 +n4 +n5 +n6 )
    time_t now = time(nullptr);
    tm t{};
    localtime_r(&now, &t);
    for (cell x : {cell(t.tm_sec), cell(t.tm_min), cell(t.tm_hour), cell(t.tm_mday), cell(t.tm_mon) + 1,
                   cell(t.tm_year) + 1900})
        vm.ds.push(x);
}

static const HelperDef facility_helpers[] = {
    {"BEGIN-STRUCTURE", "( \"name\" -- struct-sys 0 )", begin_structure},
    {"END-STRUCTURE", "( struct-sys +n -- )", end_structure},
    {"+FIELD", "( n1 n2 \"name\" -- n3 )", plus_field},
    {"FIELD:", "( n1 \"name\" -- n2 )", field_colon},
    {"CFIELD:", "( n1 \"name\" -- n2 )", c_field_colon},
    {"KEY?", "( -- flag )", [] { vm.ds.push(key_ready(0) ? TRUE : 0); }},
    {"EKEY?", "( -- flag )", [] { vm.ds.push(key_ready(0) ? TRUE : 0); }},
    {"EKEY", "( -- u )", ekey},
    {"EKEY>CHAR", "( u -- u false | char true )", ekey_to_char},
    {"EKEY>FKEY", "( u1 -- u2 flag )", ekey_to_fkey},
    {"AT-XY", "( u1 u2 -- )", at_x_y},
    {"PAGE", "( -- )", page},
    {"EMIT?", "( -- flag )", emit_question},
    {"MS", "( u -- )", ms},
    {"TIME&DATE", "( -- +n1 +n2 +n3 +n4 +n5 +n6 )", time_and_date},
};

struct KeyConstant {
    const char* name;
    cell value;
};
static const KeyConstant key_constants[] = {
    {"K-LEFT", K_LEFT}, {"K-RIGHT", K_RIGHT}, {"K-UP", K_UP}, {"K-DOWN", K_DOWN},
    {"K-HOME", K_HOME}, {"K-END", K_END}, {"K-PRIOR", K_PRIOR}, {"K-NEXT", K_NEXT},
    {"K-INSERT", K_INSERT}, {"K-DELETE", K_DELETE},
    {"K-F1", K_F1}, {"K-F2", K_F2}, {"K-F3", K_F3}, {"K-F4", K_F4}, {"K-F5", K_F5}, {"K-F6", K_F6},
    {"K-F7", K_F7}, {"K-F8", K_F8}, {"K-F9", K_F9}, {"K-F10", K_F10}, {"K-F11", K_F11}, {"K-F12", K_F12},
    {"K-SHIFT-MASK", K_SHIFT_MASK}, {"K-CTRL-MASK", K_CTRL_MASK}, {"K-ALT-MASK", K_ALT_MASK},
};

void register_facility_words() {
    define_all(facility_helpers);
    for (const KeyConstant& k : key_constants) {   // ( -- u )
        Word* w = create_header(k.name, Kind::Constant);
        w->value = k.value;
        make_pusher(w, k.value);
        note_builtin(w, "( -- u ) a key code of EKEY");
    }
}

}  // namespace xf
