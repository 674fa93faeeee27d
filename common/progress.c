#include "progress.h"

#include <time.h>

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void xc_progress_clear(struct xc_progress *p)
{
    if (p->shown) {
        fputs("\r\033[K", p->err);
        p->shown = false;
    }
}

void xc_progress_draw(struct xc_progress *p, bool force)
{
    if (!p->on)
        return;
    double t = now_s();
    if (!force && p->shown && t - p->last < 0.1)
        return;
    p->last = t;
    fprintf(p->err, "\r\033[K%s: %zu/%zu files", p->label, p->done, p->total);
    if (p->hands)
        fprintf(p->err, ", %zu need hands", p->hands);
    if (p->failed)
        fprintf(p->err, ", %zu failed", p->failed);
    fflush(p->err);
    p->shown = true;
}
