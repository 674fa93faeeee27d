/* The xl writer: struct xc_domain -> xl.cfg(5) text, as libvirt 9.0.0's
 * xenFormatXL builds its virConf (same keys, same order, same
 * virConfSetValue replace-in-place semantics) and virConfWriteMem prints
 * it (formats/cfg/).
 *
 * Where libvirt's formatter fails, we fail with a positioned error.
 * Where it writes a value that changes the meaning of an xl spec, we
 * refuse [unsafe-value].  Whatever it drops (or xl cannot express) is a
 * warning [not-carried].  All problems are reported before giving up, and
 * nothing is written when there is an error. */
#include "xl.h"

#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/xalloc.h"
#include "../cfg/cfg.h"
#include "xl_write.h"
#include "../xencommon/xen_write_sep.h"

static bool streq(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

/* ==== xenFormatXL* ===================================================== */

static bool cpu_passthrough(const struct xc_cpu *cpu)
{
    return cpu->present && streq(cpu->mode.s, "host-passthrough");
}

static bool policy_off(const struct xc_cpu_feature *f)
{
    return streq(f->policy.s, "disable") || streq(f->policy.s, "forbid");
}

static void fmt_os(struct xcw *w)
{
    const struct xc_domain *dom = w->dom;
    const struct xc_os *os = &dom->os;

    if (w->hvm) {
        xcw_set_str(w, "builder", "hvm", os->type_pos);
        if (os->loader_type == XC_LOADER_PFLASH)
            xcw_set_str(w, "bios", "ovmf", os->loader.pos);
        if (os->slic_table.s)
            xcw_set_xstr(w, "acpi_firmware", &os->slic_table);
        if (os->kernel.s)
            xcw_set_xstr(w, "kernel", &os->kernel);
        if (os->initrd.s)
            xcw_set_xstr(w, "ramdisk", &os->initrd);
        if (os->cmdline.s)
            xcw_set_xstr(w, "cmdline", &os->cmdline);
        xcw_set_boot(w);
        if (cpu_passthrough(&dom->cpu)) {
            bool hw_virt = true;

            for (size_t i = 0; i < dom->cpu.features.n; i++) {
                const struct xc_cpu_feature *f = &dom->cpu.features.v[i];
                if (policy_off(f) &&
                    (streq(f->name.s, "vmx") || streq(f->name.s, "svm")))
                    hw_virt = false;
            }
            xcw_set_num(w, "nestedhvm", hw_virt);
        }
        if (os->loader.s && os->loader_type != XC_LOADER_PFLASH &&
            !streq(os->loader.s, w->set ? w->set->hvmloader : NULL))
            xc_lost(w->d, os->loader.pos, XCW_LOST,
                    "<loader> '%s' (xl uses its own hvmloader)", os->loader.s);
        if (os->bootloader.s)
            xcw_lost(w, os->bootloader.pos, "<bootloader> of an HVM guest");
        if (os->bootloader_args.s)
            xcw_lost(w, os->bootloader_args.pos,
                 "<bootloader_args> of an HVM guest");
        if (os->bootmenu != XC_TRI_ABSENT)
            xcw_lost(w, xc_nopos, "<bootmenu>");
    } else {
        if (os->type == XC_OS_XENPVH)
            xcw_set_str(w, "type", "pvh", os->type_pos);
        xcw_set_pv_boot(w, "cmdline");
    }
    xcw_lost_os_extras(w);
}

static void fmt_cpuid(struct xcw *w)
{
    const struct xc_cpu *cpu = &w->dom->cpu;
    struct xc_buf b = {0};
    bool any = false;

    if (!cpu->present)
        return;
    if (!cpu_passthrough(cpu)) {
        if (cpu->model.s || cpu->features.n)
            xc_lost(w->d, cpu->mode.pos, XCW_LOST,
                    "<cpu> model and features (only mode='host-passthrough' "
                    "is carried; mode here: '%s')",
                    cpu->mode.s ? cpu->mode.s : "custom");
        return;
    }
    xc_buf_add(&b, "host");
    for (size_t i = 0; i < cpu->features.n; i++) {
        const struct xc_cpu_feature *f = &cpu->features.v[i];
        const char *name = f->name.s ? xc_xlw_cpuid_name(f->name.s) : "";
        const char *p = f->policy.s;
        const char *v;

        if (streq(name, "vmx") || streq(name, "svm"))
            continue; /* nestedhvm, in fmt_os */
        if (!p || streq(p, "force") || streq(p, "require"))
            v = "1";
        else if (streq(p, "optional"))
            v = "x";
        else if (policy_off(f))
            v = "0";
        else {
            xc_error(w->d, f->policy.pos, XCW_UNSUPPORTED,
                     "unknown cpu feature policy '%s'", p);
            w->failed = true;
            continue;
        }
        /* xl splits the string at ',' and a flag at its first '=' */
        if (!xc_xenw_sep_ok(name, f->name.pos, "cpu feature name",
                            "the cpuid string", ",=", w->d)) {
            w->failed = true;
            continue;
        }
        xc_buf_addf(&b, ",%s=%s", name, v);
        any = true;
    }
    if (any)
        xcw_set_str(w, "cpuid", xc_buf_str(&b), cpu->mode.pos);
    xc_buf_free(&b);
}

struct rev_dist {
    size_t from;        /* index (cell id) of the cell that names us */
    unsigned value;
};

/* vnuma = [ [ "pnode=I", "size=MiB", "vcpus=SET", "vdistances=..." ], ...]
 * Node I is the cell with id I.  Distances follow libvirt's parser: a
 * cell's own sibling entries (the last one for a sibling wins), else the
 * sibling's first entry naming this cell, else 10 to itself and 20. */
static void fmt_vnuma(struct xcw *w)
{
    const struct xc_cpu *cpu = &w->dom->cpu;
    size_t n = cpu->cells.n;
    const struct xc_numa_cell **by_id;
    size_t *rev_start, *rev_fill;
    struct rev_dist *rev;
    size_t nrev = 0;
    unsigned *row;
    struct xc_cfg_value *list = NULL;
    struct xc_buf b = {0};
    bool ok = true;

    if (!n)
        return;
    by_id = xc_calloc(n, sizeof(*by_id));
    for (size_t i = 0; i < n; i++) {
        const struct xc_numa_cell *c = &cpu->cells.v[i];
        if (c->id >= n || by_id[c->id]) {
            xc_error(w->d, c->pos, XCW_UNSUPPORTED,
                     "NUMA cell id %u: cells must be numbered 0..%zu, each "
                     "once", c->id, n - 1);
            w->failed = true;
            free(by_id);
            return;
        }
        by_id[c->id] = c;
        for (size_t k = 0; k < c->distances.n; k++) {
            if (c->distances.v[k].id >= n) {
                xc_error(w->d, c->pos, XCW_UNSUPPORTED,
                         "NUMA cell %u: sibling id %u does not refer to a "
                         "cell", c->id, c->distances.v[k].id);
                w->failed = true;
                free(by_id);
                return;
            }
            nrev++;
        }
    }
    /* reverse index: for each cell, the entries of other cells naming it,
     * in their order (counting sort, linear) */
    rev_start = xc_calloc(n + 1, sizeof(*rev_start));
    rev_fill = xc_calloc(n, sizeof(*rev_fill));
    rev = xc_calloc(nrev ? nrev : 1, sizeof(*rev));
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < by_id[i]->distances.n; k++)
            rev_start[by_id[i]->distances.v[k].id + 1]++;
    for (size_t i = 0; i < n; i++)
        rev_start[i + 1] += rev_start[i];
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < by_id[i]->distances.n; k++) {
            unsigned to = by_id[i]->distances.v[k].id;
            rev[rev_start[to] + rev_fill[to]++] =
                (struct rev_dist){i, by_id[i]->distances.v[k].value};
        }
    row = xc_calloc(n, sizeof(*row));

    if (!w->failed)
        list = xc_cfg_set_list(&w->cfg, "vnuma");
    for (size_t i = 0; i < n && ok; i++) {
        const struct xc_numa_cell *c = by_id[i];
        struct xc_cfg_value *node = NULL;
        bool empty;

        xc_buf_reset(&b);
        xc_buf_add(&b, "vcpus=");
        if (xc_xenw_cpuset(&c->cpus, "NUMA cell cpus", &b, &empty, w->d) < 0) {
            ok = false;
            break;
        }
        if (empty) {
            xc_error(w->d, c->pos, XCW_UNSUPPORTED,
                     "NUMA cell %zu has no vCPUs", i);
            ok = false;
            break;
        }
        memset(row, 0, n * sizeof(*row));
        for (size_t k = 0; k < c->distances.n; k++)
            row[c->distances.v[k].id] = c->distances.v[k].value;
        for (size_t k = rev_start[i]; k < rev_start[i + 1]; k++)
            if (!row[rev[k].from])
                row[rev[k].from] = rev[k].value;
        if (list) {
            char num[48];
            int len;

            node = xc_cfg_items_push(&list->items);
            node->kind = XC_CFG_LIST;
            node->pos = c->pos;
            len = snprintf(num, sizeof(num), "pnode=%zu", i);
            xc_cfg_list_add_stored(&w->cfg, node, num, (size_t)len, c->pos);
            len = snprintf(num, sizeof(num), "size=%" PRIu64,
                           c->memory_kib / 1024);
            xc_cfg_list_add_stored(&w->cfg, node, num, (size_t)len, c->pos);
            xc_cfg_list_add_stored(&w->cfg, node, xc_buf_str(&b), b.len,
                                   c->cpus.pos);
            xc_buf_reset(&b);
            xc_buf_add(&b, "vdistances=");
            for (size_t j = 0; j < n; j++)
                xc_buf_addf(&b, "%s%u", j ? "," : "",
                            row[j] ? row[j] : i == j ? 10u : 20u);
            xc_cfg_list_add_stored(&w->cfg, node, xc_buf_str(&b), b.len,
                                   c->pos);
        }
    }
    if (!ok)
        w->failed = true;
    xc_buf_free(&b);
    free(row);
    free(rev);
    free(rev_fill);
    free(rev_start);
    free(by_id);
}

