// SPDX-License-Identifier: MIT
// Where each word was defined, the source text of colon definitions as it
// was compiled (from `:` to `;`, over as many lines as it took), and the
// documentation written beside a definition: the stack comment after its
// name and the \G glossary lines right after it (Gforth's convention). SEE,
// LOCATE and HELP read them.
#pragma once
#include "core/dictionary.h"
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace xf {

struct Source;

struct DefSource {
    std::string file;       // "<stdin>", "<evaluate>", "block N" or the file's path
    int line = 0;           // 1-based line of the definition's start (a block: its number)
    std::string text;       // colon definitions: ": name ... ;"
    std::string stack;      // the stack comments after the name: "( x -- x x )"
    std::string wordset;    // the tag after them: `( -- ) \ core` gives "core"
    std::string glossary;   // the \G lines, one per line
    int last_line = 0;      // the definition's last line so far: a \G on the next one documents it
};

void note_location(const Word* w);        // at create_header: the current source's file and line
void start_source_text();                 // at `:`: record from the word being interpreted on
void end_source_text(const Word* w);      // at `;`: keep the text up to >IN as w's
void note_refill(const Source& s);        // refill() read a new line into s
void note_glossary(std::string_view text);   // a \G line: documents the latest word if right after it
std::optional<DefSource> source_of(const Word* w);   // none when unknown

// "( a -- b ) ( R: x -- ) rest" -> {"( a -- b ) ( R: x -- )", "rest"}: the
// stack comments at the start of s (none: ""), and what follows, both trimmed.
std::pair<std::string_view, std::string_view> split_stack_comment(std::string_view s);
// What follows a definition's name on its line: "( -- char ) \ core" gives
// stack "( -- char )" and wordset "core".
struct HeaderDoc {
    std::string stack, wordset;
};
HeaderDoc header_doc(std::string_view rest_of_line);

}  // namespace xf
