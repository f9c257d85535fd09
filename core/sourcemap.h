// SPDX-License-Identifier: MIT
// Where each word was defined, and the source text of colon definitions as
// it was compiled (from `:` to `;`, over as many lines as it took), for SEE
// and LOCATE.
#pragma once
#include "core/dictionary.h"
#include <string>

namespace xf {

struct Source;

struct DefSource {
    std::string file;   // "<stdin>", "<evaluate>" or the file's path
    int line = 0;       // 1-based line of the definition's start
    std::string text;   // colon definitions: ": name ... ;"
};

void note_location(const Word* w);        // at create_header: the current source's file and line
void start_source_text();                 // at `:`: record from the word being interpreted on
void end_source_text(const Word* w);      // at `;`: keep the text up to >IN as w's
void note_refill(const Source& s);        // refill() read a new line into s
const DefSource* source_of(const Word* w);   // nullptr when unknown

}  // namespace xf
