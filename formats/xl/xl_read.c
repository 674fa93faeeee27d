/* xen-xl reader: an xl.cfg(5) file into the model, literally as libvirt
 * 9.0.0's xenParseXL (src/libxl/xen_xl.c + xen_common.c) fills its
 * virDomainDef before virDomainDefPostParse.  Post-parse defaults are
 * converters/defaults*.c's business, not ours.
 *
 * Values are taken as libvirt's virConf sees them (cfg's raw bytes, no
 * escapes), so the model is byte-for-byte libvirt's.  Differences, all
 * on input libvirt mishandles:
 * - errors where libvirt wraps, truncates or reads garbage: negative or
 *   out-of-range numbers (vcpus > UINT_MAX, memory * 1024 overflow,
 *   vncdisplay + 5900 overflow, rtc_timeoffset > UINT_MAX), VLAN tags
 *   above 4095, PCI fields out of range, usbdev without hostbus/hostaddr,
 *   channel without connection=, vfb = [] (libvirt crashes on those
 *   three), rbd "[v6]" hosts without "\:PORT", empty cpuid feature names;
 * - errors where libvirt reports and carries on: a non-string type or
 *   builder, an unknown passthrough mode;
 * - nmdm/qemu-vdagent/dbus character devices: refused (not in the model);
 * - warnings (output unchanged) for everything libvirt drops silently:
 *   unknown vif/pci/vfb/rbd options, disk backend=/direct-io-safe/
 *   discard/..., usbdevice other than mouse/tablet/keyboard, usbctrl
 *   types other than qusb, devices skipped for an item without '=',
 *   non-string list items, vnc/sdl replaced by spice, root/extra beside
 *   cmdline, bool strings other than "0"/"1", unknown tsc_mode and boot
 *   letters, and every key never read ("unused-key", kept as leftover).
 * Diagnostics point at the value's first byte inside the quotes, or at the
 * offending sub-value of a spec (the MAC after "mac=", a PCI field, ...). */
#define _POSIX_C_SOURCE 200809L
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/buf.h"
#include "../../common/strset.h"
#include "../../common/xalloc.h"
#include "xl_read.h"

/* ---- os (xenParseXLOS) --------------------------------------------------- */

static int read_cmdline(struct xcr *r)
{
    const char *cmdline, *root, *extra;
    struct xc_pos cpos = xc_nopos, rpos = xc_nopos, epos = xc_nopos;
    int ret = 0;
    if (xcr_string(r, "cmdline", &cmdline, &cpos) < 0)
        ret = -1;
    if (xcr_string(r, "root", &root, &rpos) < 0)
        ret = -1;
    if (xcr_string(r, "extra", &extra, &epos) < 0)
        ret = -1;
    if (ret < 0)
        return -1;

    struct xc_str *out = &r->dom->os.cmdline;
    if (cmdline) {
        xc_str_set(out, cmdline, cpos);
        if (root)
            xc_lost(r->d, rpos, "ignored-value",
                    "root (cmdline is used instead)");
        if (extra)
            xc_lost(r->d, epos, "ignored-value",
                    "extra (cmdline is used instead)");
    } else if (root || extra) {
        struct xc_buf b = {0};
        if (root)
            xc_buf_addf(&b, "root=%s", root);
        if (root && extra)
            xc_buf_addc(&b, ' ');
        if (extra)
            xc_buf_add(&b, extra);
        xc_str_setn(out, xc_buf_str(&b), b.len, root ? rpos : epos);
        xc_buf_free(&b);
    }
    return 0;
}

static void cpu_add_feature(struct xc_cpu *cpu, const char *name,
                            const char *policy, struct xc_pos pos)
{
    struct xc_cpu_feature *f = xc_vec_push(&cpu->features);
    xc_str_set(&f->name, name, pos);
    xc_str_set(&f->policy, policy, pos);
}

