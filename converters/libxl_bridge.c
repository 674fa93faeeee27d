/* The libxl bridge: entry points, the host description, libxl's JSON,
 * and the small helpers the parts share.  docs/libxl-bridge.md. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/xalloc.h"
#include "libxl_bridge_int.h"

/* after libxl.h; libxl's own build defines this (yajl 2) */
#define HAVE_YAJL_YAJL_VERSION_H 1
#include <libxl_json.h>

char *xlb_strdup(const char *s)
{
    return s ? xc_strdup(s) : NULL;
}

void xlb_bitmap_alloc(struct xlb *b, libxl_bitmap *map, unsigned nbits)
{
    libxl_bitmap_init(map);
    if (b->ctx && libxl_cpu_bitmap_alloc(b->ctx, map, (int)nbits) == 0)
        return;
    map->size = (nbits + 7) / 8;
    map->map = xc_calloc(map->size ? map->size : 1, 1);
}

static int cpu_num(const char **p, unsigned *out)
{
    unsigned long v = 0;
    const char *s = *p;
    if (*s < '0' || *s > '9')
        return -1;
    while (*s >= '0' && *s <= '9') {
        v = v * 10 + (unsigned long)(*s - '0');
        if (v > 65535)
            return -1;
        s++;
    }
    *p = s;
    *out = (unsigned)v;
    return 0;
}

int xlb_cpulist(struct xlb *b, const char *s, struct xc_pos pos,
                libxl_bitmap *map, unsigned *highest)
{
    const char *p = s;
    for (;;) {
        bool neg = false;
        unsigned lo, hi;
        while (*p == ' ')
            p++;
        if (*p == '^') {
            neg = true;
            p++;
        }
        if (cpu_num(&p, &lo) < 0)
            goto bad;
        hi = lo;
        if (*p == '-') {
            p++;
            if (neg || cpu_num(&p, &hi) < 0 || hi < lo)
                goto bad;
        }
        for (unsigned i = lo; i <= hi; i++) {
            if (i >= map->size * 8) {
                xc_error(b->d, pos, XLB_CHECK,
                         "cpu %u of '%s' is beyond the %u the domain has", i, s,
                         map->size * 8);
                return -1;
            }
            if (neg)
                libxl_bitmap_reset(map, (int)i);
            else
                libxl_bitmap_set(map, (int)i);
            if (highest && !neg && i > *highest)
                *highest = i;
        }
        while (*p == ' ')
            p++;
        if (*p == '\0')
            return 0;
        if (*p != ',')
            goto bad;
        p++;
    }
bad:
    xc_error(b->d, pos, XLB_CHECK, "invalid cpu list '%s'", s);
    return -1;
}

/* /proc/cpuinfo's vendor_id line holds needle (a dom0 hides vmx/svm from
 * its flags, so the vendor and Xen's cap_hvm tell which one the host has). */
static bool cpu_vendor(const char *needle)
{
    FILE *f = fopen("/proc/cpuinfo", "r");
    char line[512];
    bool found = false;
    if (!f)
        return false;
    while (fgets(line, sizeof line, f))
        if (strncmp(line, "vendor_id", 9) == 0) {
            found = strstr(line, needle) != NULL;
            break;
        }
    fclose(f);
    return found;
}

void xc_libxl_host_offline(struct xc_libxl_host *h)
{
    memset(h, 0, sizeof *h);
    h->nr_nodes = ~0u;
    h->vmx = true;
    h->vnc_port = 5900;
}

static void host_from_ctx(libxl_ctx *ctx, struct xc_libxl_host *h)
{
    libxl_physinfo pi;
    int n;
    xc_libxl_host_offline(h);
    h->vmx = false;
    libxl_physinfo_init(&pi);
    if (libxl_get_physinfo(ctx, &pi) == 0) {
        h->nr_nodes = pi.nr_nodes;
        h->vmx = pi.cap_hvm && cpu_vendor("GenuineIntel");
        h->svm = pi.cap_hvm && cpu_vendor("AuthenticAMD");
    }
    libxl_physinfo_dispose(&pi);
    n = libxl_get_max_cpus(ctx);
    if (n > 0)
        h->max_cpus = (unsigned)n;
    h->vnc_findunused = true;
}

int xc_libxl_build(const struct xc_domain *dom, const struct xc_settings *set,
                   libxl_ctx *ctx, libxl_domain_config *cfg, struct xc_diags *d)
{
    struct xc_libxl_host host;
    if (ctx)
        host_from_ctx(ctx, &host);
    else
        xc_libxl_host_offline(&host);
    return xc_libxl_build_host(dom, set, &host, ctx, cfg, d);
}

int xc_libxl_build_host(const struct xc_domain *dom, const struct xc_settings *set,
                        const struct xc_libxl_host *host, libxl_ctx *ctx,
                        libxl_domain_config *cfg, struct xc_diags *d)
{
    struct xlb b = {
        .dom = dom, .set = set, .host = host, .ctx = ctx, .cfg = cfg, .d = d,
        .hvm = dom->os.type == XC_OS_HVM, .pvh = dom->os.type == XC_OS_XENPVH,
        .dm_version = LIBXL_DEVICE_MODEL_VERSION_QEMU_XEN,
    };
    size_t errors = d->nerrors;
    int (*const parts[])(struct xlb *) = {
        xlb_create_info, xlb_build_info, xlb_vnuma, xlb_disks, xlb_nics,
        xlb_vfbs, xlb_buildinfo_vfb, xlb_pcidevs, xlb_usb, xlb_channels,
        xlb_video,
    };
    /* libvirt asks the emulator (-help) whether it is qemu-traditional;
     * offline we go by its name. */
    if (b.hvm && dom->emulator.s) {
        const char *base = strrchr(dom->emulator.s, '/');
        if (strcmp(base ? base + 1 : dom->emulator.s, "qemu-dm") == 0)
            b.dm_version = LIBXL_DEVICE_MODEL_VERSION_QEMU_XEN_TRADITIONAL;
    }
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
        if (parts[i](&b) < 0 || d->nerrors > errors) {
            if (d->nerrors == errors)
                xc_error(d, xc_nopos, XLB_CHECK, "libxl refused the domain");
            return -1;
        }
    return 0;
}

char *xc_libxl_json(libxl_domain_config *cfg)
{
    yajl_gen g = libxl_yajl_gen_alloc(NULL);
    const unsigned char *buf;
    size_t len;
    char *out = NULL;
    if (!g)
        return NULL;
    if (libxl_domain_config_gen_json(g, cfg) == yajl_gen_status_ok &&
        yajl_gen_get_buf(g, &buf, &len) == yajl_gen_status_ok)
        out = xc_strndup((const char *)buf, len);
    yajl_gen_free(g);
    return out;
}
