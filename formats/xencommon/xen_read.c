/* xenParseConfigCommon (libvirt 9.0.0 src/libxl/xen_common.c), shared by
 * the xl and xm readers: general meta, memory, lifecycle actions, vcpus,
 * hypervisor features, time offset and the emulator, then the device
 * sections in xen_read_net.c and xen_read_dev.c; and the report of every
 * key no reader used.  See formats/xl/xl_read.c for the differences from
 * libvirt on input libvirt mishandles. */
#define _POSIX_C_SOURCE 200809L
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/buf.h"
#include "../../common/strset.h"
#include "../../common/xalloc.h"
#include "xen_read.h"

const char *xc_xen_flavor_name(enum xc_xen_flavor f)
{
    return f == XC_XEN_XM ? "xen-xm" : "xen-xl";
}

const char *xc_xen_vif_typename(enum xc_xen_flavor f)
{
    return f == XC_XEN_XM ? "netfront" : "vif";
}

/* ---- general meta, memory, lifecycle ----------------------------------- */

static int read_meta(struct xcr *r)
{
    struct xc_domain *dom = r->dom;
    const char *s;
    struct xc_pos pos;
    int ret = 0;

    xc_str_set(&dom->virt_type, "xen", xc_nopos);

    if (xcr_string(r, "name", &s, &pos) < 0) {
        ret = -1;
    } else if (!s) {
        struct xc_pos start = {1, 1};
        xcr_error(r, start, "missing-key", "the required key 'name' is "
                  "missing");
        ret = -1;
    } else {
        xc_str_set(&dom->name, s, pos);
    }

    if (xcr_string(r, "uuid", &s, &pos) < 0) {
        ret = -1;
    } else if (!s) {
        xc_uuid_generate(dom->uuid);
        dom->has_uuid = true;
    } else if (xc_uuid_parse(s, dom->uuid) < 0) {
        xcr_error(r, pos, "bad-uuid", "uuid '%s' is not a valid UUID "
                  "(32 hexadecimal digits, optionally with dashes)", s);
        ret = -1;
    } else {
        dom->has_uuid = true;
    }

    dom->os.type = XC_OS_XEN;
    struct xc_cfg_value *tv = xcr_value(r, "type");
    if (tv) {
        if (xcr_string(r, "type", &s, &dom->os.type_pos) < 0) {
            ret = -1;
        } else if (strcmp(s, "pv") == 0) {
            dom->os.type = XC_OS_XEN;
        } else if (strcmp(s, "pvh") == 0) {
            dom->os.type = XC_OS_XENPVH;
        } else if (strcmp(s, "hvm") == 0) {
            dom->os.type = XC_OS_HVM;
        } else {
            xcr_error(r, dom->os.type_pos, "bad-value", "type '%s' is not supported "
                      "(expected pv, pvh or hvm)", s);
            ret = -1;
        }
    } else {
        struct xc_cfg_value *bv = xcr_value(r, "builder");
        if (bv) {
            if (xcr_string(r, "builder", &s, &dom->os.type_pos) < 0)
                ret = -1;
            else if (strcmp(s, "hvm") == 0)
                dom->os.type = XC_OS_HVM;
        }
    }

    const char *machine = dom->os.type == XC_OS_HVM ? "xenfv" :
                          dom->os.type == XC_OS_XENPVH ? "xenpvh" : "xenpv";
    xc_str_set(&dom->os.arch, r->set->arch, xc_nopos);
    xc_str_set(&dom->os.machine, machine, xc_nopos);
    return ret;
}

static int read_mem(struct xcr *r)
{
    unsigned long long memory, maxmem;
    const unsigned long long max = ULLONG_MAX / 1024;
    if (xcr_ulong(r, "memory", 64 * 2, max, &memory, NULL) < 0)
        return -1;
    if (xcr_ulong(r, "maxmem", memory, max, &maxmem, NULL) < 0)
        return -1;
    r->dom->has_current_memory = true;
    r->dom->current_memory_kib = memory * 1024;
    r->dom->has_memory = true;
    r->dom->memory_kib = maxmem * 1024;
    return 0;
}

