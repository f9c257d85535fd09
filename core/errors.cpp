// SPDX-License-Identifier: MIT
#include "core/errors.h"
#include "core/dictionary.h"

namespace xf {

ErrorSite error_site;
uint8_t error_located;

const char* throw_message(cell code) {
    switch (code) {
    case -1: return "aborted";
    case -2: return "aborted";
    case -3: return "stack overflow";
    case -4: return "stack underflow";
    case -5: return "return stack overflow";
    case -6: return "return stack underflow";
    case -7: return "do-loops nested too deeply during execution";
    case -8: return "dictionary overflow";
    case -9: return "invalid memory address";
    case -10: return "division by zero";
    case -11: return "result out of range";
    case -12: return "argument type mismatch";
    case -13: return "undefined word";
    case -14: return "interpreting a compile-only word";
    case -15: return "invalid FORGET";
    case -16: return "attempt to use zero-length string as a name";
    case -17: return "pictured numeric output string overflow";
    case -18: return "parsed string overflow";
    case -19: return "definition name too long";
    case -20: return "write to a read-only location";
    case -21: return "unsupported operation";
    case -22: return "control structure mismatch";
    case -23: return "address alignment exception";
    case -24: return "invalid numeric argument";
    case -25: return "return stack imbalance";
    case -26: return "loop parameters unavailable";
    case -27: return "invalid recursion";
    case -28: return "user interrupt";
    case -29: return "compiler nesting";
    case -30: return "obsolescent feature";
    case -31: return ">BODY used on non-CREATEd definition";
    case -32: return "invalid name argument";
    case -33: return "block read exception";
    case -34: return "block write exception";
    case -35: return "invalid block number";
    case -36: return "invalid file position";
    case -37: return "file I/O exception";
    case -38: return "non-existent file";
    case -39: return "unexpected end of file";
    case -40: return "invalid BASE for floating point conversion";
    case -41: return "loss of precision";
    case -42: return "floating-point divide by zero";
    case -43: return "floating-point result out of range";
    case -44: return "floating-point stack overflow";
    case -45: return "floating-point stack underflow";
    case -46: return "floating-point invalid argument";
    case -47: return "compilation word list deleted";
    case -48: return "invalid POSTPONE";
    case -49: return "search-order overflow";
    case -50: return "search-order underflow";
    case -51: return "compilation word list changed";
    case -52: return "control-flow stack overflow";
    case -53: return "exception stack overflow";
    case -54: return "floating-point underflow";
    case -55: return "floating-point unidentified fault";
    case -56: return "QUIT";
    case -57: return "exception in sending or receiving a character";
    case -58: return "[IF], [ELSE], or [THEN] exception";
    case -59: return "ALLOCATE";
    case -60: return "FREE";
    case -61: return "RESIZE";
    case -62: return "CLOSE-FILE";
    case -63: return "CREATE-FILE";
    case -64: return "DELETE-FILE";
    case -65: return "FILE-POSITION";
    case -66: return "FILE-SIZE";
    case -67: return "FILE-STATUS";
    case -68: return "FLUSH-FILE";
    case -69: return "OPEN-FILE";
    case -70: return "READ-FILE";
    case -71: return "READ-LINE";
    case -72: return "RENAME-FILE";
    case -73: return "REPOSITION-FILE";
    case -74: return "RESIZE-FILE";
    case -75: return "WRITE-FILE";
    case -76: return "WRITE-LINE";
    case -77: return "Malformed xchar";
    case -78: return "SUBSTITUTE";
    case -79: return "REPLACES";
    default: return nullptr;
    }
}

std::string (*backtrace_hook)();

std::string format_error(cell code) {
    std::string m;
    if (error_located) {
        const ErrorSite& s = error_site;
        m += s.file + ":" + std::to_string(s.line) + ":" + std::to_string(s.col + 1) + ": ";
    }
    m += "error: ";
    if (code == -2 && !vm.abort_msg.empty()) {
        m += vm.abort_msg;
    } else {
        m += std::to_string(code);
        const char* text = throw_message(code);
        m += " ";
        m += text ? text : "exception";
    }
    m += "\n";
    if (error_located) {
        const ErrorSite& s = error_site;
        m += "    " + s.text + "\n    ";
        for (int i = 0; i < s.col && i < int(s.text.size()); ++i) m += s.text[size_t(i)] == '\t' ? '\t' : ' ';
        m += "^";
        for (int i = 1; i < s.len; ++i) m += "~";
        m += "\n";
        for (const std::string& f : s.included_from) m += "  included from " + f + "\n";
    }
    if (backtrace_hook) {
        // A trace of just the word under the caret says nothing new.
        std::string bt = backtrace_hook();
        bool only_caret_word = error_located && error_site.col + error_site.len <= int(error_site.text.size()) &&
                               bt.find(' ') == std::string::npos &&
                               name_equals(bt, std::string_view(error_site.text).substr(size_t(error_site.col), size_t(error_site.len)));
        if (!bt.empty() && !only_caret_word) m += "Backtrace: " + bt + "\n";
    }
    return m;
}

}  // namespace xf