static int read_os(struct xcr *r)
{
    struct xc_domain *dom = r->dom;
    struct xc_os *os = &dom->os;
    const char *s;
    struct xc_pos pos;
    int ret = 0;

    if (os->type != XC_OS_HVM) {
        if (xcr_copy_opt(r, "bootloader", &os->bootloader) < 0)
            ret = -1;
        if (xcr_copy_opt(r, "bootargs", &os->bootloader_args) < 0)
            ret = -1;
        if (xcr_copy_opt(r, "kernel", &os->kernel) < 0)
            ret = -1;
        if (xcr_copy_opt(r, "ramdisk", &os->initrd) < 0)
            ret = -1;
        if (read_cmdline(r) < 0)
            ret = -1;
        return ret;
    }

    if (xcr_string(r, "bios", &s, &pos) < 0) {
        ret = -1;
    } else if (s && strcmp(s, "ovmf") == 0) {
        struct xc_buf b = {0};
        xc_buf_addf(&b, "%s/ovmf.bin", r->set->firmware_dir);
        xc_str_setn(&os->loader, xc_buf_str(&b), b.len, pos);
        xc_buf_free(&b);
        os->loader_type = XC_LOADER_PFLASH;
        os->loader_readonly = XC_TRI_YES;
    } else {
        xc_str_set(&os->loader, r->set->hvmloader, s ? pos : xc_nopos);
    }

    if (xcr_copy_opt(r, "acpi_firmware", &os->slic_table) < 0)
        ret = -1;
    if (xcr_copy_opt(r, "kernel", &os->kernel) < 0)
        ret = -1;
    if (xcr_copy_opt(r, "ramdisk", &os->initrd) < 0)
        ret = -1;
    if (read_cmdline(r) < 0)
        ret = -1;

    if (xcr_read_boot(r) < 0)
        ret = -1;

    int val;
    if (xcr_bool(r, "nestedhvm", -1, &val) < 0) {
        ret = -1;
    } else if (val != -1) {
        /* the test driver's host CPU (and any x86 host with VT-x) has vmx */
        struct xc_pos npos = xcr_value(r, "nestedhvm")->pos;
        if (!dom->cpu.present) {
            dom->cpu.present = true;
            xc_str_set(&dom->cpu.mode, "host-passthrough", npos);
        }
        if (val == 0)
            cpu_add_feature(&dom->cpu, "vmx", "disable", npos);
    }
    return ret;
}

/* ---- vnuma ------------------------------------------------------------------ */

static bool prefix(const char *s, const char *p)
{
    return strncmp(s, p, strlen(p)) == 0;
}

