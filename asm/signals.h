// SPDX-License-Identifier: MIT
#pragma once
namespace xf {
// Installs the handlers that turn faults and Ctrl-C into THROW codes.
void init_signals();
}
