// SPDX-License-Identifier: MIT
#pragma once
#include <string>
#include <string_view>
#include <vector>
namespace xf {
// Chooses how terminal input is read: GNU readline (editing, history in
// $XFORTH_HISTORY or ~/.xforth_history, Tab completion) when standard input
// is a terminal, plain lines otherwise.
void init_terminal_input();
// Names in the search order that start with prefix (case-insensitive), each once.
std::vector<std::string> complete_word(std::string_view prefix);
}
