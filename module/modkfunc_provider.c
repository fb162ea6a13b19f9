// SPDX-License-Identifier: GPL-2.0
/* modkfunc's own build of provider.c, which says why it needs one. */
#include "provider.c"
