/* kernel.fs, embedded so that ./xforth needs no file at run time. */
    .section .rodata
    .global xf_kernel_fs_start
    .global xf_kernel_fs_end
xf_kernel_fs_start:
    .incbin "kernel.fs"
xf_kernel_fs_end:
    .section .note.GNU-stack,"",@progbits