static int read_action(struct xcr *r, const char *key, const char *def,
                       enum xc_lifecycle *out)
{
    const char *s;
    struct xc_pos pos;
    if (xcr_string(r, key, &s, &pos) < 0)
        return -1;
    int v = xc_enum_parse(XC_T_LIFECYCLE, s ? s : def);
    if (v < 0) {
        xcr_error(r, pos, "bad-value", "unexpected value '%s' for %s "
                  "(expected destroy, restart, rename-restart, preserve, "
                  "coredump-destroy or coredump-restart)", s, key);
        return -1;
    }
    *out = (enum xc_lifecycle)v;
    return 0;
}

static int read_events(struct xcr *r)
{
    int ret = 0;
    if (read_action(r, "on_poweroff", "destroy", &r->dom->on_poweroff) < 0)
        ret = -1;
    if (read_action(r, "on_reboot", "restart", &r->dom->on_reboot) < 0)
        ret = -1;
    if (read_action(r, "on_crash", "restart", &r->dom->on_crash) < 0)
        ret = -1;
    return ret;
}

/* ---- vcpus ---------------------------------------------------------------- */

static int read_cpu(struct xcr *r)
{
    struct xc_domain *dom = r->dom;
    unsigned long long count, max;
    bool has_max;

    if (xcr_ulong(r, "vcpus", 1, UINT_MAX, &count, NULL) < 0)
        return -1;
    if (xcr_ulong(r, "maxvcpus", count, UINT_MAX, &max, &has_max) < 0)
        return -1;
    /* vcpus beyond maxvcpus are dropped, the rest online */
    dom->has_vcpus = true;
    dom->maxvcpus = (unsigned)max;
    dom->current_vcpus = (unsigned)(count < max ? count : max);
    dom->has_current_vcpus = dom->current_vcpus != dom->maxvcpus;

    const char *s;
    struct xc_pos pos;
    if (xcr_string(r, "cpus", &s, &pos) < 0)
        return -1;
    if (s) {
        char *norm;
        unsigned n;
        bool all;
        if (xcr_parse_cpuset(s, 4096, &norm, &n, &all) < 0) {
            xcr_error(r, pos, "bad-cpuset", "cpus '%s' is not a CPU list "
                      "like \"0-3,^2,8\" (CPUs 0-4095)", s);
            return -1;
        }
        /* Exclusions alone ("^2") pin to no CPU: libvirt would write
         * cpuset='', which neither its XML parser nor any writer takes */
        if (n == 0) {
            free(norm);
            xcr_error(r, pos, "bad-cpuset", "cpus '%s' names no CPU "
                      "(only exclusions)", s);
            return -1;
        }
        if (!all) {
            xc_str_set(&dom->cpuset, norm, pos);
            free(norm);
        } else {
            free(norm);
        }
    }
    return 0;
}

/* ---- features, timers, clock ------------------------------------------------ */

static void add_timer(struct xcr *r, const char *name, enum xc_tristate present,
                      const char *mode, struct xc_pos pos)
{
    struct xc_timer *t = xc_vec_push(&r->dom->clock.timers);
    xc_str_set(&t->name, name, pos);
    t->present = present;
    if (mode)
        xc_str_set(&t->mode, mode, pos);
}