static void fmt_xenbus(struct xcw *w)
{
    for (size_t i = 0; i < w->dom->controllers.n; i++) {
        const struct xc_controller *c = &w->dom->controllers.v[i];

        if (c->type != XC_CTRL_XENBUS)
            continue;
        if (c->has_max_event_channels && c->max_event_channels > 0)
            xcw_set_num(w, "max_event_channels", c->max_event_channels);
        if (c->has_max_grant_frames && c->max_grant_frames > 0)
            xcw_set_num(w, "max_grant_frames", c->max_grant_frames);
    }
}

static void fmt_disks(struct xcw *w)
{
    struct xcw_speclist l = XCW_SPECLIST_INIT;
    struct xc_buf b = {0};

    xcw_speclist_reserve(&l, w->dom->disks.n);
    for (size_t i = 0; i < w->dom->disks.n; i++) {
        const struct xc_disk *disk = &w->dom->disks.v[i];

        if (disk->device == XC_DISK_DEV_FLOPPY) {
            xc_lost(w->d, disk->pos, XCW_LOST,
                    "floppy disk '%s'", disk->target.s ? disk->target.s : "");
            continue;
        }
        xc_buf_reset(&b);
        if (xc_xlw_disk(disk, &b, w->d) < 0)
            w->failed = true;
        else
            xcw_speclist_add(w, &l, &b, disk->pos);
    }
    xc_buf_free(&b);
    xcw_speclist_set(w, "disk", &l);
}

