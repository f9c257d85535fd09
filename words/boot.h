// SPDX-License-Identifier: MIT
#pragma once
#include <string_view>

namespace xf {
// Maps the memory regions, builds the runtime and registers every built-in
// word; then load_kernel_fs() compiles the embedded kernel.fs.
void boot();
void load_kernel_fs();
// The text of kernel.fs as embedded in the program (LOCATE reads it).
std::string_view kernel_fs_text();
}