static int read_features(struct xcr *r)
{
    struct xc_domain *dom = r->dom;
    struct xc_features *f = &dom->features;
    const char *s;
    struct xc_pos pos;
    int val, ret = 0;

    if (xcr_string(r, "tsc_mode", &s, &pos) < 0) {
        ret = -1;
    } else if (s) {
        const char *mode = "auto";
        if (strcmp(s, "always_emulate") == 0)
            mode = "emulate";
        else if (strcmp(s, "native") == 0)
            mode = "native";
        else if (strcmp(s, "native_paravirt") == 0)
            mode = "paravirt";
        else if (strcmp(s, "default") != 0)
            xc_warn(r->d, pos, "suspicious-value", "tsc_mode '%s' is unknown; "
                    "read as the automatic mode (as libvirt does)", s);
        add_timer(r, "tsc", XC_TRI_YES, mode, pos);
    }

    if (xcr_string(r, "passthrough", &s, &pos) < 0) {
        ret = -1;
    } else if (s) {
        if (strcmp(s, "disabled") == 0) {
            f->xen_passthrough = XC_TRI_NO;
        } else if (strcmp(s, "enabled") == 0) {
            f->xen_passthrough = XC_TRI_YES;
        } else if (strcmp(s, "sync_pt") == 0) {
            f->xen_passthrough = XC_TRI_YES;
            f->xen_passthrough_mode = XC_PT_SYNC_PT;
        } else if (strcmp(s, "share_pt") == 0) {
            f->xen_passthrough = XC_TRI_YES;
            f->xen_passthrough_mode = XC_PT_SHARE_PT;
        } else {
            xcr_error(r, pos, "bad-value", "invalid passthrough mode '%s' "
                      "(expected disabled, enabled, sync_pt or share_pt)", s);
            ret = -1;
        }
    }

    if (dom->os.type == XC_OS_HVM) {
        if (xcr_bool(r, "pae", 1, &val) < 0)
            ret = -1;
        else if (val)
            f->f[XC_FEAT_PAE] = XC_TRI_YES;
        if (xcr_bool(r, "acpi", 1, &val) < 0)
            ret = -1;
        else if (val)
            f->f[XC_FEAT_ACPI] = XC_TRI_YES;
        if (xcr_bool(r, "apic", 1, &val) < 0)
            ret = -1;
        else if (val)
            f->f[XC_FEAT_APIC] = XC_TRI_YES;
        if (xcr_bool(r, "hap", 1, &val) < 0)
            ret = -1;
        else if (!val)
            f->f[XC_FEAT_HAP] = XC_TRI_NO;
        if (xcr_bool(r, "viridian", 0, &val) < 0)
            ret = -1;
        else if (val)
            f->f[XC_FEAT_VIRIDIAN] = XC_TRI_YES;
        struct xc_cfg_value *hv = xcr_value(r, "hpet");
        if (xcr_bool(r, "hpet", -1, &val) < 0)
            ret = -1;
        else if (val != -1)
            add_timer(r, "hpet", val ? XC_TRI_YES : XC_TRI_NO, NULL,
                      hv ? hv->pos : xc_nopos);
    } else {
        if (xcr_bool(r, "e820_host", 0, &val) < 0)
            ret = -1;
        else if (val)
            f->xen_e820_host = XC_TRI_YES;
    }
    return ret;
}

static int read_time_offset(struct xcr *r)
{
    struct xc_clock *c = &r->dom->clock;
    int localtime;
    if (xcr_bool(r, "localtime", 0, &localtime) < 0)
        return -1;
    if (r->dom->os.type == XC_OS_HVM) {
        unsigned long long off;
        c->offset = XC_CLOCK_VARIABLE;
        /* libxl keeps it as a uint32 and libvirt reads it back as an int */
        if (xcr_ulong(r, "rtc_timeoffset", 0, UINT_MAX, &off, NULL) < 0)
            return -1;
        c->has_adjustment = true;
        c->adjustment = off > INT_MAX ? (long long)off - 4294967296LL
                                      : (long long)off;
        c->basis = localtime ? XC_BASIS_LOCALTIME : XC_BASIS_UTC;
    } else {
        /* PV domains have no emulated RTC: the offset is fixed */
        c->offset = localtime ? XC_CLOCK_LOCALTIME : XC_CLOCK_UTC;
        c->utc_reset = true;
    }
    return 0;
}

int xcr_copy_opt(struct xcr *r, const char *key, struct xc_str *dst)
{
    const char *s;
    struct xc_pos pos;
    if (xcr_string(r, key, &s, &pos) < 0)
        return -1;
    if (s)
        xc_str_set(dst, s, pos);
    return 0;
}

/* ---- leftovers --------------------------------------------------------------- */

