// SPDX-License-Identifier: MIT
// File access (FILE, FILE EXT) on POSIX files.
//
// A fileid is a FILE*: the same value SOURCE-ID gives while a file is being
// INCLUDED, and what the interpreter's include_file reads. Every fileid the
// words hand out is in `files`; a fileid that is neither there nor the file of
// an input source is refused with the word's ior, never dereferenced.
//
// iors: 0 on success; otherwise the Forth-2012 THROW code of the word that
// failed (table 9.1: -62 CLOSE-FILE, -63 CREATE-FILE, -64 DELETE-FILE,
// -65 FILE-POSITION, -66 FILE-SIZE, -67 FILE-STATUS, -68 FLUSH-FILE,
// -69 OPEN-FILE, -70 READ-FILE, -71 READ-LINE, -72 RENAME-FILE,
// -73 REPOSITION-FILE, -74 RESIZE-FILE, -75 WRITE-FILE, -76 WRITE-LINE),
// except -38 "non-existent file" when a file to open, delete, rename or
// query does not exist. So
// `ior THROW` reports which operation failed.
//
// Access methods are Gforth's values: R/O 0, R/W 2, W/O 4, BIN ors in 1
// (and changes nothing on POSIX). READ-LINE ends a line at LF or CR LF.
#include "core/interpreter.h"
#include "words/registry.h"
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <unordered_map>

