// SPDX-License-Identifier: MIT
#pragma once
namespace xf {
// Maps the memory regions, builds the runtime and registers every built-in
// word; then load_kernel_fs() compiles the embedded kernel.fs.
void boot();
void load_kernel_fs();
}
