// SPDX-License-Identifier: MIT
// Standard THROW codes (Forth-2012 table 9.1) and where an error happened.
#pragma once
#include "core/vm.h"
#include <string>
#include <vector>

namespace xf {

const char* throw_message(cell code);   // "undefined word", ... or nullptr

// Where the innermost interpreter was when an error passed through it.
// Recorded once per error on its way out; a Forth CATCH that handles the
// error clears `error_located` (asm/runtime), so the next error records anew.
struct ErrorSite {
    std::string file;          // "<stdin>", "<evaluate>", a path
    int line = 0, col = 0, len = 0;
    std::string text;          // the source line
    std::vector<std::string> included_from;   // "file:line", innermost first
};
extern ErrorSite error_site;
extern uint8_t error_located;

// The whole message a person sees: "file:line:col: error: -13 undefined word",
// the source line and a caret under the word.
std::string format_error(cell code);
// Supplied by code generation: the names of the words active at the error.
extern std::string (*backtrace_hook)();

}  // namespace xf
