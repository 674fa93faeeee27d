/* The xen-sxpr writer: struct xc_domain -> the S-expression libvirt's
 * xenFormatSxpr sent to xend (its newest, libxl-era form: no xend config
 * version branches), on one line, followed by a newline.
 *
 * This file: the frame and the top-level keys (name, memory, vcpus,
 * cpus, uuid, description, bootloader, lifecycle actions), then the image
 * (sxpr_write_image.c) and the devices (sxpr_write_dev.c,
 * sxpr_write_gfx.c) in libvirt's order. */
#include "sxpr.h"

#include <inttypes.h>
#include <stdarg.h>
#include <string.h>

#include "sxpr_write.h"

/* ---- helpers shared by the writer's files ------------------------------- */

const char *xc_sxw_s(const struct xc_str *s)
{
    return s->s ? s->s : "";
}

bool xc_sxw_streq(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

void xc_sxw_kv(struct sxw *w, const char *key, const char *v)
{
    xc_buf_flush_point(w->b);    /* sxpr_write.h */
    xc_buf_addc(w->b, '(');
    xc_buf_add(w->b, key);
    xc_buf_addc(w->b, ' ');
    xc_sxw_atom(w->b, v, XC_SXW_QUOTED);
    xc_buf_addc(w->b, ')');
}

void xc_sxw_num(struct sxw *w, const char *key, long long v)
{
    xc_buf_addf(w->b, "(%s %lld)", key, v);
}

void xc_sxw_lost(struct sxw *w, struct xc_pos pos, const char *fmt, ...)
{
    struct xc_buf what = {0};
    va_list ap;

    va_start(ap, fmt);
    xc_buf_vaddf(&what, fmt, ap);
    va_end(ap);
    xc_lost(w->d, pos, XCW_LOST, "%s", xc_buf_str(&what));
    xc_buf_free(&what);
}

void xc_sxw_error(struct sxw *w, struct xc_pos pos, const char *check,
                  const char *fmt, ...)
{
    struct xc_buf msg = {0};
    va_list ap;

    va_start(ap, fmt);
    xc_buf_vaddf(&msg, fmt, ap);
    va_end(ap);
    xc_error(w->d, pos, check, "%s", xc_buf_str(&msg));
    xc_buf_free(&msg);
    w->failed = true;
}

/* ---- top-level keys ----------------------------------------------------- */

static unsigned long long mib_up(uint64_t kib)
{
    return (unsigned long long)(kib / 1024 + (kib % 1024 != 0));
}

/* libvirt's (1UL << current) - 1, for up to 64 online vcpus. */
static void vcpu_avail(struct sxw *w, unsigned cur)
{
    unsigned long long mask = cur >= 64 ? ~0ULL : (1ULL << cur) - 1;

    if (cur > 64) {
        xc_sxw_error(w, xc_nopos, XCW_UNSUPPORTED,
                     "%u online vcpus: xend's vcpu_avail bitmask holds 64",
                     cur);
        return;
    }
    xc_buf_addf(w->b, "(vcpu_avail %llu)", mask);
}

void xc_sxw_vcpus(struct sxw *w)
{
    const struct xc_domain *dom = w->dom;

    xc_buf_addf(w->b, "(vcpus %u)", dom->maxvcpus);
    if (dom->has_current_vcpus && dom->current_vcpus < dom->maxvcpus)
        vcpu_avail(w, dom->current_vcpus);
}

static void fmt_cpus(struct sxw *w)
{
    const struct xc_domain *dom = w->dom;
    struct xc_buf b = {0};
    bool empty;

    if (!dom->cpuset.s)
        return;
    if (xc_sxw_streq(dom->placement.s, "auto")) {
        /* libvirt's parser drops the cpuset of placement='auto' */
        xc_sxw_lost(w, dom->cpuset.pos, "vcpu cpuset '%s' (ignored with "
                    "placement='auto', as libvirt does)", dom->cpuset.s);
        return;
    }
    if (xc_xenw_cpuset(&dom->cpuset, "vcpu cpuset", &b, &empty, w->d) < 0)
        w->failed = true;
    else if (!empty)
        xc_sxw_kv(w, "cpus", xc_buf_str(&b));
    else
        xc_sxw_error(w, dom->cpuset.pos, XCW_UNSUPPORTED,
                     "Invalid value of 'cpuset': '%s' names no cpu",
                     dom->cpuset.s);
    xc_buf_free(&b);
}

static const char *lifecycle(enum xc_lifecycle a)
{
    /* libvirt's zero lifecycle action is destroy */
    return a == XC_LC_NONE ? "destroy" : xc_enum_name(XC_T_LIFECYCLE, a);
}

static void fmt_top(struct sxw *w)
{
    const struct xc_domain *dom = w->dom;
    char uuid[37];

    if (!dom->name.s)
        xc_sxw_error(w, xc_nopos, XCW_UNSUPPORTED, "domain has no name");
    else
        xc_sxw_kv(w, "name", dom->name.s);
    xc_buf_addf(w->b, "(memory %llu)(maxmem %llu)",
                mib_up(dom->has_current_memory ? dom->current_memory_kib : 0),
                mib_up(dom->memory_kib));
    xc_sxw_vcpus(w);
    fmt_cpus(w);
    xc_uuid_format(dom->uuid, uuid);
    xc_sxw_kv(w, "uuid", uuid);
    if (dom->description.s)
        xc_sxw_kv(w, "description", dom->description.s);
    if (dom->os.bootloader.s) {
        if (dom->os.bootloader.s[0])
            xc_sxw_kv(w, "bootloader", dom->os.bootloader.s);
        else
            xc_buf_add(w->b, "(bootloader)");
        if (dom->os.bootloader_args.s)
            xc_sxw_kv(w, "bootloader_args", dom->os.bootloader_args.s);
    } else if (dom->os.bootloader_args.s) {
        xc_sxw_lost(w, dom->os.bootloader_args.pos,
                    "<bootloader_args> without a <bootloader>");
    }
    xc_sxw_kv(w, "on_poweroff", lifecycle(dom->on_poweroff));
    xc_sxw_kv(w, "on_reboot", lifecycle(dom->on_reboot));
    xc_sxw_kv(w, "on_crash", lifecycle(dom->on_crash));
}

int xc_sxpr_write(const struct xc_domain *dom, const struct xc_settings *set,
                  struct xc_buf *out, struct xc_diags *d)
{
    struct sxw w = {.dom = dom, .d = d, .b = out};
    size_t start = xc_buf_mark(out);

    (void)set;
    /* libvirt's zero os type is hvm; xenFormatSxpr tests for hvm only */
    w.hvm = dom->os.type == XC_OS_HVM || dom->os.type == XC_OS_NONE;

    xc_buf_add(out, "(vm ");
    fmt_top(&w);
    xc_sxw_image(&w);
    xc_buf_flush_point(out);
    xc_sxw_disks(&w);
    xc_buf_flush_point(out);
    xc_sxw_nets(&w);
    xc_buf_flush_point(out);
    xc_sxw_pci(&w);
    if (!w.hvm)
        xc_sxw_graphics(&w, false);
    xc_buf_add(out, ")\n");
    xc_sxw_other_losses(&w);

    if (w.failed) {
        /* a caller with a sink discards the whole output (buf.h) */
        xc_buf_truncate(out, start);
        return -1;
    }
    return 0;
}