static int read_vnuma(struct xcr *r)
{
    struct xc_domain *dom = r->dom;
    struct xc_cfg_value *list = xcr_value(r, "vnuma");
    if (!list)
        return 0;
    if (list->kind != XC_CFG_LIST) {
        xc_lost(r->d, list->pos, "ignored-value",
                "vnuma (not a list of [ \"pnode=..\", \"size=..\", "
                "\"vcpus=..\", \"vdistances=..\" ] lists; libvirt ignores it)");
        return 0;
    }
    size_t nr_nodes = 0;
    while (nr_nodes < list->items.n &&
           list->items.v[nr_nodes].kind == XC_CFG_LIST)
        nr_nodes++;
    if (nr_nodes == 0) {
        xcr_error(r, list->pos, "bad-vnuma", "vnuma needs at least one vnode "
                  "list");
        return -1;
    }

    struct xc_cpu *cpu = &dom->cpu;
    /* the cells go into a fresh cpu definition, replacing any other */
    XC_VEC(struct xc_numa_cell) cells = {0};
    unsigned long long vcpus = 0;
    int ret = -1;

    for (size_t n = 0; n < list->items.n; n++) {
        struct xc_cfg_value *node = &list->items.v[n];
        long long pnode = -1;
        bool have_mask = false;
        unsigned long long kbsize = 0;
        struct xc_numa_cell *cell = xc_vec_push(&cells);
        cell->id = (unsigned)n;
        cell->pos = node->pos;

        for (size_t k = 0; node->kind == XC_CFG_LIST && k < node->items.n; k++) {
            struct xc_cfg_value *it = &node->items.v[k];
            if (it->kind != XC_CFG_STRING) {
                xc_lost(r->d, it->pos, "ignored-value",
                        "vnuma vnode %zu: the items from this non-string on "
                        "(libvirt ignores them)", n);
                break;
            }
            const char *str = xcr_text(it);
            struct xc_pos ipos = xcr_inner(it);
            const char *data = strrchr(str, '=');
            if (!data) {
                xcr_error(r, ipos, "bad-vnuma", "vnuma vnode %zu: invalid "
                          "item '%s' (expected key=value)", n, str);
                goto out;
            }
            data++;
            struct xc_pos dpos = xcr_pos_at(ipos, str, (size_t)(data - str));
            if (!*data)
                continue;
            if (prefix(str, "pnode")) {
                unsigned long long id;
                if (xcr_parse_ull(data, 10, &id) < 0 || id >= nr_nodes) {
                    xcr_error(r, dpos, "bad-vnuma", "vnuma vnode %zu "
                              "contains invalid pnode value '%s' (0-%zu)", n,
                              data, nr_nodes - 1);
                    goto out;
                }
                pnode = (long long)id;
            } else if (prefix(str, "size")) {
                if (xcr_parse_ull(data, 10, &kbsize) < 0 ||
                    kbsize > ULLONG_MAX / 1024) {
                    xcr_error(r, dpos, "bad-number", "vnuma vnode %zu: bad "
                              "size '%s' (MiB)", n, data);
                    goto out;
                }
                cell->memory_kib = kbsize * 1024;
            } else if (prefix(str, "vcpus")) {
                char *norm;
                unsigned cnt;
                bool all;
                if (xcr_parse_cpuset(data, 16384, &norm, &cnt, &all) < 0) {
                    xcr_error(r, dpos, "bad-cpuset", "vnuma vnode %zu: "
                              "vcpus '%s' is not a CPU list like \"0-3\"", n,
                              data);
                    goto out;
                }
                xc_str_set(&cell->cpus, norm, dpos);
                free(norm);
                have_mask = true;
                vcpus += cnt;
            } else if (prefix(str, "vdistances")) {
                if (cell->distances.n) {
                    xcr_error(r, ipos, "bad-vnuma", "vnuma vnode %zu: "
                              "vdistances given twice", n);
                    goto out;
                }
                size_t count = 1;
                for (const char *q = data; *q; q++)
                    count += *q == ',';
                if (count != nr_nodes) {
                    xcr_error(r, dpos, "bad-vnuma", "vnuma vnode %zu: '%s' "
                              "has %zu distances for %zu vnodes", n, str,
                              count, nr_nodes);
                    goto out;
                }
                const char *p = data;
                for (size_t i = 0; i < count; i++) {
                    const char *e = strchr(p, ',');
                    size_t len = e ? (size_t)(e - p) : strlen(p);
                    char *t = xc_strndup(p, len);
                    unsigned long long dv;
                    int bad = xcr_parse_ull(t, 10, &dv) < 0 || dv < 10 ||
                              dv > 255 || (dv == 10 && i != n);
                    if (bad) {
                        xcr_error(r, xcr_pos_at(dpos, data, (size_t)(p - data)),
                                  "bad-vnuma", "vnuma vnode %zu: "
                                  "distance '%s' to vnode %zu is invalid "
                                  "(11-255; 10 only to itself)", n, t, i);
                        free(t);
                        goto out;
                    }
                    free(t);
                    struct xc_numa_distance *dist = xc_vec_push(&cell->distances);
                    dist->id = (unsigned)i;
                    dist->value = (unsigned)dv;
                    p = e ? e + 1 : p + len;
                }
            } else {
                xcr_error(r, ipos, "bad-vnuma", "invalid vnuma "
                          "configuration for vnode %zu: unknown item '%s' "
                          "(expected pnode, size, vcpus, vdistances)", n, str);
                goto out;
            }
        }
        if (pnode < 0 || !have_mask || kbsize == 0) {
            xcr_error(r, node->pos, "bad-vnuma", "incomplete vnuma "
                      "configuration for vnode %zu (needs pnode, size and "
                      "vcpus)", n);
            goto out;
        }
    }

    if (dom->maxvcpus == 0)
        dom->maxvcpus = (unsigned)(vcpus > UINT_MAX ? UINT_MAX : vcpus);
    if (dom->maxvcpus < vcpus) {
        xcr_error(r, list->pos, "bad-vnuma", "vnuma configuration contains "
                  "%llu vcpus, which is greater than %u maxvcpus", vcpus,
                  dom->maxvcpus);
        goto out;
    }

    /* replace the cpu definition (nestedhvm's, if any) */
    struct xc_domain tmp = {0};
    tmp.cpu = *cpu;
    memset(cpu, 0, sizeof(*cpu));
    xc_domain_free(&tmp);
    cpu->present = true;
    cpu->cells.v = cells.v;
    cpu->cells.n = cells.n;
    cpu->cells.cap = cells.cap;
    memset(&cells, 0, sizeof(cells));
    ret = 0;
out:
    if (ret < 0) {
        struct xc_domain tmp2 = {0};
        tmp2.cpu.cells.v = cells.v;
        tmp2.cpu.cells.n = cells.n;
        tmp2.cpu.cells.cap = cells.cap;
        xc_domain_free(&tmp2);
    }
    return ret;
}