static void fmt_spice(struct xcw *w)
{
    const struct xc_graphics *g;
    int port, tls_port;

    if (!w->hvm || !w->dom->graphics.n)
        return;
    g = &w->dom->graphics.v[0];
    if (g->type != XC_GFX_SPICE)
        return;
    port = g->has_port ? g->port : 0;
    tls_port = g->has_tls_port ? g->tls_port : 0;
    if (g->autoport == XC_TRI_YES || (port == -1 && tls_port == -1))
        port = tls_port = 0;

    xcw_set_num(w, "sdl", 0);
    xcw_set_num(w, "vnc", 0);
    xcw_set_num(w, "spice", 1);
    if (g->listen.s)
        xcw_set_xstr(w, "spicehost", &g->listen);
    xcw_set_num(w, "spiceport", port);
    xcw_set_num(w, "spicetls_port", tls_port);
    if (g->passwd.s) {
        xcw_set_num(w, "spicedisable_ticketing", 0);
        xcw_set_xstr(w, "spicepasswd", &g->passwd);
    } else {
        xcw_set_num(w, "spicedisable_ticketing", 1);
    }
    if (streq(g->mouse_mode.s, "server")) {
        xcw_set_num(w, "spiceagent_mouse", 0);
    } else if (streq(g->mouse_mode.s, "client")) {
        xcw_set_num(w, "spiceagent_mouse", 1);
        xcw_set_num(w, "spicevdagent", 1);
    } else if (g->mouse_mode.s && !streq(g->mouse_mode.s, "default")) {
        xc_error(w->d, g->mouse_mode.pos, XCW_UNSUPPORTED,
                 "unknown spice mouse mode '%s'", g->mouse_mode.s);
        w->failed = true;
    }
    if (g->copypaste == XC_TRI_YES) {
        xcw_set_num(w, "spice_clipboard_sharing", 1);
        xcw_set_num(w, "spicevdagent", 1);
    }
}

