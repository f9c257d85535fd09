// SPDX-License-Identifier: MIT
// What HELP shows for a word: "NAME ( stack ) \ wordset" and its glossary
// lines, indented (words/help.cpp).
#pragma once
#include "core/dictionary.h"
#include <string>

namespace xf {

std::string help_text(const Word* w);

}  // namespace xf