/* ---- xenbus limits ---------------------------------------------------------- */

static int read_xenbus(struct xcr *r)
{
    struct xc_controller *c = xc_vec_push(&r->dom->controllers);
    c->type = XC_CTRL_XENBUS;
    c->index = 0;
    unsigned long long limit;
    int ret = 0;
    if (xcr_ulong(r, "max_event_channels", 0, INT_MAX, &limit, NULL) < 0)
        ret = -1;
    else if (limit > 0) {
        c->has_max_event_channels = true;
        c->max_event_channels = (unsigned)limit;
    }
    if (xcr_ulong(r, "max_grant_frames", 0, INT_MAX, &limit, NULL) < 0)
        ret = -1;
    else if (limit > 0) {
        c->has_max_grant_frames = true;
        c->max_grant_frames = (unsigned)limit;
    }
    return ret;
}

/* ---- cpuid -------------------------------------------------------------------- */

/* libxl's cpuid names that libvirt spells differently: libxl, libvirt */
static const char *const cpuid_names[][2] = {
    {"altmovcr8", "cr8legacy"}, {"clfsh", "clflush"}, {"cmplegacy", "cmp_legacy"},
    {"cmpxchg16", "cx16"}, {"cmpxchg8", "cx8"}, {"cntxid", "cid"},
    {"dscpl", "ds_cpl"}, {"ffxsr", "fxsr_opt"}, {"htt", "ht"},
    {"ibrsb", "spec-ctrl"}, {"lahfsahf", "lahf_lm"}, {"nodeid", "nodeid_msr"},
    {"page1gb", "pdpe1gb"}, {"pclmulqdq", "pclmuldq"}, {"psn", "pn"},
    {"sse3", "pni"}, {"sysenter", "sep"},
};

static const char *cpuid_libvirt_name(const char *libxl_name)
{
    for (size_t i = 0; i < sizeof(cpuid_names) / sizeof(cpuid_names[0]); i++)
        if (strcmp(cpuid_names[i][0], libxl_name) == 0)
            return cpuid_names[i][1];
    return libxl_name;
}


