// expoplan — system calls the Swift Glibc module does not expose.
// Copyright (C) 2026 the expoplan authors. GPL-3.0-or-later (see LICENSE).
#ifndef EXPOPLAN_CSYSTEM_H
#define EXPOPLAN_CSYSTEM_H

/// Swaps two paths (files or folders) in one atomic step: Linux's
/// renameat2(RENAME_EXCHANGE). Returns 0, or -1 with errno set (ENOSYS or EINVAL
/// where the kernel or file system cannot exchange).
int expoplan_exchange_paths(const char *first, const char *second);

#endif