static void render_value(struct xc_buf *b, const struct xc_cfg_value *v)
{
    switch (v->kind) {
    case XC_CFG_STRING:
        xc_buf_addc(b, '"');
        xc_buf_add(b, xcr_text(v));
        xc_buf_addc(b, '"');
        break;
    case XC_CFG_NUMBER:
        xc_buf_add(b, xcr_text(v));
        break;
    case XC_CFG_LIST:
        xc_buf_add(b, "[ ");
        for (size_t i = 0; i < v->items.n; i++) {
            if (i)
                xc_buf_add(b, ", ");
            render_value(b, &v->items.v[i]);
        }
        xc_buf_add(b, " ]");
        break;
    }
}

/* A device switch set to off that libvirt never read (e.g. the `sdl = 0`
 * libvirt itself writes beside `vnc = 1`): the XML, having no such device,
 * says the same, so nothing is lost and nothing is reported. */
static bool switched_off(const struct xc_cfg_entry *e)
{
    static const char *const switches[] = {
        "sdl", "vnc", "spice", "usb", "spicevdagent", NULL};
    const char *t = e->value.kind == XC_CFG_LIST ? NULL : xcr_text(&e->value);
    if (!t || strcmp(t, "0") != 0)
        return false;
    for (size_t i = 0; switches[i]; i++)
        if (strcmp(e->key, switches[i]) == 0)
            return true;
    return false;
}

void xcr_report_unused(struct xcr *r)
{
    struct xc_strset keys = {0};
    for (size_t i = 0; i < r->cfg->entries.n; i++) {
        struct xc_cfg_entry *e = &r->cfg->entries.v[i];
        bool repeated = !xc_strset_add(&keys, e->key);
        if (e->used || (!repeated && switched_off(e)))
            continue;
        struct xc_buf b = {0};
        render_value(&b, &e->value);
        xc_domain_add_leftover(r->dom, e->key, xc_buf_str(&b), e->key_pos);
        xc_buf_free(&b);
        if (e->append)
            xc_lost(r->d, e->key_pos, "unused-key",
                    "'%s += ...' (libvirt's parser knows no '+=')", e->key);
        else if (repeated)
            xc_lost(r->d, e->key_pos, "unused-key",
                    "key '%s' (it repeats an earlier '%s' and only the first "
                    "one is read; xl itself would use the last)", e->key,
                    e->key);
        else
            xc_lost(r->d, e->key_pos, "unused-key", "key '%s'", e->key);
    }
    xc_strset_free(&keys);
}

int xcr_read_common(struct xcr *r)
{
    read_meta(r);
    read_mem(r);
    read_events(r);
    read_cpu(r);
    read_features(r);
    read_time_offset(r);
    xcr_copy_opt(r, "device_model_override", &r->dom->emulator);
    xcr_read_vifs(r);
    xcr_read_pcis(r);
    xcr_read_sound(r);
    xcr_read_vfb(r);
    xcr_read_chardevs(r);
    return r->failed ? -1 : 0;
}

/* A "..." or '...' string that virConf, libvirt's reader of xm files,
 * reads otherwise than the cfg parser, which reads strings as xl does.
 * virConf knows no escapes and ends such a string at the first quote of
 * its kind or at a line end, CR included: so it calls a string holding a
 * CR unterminated, and ends one holding an escaped quote (\' or \") at
 * that quote and then finds no separator.  The xm writer (virConf's bytes)
 * could not say either back.  The xm reader refuses them as virConf does:
 * an unterminated string at its opening quote (the cfg parser's rule), a
 * missing separator where virConf looks for it.  A """...""" string may
 * hold both. */
