/* A one-line progress count on a terminal for batch commands (convert
 * --output-dir, migrate of several files): "\r\033[K" then
 * "LABEL: DONE/TOTAL files[, N need hands][, N failed]", redrawn at most
 * ten times a second and always for the last file; cleared before any
 * other line goes to the same stream. */
#ifndef XC_PROGRESS_H
#define XC_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct xc_progress {
    FILE *err;
    const char *label;       /* "xenconv", "xenconv migrate" */
    bool on, shown;
    size_t done, total, hands, failed;
    double last;             /* when last drawn (monotonic seconds) */
};

/* Draw if on and due (force: now, e.g. the last file). */
void xc_progress_draw(struct xc_progress *p, bool force);
/* Erase the line if it is shown. */
void xc_progress_clear(struct xc_progress *p);

#endif