static int read_cpuid(struct xcr *r)
{
    struct xc_cfg_value *v = xcr_value(r, "cpuid");
    if (!v)
        return 0;
    if (v->kind != XC_CFG_STRING) {
        xcr_error(r, v->pos, "bad-cpuid", "cpuid must be the libxl string "
                  "form \"host,FEATURE=VALUE,...\"; the xend list form is not "
                  "supported by libvirt's xen-xl conversion");
        return -1;
    }
    const char *s = xcr_text(v);
    struct xc_pos vpos = xcr_inner(v);
    struct xc_cpu *cpu = &r->dom->cpu;
    if (!cpu->present) {
        cpu->present = true;
        xc_str_set(&cpu->mode, "host-passthrough", vpos);
    }
    if (!*s)
        return 0;

    const char *comma = strchr(s, ',');
    size_t n0 = comma ? (size_t)(comma - s) : strlen(s);
    if (n0 != 4 || strncmp(s, "host", 4) != 0) {
        xcr_error(r, vpos, "bad-cpuid", "cpuid starting with '%.*s' is not "
                  "supported; only the libxl form \"host,FEATURE=VALUE,...\" is",
                  (int)n0, s);
        return -1;
    }

    struct xc_strset seen = {0};
    int ret = 0;
    for (size_t i = 0; i < cpu->features.n; i++)
        xc_strset_add(&seen, cpu->features.v[i].name.s);
    const char *p = comma;
    struct xcr_poscur pc;
    xcr_poscur_init(&pc, vpos, s);
    while (p && ret == 0) {
        p++;
        const char *e = strchr(p, ',');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        struct xc_pos ppos = xcr_pos_next(&pc, (size_t)(p - s));
        const char *eq = memchr(p, '=', len);
        if (!eq || eq == p) {
            xcr_error(r, ppos, "bad-cpuid", "invalid libxl cpuid "
                      "FEATURE=VALUE element '%.*s'", (int)len, p);
            ret = -1;
            break;
        }
        size_t vlen = len - (size_t)(eq + 1 - p);
        const char *val = eq + 1;
        const char *policy = NULL;
        if (vlen == 1) {
            switch (val[0]) {
            case '1': policy = "force"; break;
            case '0': policy = "disable"; break;
            case 'x': case 'k': case 's': policy = "optional"; break;
            default: break;
            }
        }
        if (!policy) {
            xcr_error(r, ppos, "bad-cpuid", "invalid libxl cpuid value in "
                      "'%.*s' (expected 1, 0, x, k or s)", (int)len, p);
            ret = -1;
            break;
        }
        char *name = xc_strndup(p, (size_t)(eq - p));
        const char *lv = cpuid_libvirt_name(name);
        cpu_add_feature(cpu, lv, policy, ppos);
        free(name);
        /* lv may point into name, freed above: use the feature's copy */
        const char *added = cpu->features.v[cpu->features.n - 1].name.s;
        if (!xc_strset_add(&seen, added)) {
            xcr_error(r, ppos, "bad-cpuid", "cpuid: CPU feature '%s' is "
                      "specified more than once", added);
            ret = -1;
        }
        p = e;
    }
    xc_strset_free(&seen);
    return ret;
}

/* ---- device_model_args -------------------------------------------------------- */

static int read_dm_args(struct xcr *r)
{
    struct xc_cfg_value *v = xcr_value(r, "device_model_args");
    if (!v)
        return 0;
    if (v->kind != XC_CFG_LIST) {
        xc_lost(r->d, v->pos, "ignored-value",
                "device_model_args (not a list of strings; libvirt ignores "
                "it)");
        return 0;
    }
    for (size_t i = 0; i < v->items.n; i++) {
        struct xc_cfg_value *it = &v->items.v[i];
        if (it->kind != XC_CFG_STRING) {
            xc_lost(r->d, it->pos, "ignored-value",
                    "device_model_args item that is not a string (libvirt "
                    "ignores it)");
            continue;
        }
        xc_str_set(xc_vec_push(&r->dom->dm_args), xcr_text(it), xcr_inner(it));
    }
    return 0;
}

/* ---- entry point --------------------------------------------------------------- */

/* xenParseXL after xenParseConfigCommon */
static void read_own(struct xcr *r)
{
    read_os(r);
    read_vnuma(r);
    read_xenbus(r);
    read_cpuid(r);
    xlr_read_disks(r);
    xlr_read_spice(r);
    xlr_read_inputs(r);
    xlr_read_usb(r);
    xlr_read_usbctrl(r);
    xlr_read_channels(r);
    read_dm_args(r);
}

int xc_xl_read(const struct xc_source *in, const struct xc_settings *set,
               struct xc_domain *out, struct xc_diags *d)
{
    return xcr_read_file(in, set, out, d, XC_XEN_XL, read_own);
}