static bool virconf_misread(const struct xc_source *in,
                            const struct xc_cfg_value *v, struct xc_diags *d)
{
    if (v->kind == XC_CFG_LIST) {
        for (size_t i = 0; i < v->items.n; i++)
            if (virconf_misread(in, &v->items.v[i], d))
                return true;
        return false;
    }
    if (v->kind != XC_CFG_STRING || v->end < v->off + 2 || v->end > in->len)
        return false;
    const char *b = in->data + v->off;
    size_t n = v->end - v->off;
    if (n >= 6 && memcmp(b, "\"\"\"", 3) == 0)
        return false;
    const char stop[] = {'\r', b[0], '\0'};
    size_t at = 1 + strcspn(b + 1, stop);
    if (at >= n - 1)
        return false;
    /* a string never spans lines here: columns count on from the quote */
    if (b[at] == '\r')
        xc_error(d, v->pos, "syntax", "unterminated string: end of line at "
                 "%u:%u (virConf, which reads xm files for libvirt, ends a "
                 "line at a carriage return)", v->pos.line,
                 v->pos.col + (unsigned)at);
    else
        xc_error(d, (struct xc_pos){v->pos.line, v->pos.col + (unsigned)at + 1},
                 "syntax", "expecting a separator: virConf, which reads xm "
                 "files for libvirt, knows no backslash escapes and ends the "
                 "string at the %c before this", b[0]);
    return true;
}

static int read_file(const struct xc_source *in, const struct xc_settings *set,
                     struct xc_domain *out, struct xc_diags *d,
                     enum xc_xen_flavor flavor, void (*read_own)(struct xcr *r))
{
    struct xc_cfg cfg = {0};
    d->file = in->name;
    if (xc_cfg_parse(in, &cfg, d) < 0) {
        xc_cfg_free(&cfg);
        return -1;
    }
    for (size_t i = 0; flavor == XC_XEN_XM && i < cfg.entries.n; i++) {
        if (virconf_misread(in, &cfg.entries.v[i].value, d)) {
            xc_cfg_free(&cfg);
            return -1;
        }
    }
    xc_source_consume(in);   /* the tree holds what is read from here on */

    struct xcr r = {.cfg = &cfg, .dom = out, .d = d, .set = set,
                    .flavor = flavor};
    size_t nerr = d->nerrors;

    xcr_read_common(&r);
    read_own(&r);
    xcr_report_unused(&r);
    xc_cfg_free(&cfg);
    if (r.failed || d->nerrors > nerr) {
        if (d->nerrors == nerr)
            xc_error(d, xc_nopos, "internal", "%s reading failed",
                     xc_xen_flavor_name(flavor));
        return -1;
    }
    return 0;
}

/* The HVM `boot` key, as xenParseXLOS and xenParseXMOS read it alike. */
int xcr_read_boot(struct xcr *r)
{
    struct xc_os *os = &r->dom->os;
    const char *s;
    struct xc_pos pos;
    if (xcr_string(r, "boot", &s, &pos) < 0)
        return -1;
    if (!s)
        s = "c";
    size_t i;
    for (i = 0; i < XC_MAX_BOOT_DEVS && s[i]; i++) {
        switch (s[i]) {
        case 'a': os->boot[i] = XC_BOOT_FD; break;
        case 'd': os->boot[i] = XC_BOOT_CDROM; break;
        case 'n': os->boot[i] = XC_BOOT_NETWORK; break;
        case 'c': os->boot[i] = XC_BOOT_HD; break;
        default:
            os->boot[i] = XC_BOOT_HD;
            xc_warn(r->d, xcr_pos_at(pos, s, i), "suspicious-value", "boot "
                    "device '%c' is unknown; read as c (hard disk) as "
                    "libvirt does", s[i]);
            break;
        }
        os->nboot++;
    }
    if (s[i])
        xc_lost(r->d, xcr_pos_at(pos, s, i), "ignored-value", "boot devices "
                "after the first %d ('%s')", XC_MAX_BOOT_DEVS, s + i);
    return 0;
}

int xcr_read_file(const struct xc_source *in, const struct xc_settings *set,
                  struct xc_domain *out, struct xc_diags *d,
                  enum xc_xen_flavor flavor, void (*read_own)(struct xcr *r))
{
    struct xc_strpool *prev = xc_strpool_enter(&out->strings);
    int rc = read_file(in, set, out, d, flavor, read_own);
    xc_strpool_enter(prev);
    return rc;
}