namespace xf {

constexpr cell FAM_RO = 0, FAM_RW = 2, FAM_WO = 4, FAM_BIN = 1;

// Reads and writes on one FILE* must be separated by a flush or a seek.
enum class LastOp { None, Read, Write };
struct OpenFile {
    std::string name;
    LastOp last = LastOp::None;
};
static std::unordered_map<FILE*, OpenFile> files;

static std::string pop_name() {
    cell u = vm.ds.pop();
    auto* a = (const char*)vm.ds.pop();
    if (u < 0) throw_code(-24);
    return user_string(a, u);
}

// The FILE* of a fileid, or nullptr when it names no open file.
static FILE* lookup(cell fileid) {
    auto* f = (FILE*)fileid;
    if (f) source_file_used(f);   // a file being included: its reader stops counting
    if (files.count(f) || (f && is_source_file(f))) return f;
    return nullptr;
}
static void before(FILE* f, LastOp op) {
    auto it = files.find(f);
    if (it == files.end()) return;
    LastOp& last = it->second.last;
    if (last != op && last != LastOp::None) {
        if (last == LastOp::Write) fflush(f);
        else fseeko(f, 0, SEEK_CUR);
    }
    last = op;
}
static cell missing_or(cell ior) { return errno == ENOENT ? -38 : ior; }

static void push_ud(ucell u) {
    vm.ds.push(cell(u));
    vm.ds.push(0);
}
static bool pop_offset(off_t& off) {   // ( ud -- ), false when it is no file offset
    cell hi = vm.ds.pop();
    cell lo = vm.ds.pop();
    off = off_t(lo);
    return hi == 0 && lo >= 0;
}

// -- Opening and closing -----------------------------------------------------

static void open_with(int extra_flags, cell ior_code) {   // ( c-addr u fam -- fileid ior )
    cell fam = vm.ds.pop();
    std::string name = pop_name();
    int access;
    switch (fam & ~FAM_BIN) {
    case FAM_RO: access = O_RDONLY; break;
    case FAM_WO: access = O_WRONLY; break;
    case FAM_RW: access = O_RDWR; break;
    default: vm.ds.push(0); vm.ds.push(ior_code); return;
    }
    const char* mode = access == O_RDONLY ? "r" : access == O_WRONLY ? "w" : "r+";
    int fd = open(name.c_str(), access | extra_flags | O_CLOEXEC, 0666);
    struct stat st;
    if (fd >= 0 && (fstat(fd, &st) != 0 || S_ISDIR(st.st_mode))) {
        close(fd);
        fd = -1;
        errno = EISDIR;
    }
    FILE* f = fd >= 0 ? fdopen(fd, mode) : nullptr;
    if (!f) {
        cell ior = extra_flags & O_CREAT ? ior_code : missing_or(ior_code);
        if (fd >= 0) close(fd);
        vm.ds.push(0);
        vm.ds.push(ior);
        return;
    }
    files[f] = OpenFile{name};
    vm.ds.push((cell)f);
    vm.ds.push(0);
}

static void close_file() {   // ( fileid -- ior )
    auto* f = (FILE*)vm.ds.pop();
    // A file still being INCLUDEd belongs to the interpreter until its end.
    if (!files.count(f) || is_source_file(f)) { vm.ds.push(-62); return; }
    files.erase(f);
    vm.ds.push(fclose(f) == 0 ? 0 : -62);
}

// INCLUDE-FILE interprets the rest of the file, then closes it (also when
// an error ends the interpretation).
static void include_file_() {   // ( i*x fileid -- j*x )
    auto* f = (FILE*)vm.ds.pop();
    auto it = files.find(f);
    if (it == files.end() || is_source_file(f)) throw_code(-37);
    before(f, LastOp::Read);
    std::string name = it->second.name;
    struct Closer {
        FILE* f;
        ~Closer() { files.erase(f); fclose(f); }
    } closer{f};
    include_file(f, name);
}

// -- Reading and writing -----------------------------------------------------

static void read_file() {   // ( c-addr u1 fileid -- u2 ior )
    FILE* f = lookup(vm.ds.pop());
    cell u = vm.ds.pop();
    auto* a = (char*)vm.ds.pop();
    if (!f || u < 0) { vm.ds.push(0); vm.ds.push(-70); return; }
    before(f, LastOp::Read);
    // Through a buffer of our own: libc is never handed the program's addresses.
    size_t n = 0;
    char buf[4096];
    while (n < size_t(u)) {
        size_t want = std::min(sizeof buf, size_t(u) - n);
        size_t got = fread(buf, 1, want, f);
        copy_to_user(a + n, buf, cell(got));
        n += got;
        if (got < want) break;
    }
    bool failed = ferror(f);
    clearerr(f);
    vm.ds.push(cell(n));
    vm.ds.push(failed ? -70 : 0);
}

// At most u1 characters; when u2 = u1 the end of the line is still ahead,
// and the next READ-LINE returns what is left of it (perhaps nothing).
static void read_line() {   // ( c-addr u1 fileid -- u2 flag ior )
    FILE* f = lookup(vm.ds.pop());
    cell u = vm.ds.pop();
    auto* a = (char*)vm.ds.pop();
    auto result = [](size_t n, bool flag, cell ior) {
        vm.ds.push(cell(n));
        vm.ds.push(flag ? TRUE : 0);
        vm.ds.push(ior);
    };
    if (!f || u < 0) return result(0, false, -71);
    before(f, LastOp::Read);
    size_t n = 0;
    bool any = false;   // read something, even only the end of a line
    while (n < size_t(u)) {
        int c = getc(f);
        if (c == EOF) break;
        any = true;
        if (c == '\n') break;
        if (c == '\r') {
            int next = getc(f);
            if (next == '\n') break;
            if (next != EOF) ungetc(next, f);
        }
        a[n++] = char(c);
    }
    if (n == size_t(u) && !any) {   // an empty buffer: is there a line at all?
        int c = getc(f);
        if (c != EOF) { ungetc(c, f); any = true; }
    }
    bool failed = ferror(f);
    clearerr(f);
    if (failed) return result(n, false, -71);
    result(n, any, 0);
}

static void write_to(cell ior_code, bool newline) {   // ( c-addr u fileid -- ior )
    FILE* f = lookup(vm.ds.pop());
    cell u = vm.ds.pop();
    auto* a = (const char*)vm.ds.pop();
    if (!f || u < 0) { vm.ds.push(ior_code); return; }
    before(f, LastOp::Write);
    bool ok = true;
    char buf[4096];
    for (cell done = 0; ok && done < u;) {
        cell k = std::min<cell>(u - done, cell(sizeof buf));
        copy_from_user(buf, a + done, k);
        ok = fwrite(buf, 1, size_t(k), f) == size_t(k);
        done += k;
    }
    ok = ok && (!newline || putc('\n', f) != EOF);
    clearerr(f);
    vm.ds.push(ok ? 0 : ior_code);
}

// -- Positions and sizes -----------------------------------------------------

static void file_position() {   // ( fileid -- ud ior )
    FILE* f = lookup(vm.ds.pop());
    off_t pos = f ? ftello(f) : -1;
    push_ud(pos < 0 ? 0 : ucell(pos));
    vm.ds.push(pos < 0 ? -65 : 0);
}

static void reposition_file() {   // ( ud fileid -- ior )
    FILE* f = lookup(vm.ds.pop());
    off_t off;
    bool valid = pop_offset(off);
    if (!f || !valid) { vm.ds.push(-73); return; }
    before(f, LastOp::None);
    int r = fseeko(f, off, SEEK_SET);
    vm.ds.push(r == 0 ? 0 : -73);
}

static void file_size() {   // ( fileid -- ud ior )
    FILE* f = lookup(vm.ds.pop());
    struct stat st;
    if (f) before(f, LastOp::None);
    if (!f || fflush(f) != 0 || fstat(fileno(f), &st) != 0) {
        push_ud(0);
        vm.ds.push(-66);
        return;
    }
    push_ud(ucell(st.st_size));
    vm.ds.push(0);
}

// The position stays where it was, even past the new end.
static void resize_file() {   // ( ud fileid -- ior )
    FILE* f = lookup(vm.ds.pop());
    off_t size;
    bool valid = pop_offset(size);
    if (!f || !valid) { vm.ds.push(-74); return; }
    before(f, LastOp::None);
    off_t pos = ftello(f);
    bool ok = pos >= 0 && fflush(f) == 0 && ftruncate(fileno(f), size) == 0 && fseeko(f, pos, SEEK_SET) == 0;
    vm.ds.push(ok ? 0 : -74);
}

static void flush_file() {   // ( fileid -- ior )
    FILE* f = lookup(vm.ds.pop());
    vm.ds.push(f && fflush(f) == 0 ? 0 : -68);
}

// -- Files by name ---------------------------------------------------------------

// x is the access method the file could be opened with (-1: none), as in Gforth.
static void file_status() {   // ( c-addr u -- x ior )
    std::string name = pop_name();
    struct stat st;
    if (stat(name.c_str(), &st) != 0) {
        vm.ds.push(0);
        vm.ds.push(missing_or(-67));
        return;
    }
    bool r = access(name.c_str(), R_OK) == 0, w = access(name.c_str(), W_OK) == 0;
    vm.ds.push(r && w ? FAM_RW : r ? FAM_RO : w ? FAM_WO : -1);
    vm.ds.push(0);
}

static void delete_file() {   // ( c-addr u -- ior )
    std::string name = pop_name();
    vm.ds.push(unlink(name.c_str()) == 0 ? 0 : missing_or(-64));
}

static void rename_file() {   // ( c-addr1 u1 c-addr2 u2 -- ior )
    std::string to = pop_name();
    std::string from = pop_name();
    vm.ds.push(rename(from.c_str(), to.c_str()) == 0 ? 0 : missing_or(-72));
}

static const HelperDef file_helpers[] = {
    {"R/O", "( -- fam )", [] { vm.ds.push(FAM_RO); }},
    {"R/W", "( -- fam )", [] { vm.ds.push(FAM_RW); }},
    {"W/O", "( -- fam )", [] { vm.ds.push(FAM_WO); }},
    {"BIN", "( fam1 -- fam2 )", [] { vm.ds.top() |= FAM_BIN; }},
    {"OPEN-FILE", "( c-addr u fam -- fileid ior )", [] { open_with(0, -69); }},
    {"CREATE-FILE", "( c-addr u fam -- fileid ior )", [] { open_with(O_CREAT | O_TRUNC, -63); }},
    {"CLOSE-FILE", "( fileid -- ior )", close_file},
    {"INCLUDE-FILE", "( i*x fileid -- j*x )", include_file_},
    {"READ-FILE", "( c-addr u1 fileid -- u2 ior )", read_file},
    {"READ-LINE", "( c-addr u1 fileid -- u2 flag ior )", read_line},
    {"WRITE-FILE", "( c-addr u fileid -- ior )", [] { write_to(-75, false); }},
    {"WRITE-LINE", "( c-addr u fileid -- ior )", [] { write_to(-76, true); }},
    {"FILE-POSITION", "( fileid -- ud ior )", file_position},
    {"REPOSITION-FILE", "( ud fileid -- ior )", reposition_file},
    {"FILE-SIZE", "( fileid -- ud ior )", file_size},
    {"RESIZE-FILE", "( ud fileid -- ior )", resize_file},
    {"FLUSH-FILE", "( fileid -- ior )", flush_file},
    {"FILE-STATUS", "( c-addr u -- x ior )", file_status},
    {"DELETE-FILE", "( c-addr u -- ior )", delete_file},
    {"RENAME-FILE", "( c-addr1 u1 c-addr2 u2 -- ior )", rename_file},
};

void register_file_words() { define_all(file_helpers); }

}  // namespace xf
