/* The clock: offset and timers, as libvirt 9.0.0's libxlMakeDomBuildInfo
 * sets localtime, rtc_timeoffset, tsc_mode and the HPET. */
#include <string.h>

#include "libxl_bridge_int.h"

static int timer(struct xlb *b, const struct xc_timer *t)
{
    libxl_domain_build_info *bi = &b->cfg->b_info;
    const char *name = t->name.s ? t->name.s : "";

    if (strcmp(name, "tsc") == 0) {
        const char *mode = t->mode.s ? t->mode.s : "";
        if (strcmp(mode, "native") == 0)
            bi->tsc_mode = LIBXL_TSC_MODE_NATIVE;
        else if (strcmp(mode, "paravirt") == 0)
            bi->tsc_mode = LIBXL_TSC_MODE_NATIVE_PARAVIRT;
        else if (strcmp(mode, "emulate") == 0)
            bi->tsc_mode = LIBXL_TSC_MODE_ALWAYS_EMULATE;
        else
            bi->tsc_mode = LIBXL_TSC_MODE_DEFAULT;
        return 0;
    }
    if (strcmp(name, "hpet") == 0 && b->hvm) {
        if (t->present == XC_TRI_YES)
            libxl_defbool_set(&bi->u.hvm.hpet, true);
        return 0;
    }
    xc_error(b->d, t->name.pos, XLB_CHECK, "unsupported timer type (name) '%s'%s",
             name, strcmp(name, "hpet") == 0 ? " for a non-HVM domain" : "");
    return -1;
}

int xlb_clock(struct xlb *b)
{
    const struct xc_clock *c = &b->dom->clock;
    libxl_domain_build_info *bi = &b->cfg->b_info;

    switch (c->offset) {
    case XC_CLOCK_VARIABLE:
        if (c->basis == XC_BASIS_LOCALTIME)
            libxl_defbool_set(&bi->localtime, true);
        bi->rtc_timeoffset = (uint32_t)c->adjustment;
        break;
    case XC_CLOCK_LOCALTIME:
        libxl_defbool_set(&bi->localtime, true);
        break;
    case XC_CLOCK_UTC:
    case XC_CLOCK_NONE:
        break;
    case XC_CLOCK_TIMEZONE:
        xc_error(b->d, c->timezone.pos, XLB_CHECK, "unsupported clock offset 'timezone'");
        return -1;
    }
    /* adjustment='reset' is libxl's behaviour anyway: no offset kept */
    for (size_t i = 0; i < c->timers.n; i++)
        if (timer(b, &c->timers.v[i]) < 0)
            return -1;
    return 0;
}