static void fmt_inputs(struct xcw *w)
{
    const struct xc_domain *dom = w->dom;
    struct xc_cfg_value *list = NULL;
    const struct xc_input *first = NULL;
    const char *first_name = NULL;
    size_t count = 0;

    for (size_t i = 0; i < dom->inputs.n; i++) {
        const struct xc_input *in = &dom->inputs.v[i];
        /* libvirt's zero input bus is ps2 and zero type mouse */
        enum xc_input_bus bus = in->bus ? in->bus : XC_INPUT_BUS_PS2;
        const char *name = in->type == XC_INPUT_TABLET ? "tablet"
                           : in->type == XC_INPUT_KBD  ? "keyboard"
                                                       : "mouse";

        if (!w->hvm || bus != XC_INPUT_BUS_USB) {
            /* the implicit devices xl provides anyway */
            bool implicit = w->hvm ? bus == XC_INPUT_BUS_PS2
                                   : bus == XC_INPUT_BUS_XEN;
            if (!implicit)
                xc_lost(w->d, in->pos, XCW_LOST,
                        "<input type='%s' bus='%s'>", name,
                        xc_enum_name(XC_T_INPUT_BUS, bus));
            continue;
        }
        xcw_set_num(w, "usb", 1);
        if (count == 1) {
            list = xc_cfg_set_list(&w->cfg, "usbdevice");
            xc_cfg_list_add_stored(&w->cfg, list, first_name,
                                   strlen(first_name), first->pos);
        }
        if (count >= 1)
            xc_cfg_list_add_stored(&w->cfg, list, name, strlen(name),
                                   in->pos);
        else {
            first = in;
            first_name = name;
        }
        count++;
    }
    /* one device: the Xen <= 4.2 string form */
    if (count == 1)
        xcw_set_str(w, "usbdevice", first_name, first->pos);
}

static void fmt_usbdev(struct xcw *w)
{
    struct xcw_speclist l = XCW_SPECLIST_INIT;
    struct xc_buf b = {0};

    for (size_t i = 0; i < w->dom->hostdevs.n; i++) {
        const struct xc_hostdev *hd = &w->dom->hostdevs.v[i];

        if (hd->type != XC_HOSTDEV_USB)
            continue;
        xc_buf_reset(&b);
        if (xc_xlw_usbdev(hd, &b, w->d) < 0)
            w->failed = true;
        else
            xcw_speclist_add(w, &l, &b, hd->pos);
    }
    xc_buf_free(&b);
    xcw_speclist_set(w, "usbdev", &l);
}

static void fmt_usbctrl(struct xcw *w)
{
    struct xcw_speclist l = XCW_SPECLIST_INIT;
    struct xc_buf b = {0};

    for (size_t i = 0; i < w->dom->controllers.n; i++) {
        const struct xc_controller *c = &w->dom->controllers.v[i];

        if (c->type != XC_CTRL_USB)
            continue;
        xc_buf_reset(&b);
        if (xc_xlw_usbctrl(c, &b, w->d) < 0)
            w->failed = true;
        else
            xcw_speclist_add(w, &l, &b, c->pos);
    }
    xc_buf_free(&b);
    xcw_speclist_set(w, "usbctrl", &l);
}

static void fmt_channels(struct xcw *w)
{
    struct xcw_speclist l = XCW_SPECLIST_INIT;
    struct xc_buf b = {0};

    for (size_t i = 0; i < w->dom->channels.n; i++) {
        const struct xc_chr *ch = &w->dom->channels.v[i];

        if (!streq(ch->target_type.s, "xen")) {
            xc_lost(w->d, ch->pos, XCW_LOST,
                    "<channel> with target type '%s' (only type='xen')",
                    ch->target_type.s ? ch->target_type.s : "");
            continue;
        }
        xc_buf_reset(&b);
        if (xc_xlw_channel(ch, &b, w->d) < 0)
            w->failed = true;
        else
            xcw_speclist_add(w, &l, &b, ch->pos);
    }
    xc_buf_free(&b);
    xcw_speclist_set(w, "channel", &l);
}

static void fmt_namespace(struct xcw *w)
{
    struct xc_cfg_value *list;

    if (!w->dom->dm_args.n)
        return;
    list = xc_cfg_set_list(&w->cfg, "device_model_args");
    for (size_t i = 0; i < w->dom->dm_args.n; i++) {
        const struct xc_str *a = &w->dom->dm_args.v[i];
        const char *v = a->s ? a->s : "";
        xc_cfg_list_add_stored(&w->cfg, list, v, strlen(v), a->pos);
    }
}

int xc_xl_write(const struct xc_domain *dom, const struct xc_settings *set,
                struct xc_buf *out, struct xc_diags *d)
{
    struct xcw w;
    int rc = -1;

    xcw_init(&w, dom, set, d, XC_XEN_XL);
    /* xenFormatConfigCommon */
    xcw_format_common(&w);
    /* xenFormatXL */
    fmt_os(&w);
    fmt_cpuid(&w);
    fmt_vnuma(&w);
    fmt_xenbus(&w);
    fmt_disks(&w);
    fmt_spice(&w);
    fmt_inputs(&w);
    fmt_usbdev(&w);
    fmt_usbctrl(&w);
    fmt_channels(&w);
    fmt_namespace(&w);
    xcw_other_losses(&w);

    if (!w.failed && xc_cfg_serialize(&w.cfg, out, d) == 0)
        rc = 0;
    xc_cfg_free(&w.cfg);
    return rc;
}
