// SPDX-License-Identifier: MIT
#pragma once
namespace xf {
// Chooses how terminal input is read: GNU readline (editing, history) when
// standard input is a terminal, plain lines otherwise.
void init_terminal_input();
}
