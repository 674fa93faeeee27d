/* xm -> xl, key by key: what xl.cfg(5) of Xen 4.17 reads as xm did (kept),
 * what must be rewritten (changed, with why), and what xl cannot do
 * (lost, with what to do).  Every change is an edit on the source text,
 * so comments, order and quoting elsewhere stay as written. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/xalloc.h"
#include "migrate_int.h"

enum act {
    KEEP,      /* xl reads it as xm did */
    RENAME,    /* same value under another key */
    DROP,      /* xl has no such thing: the statement is removed */
    SPECIAL    /* rule function */
};

struct rule;
typedef void (*rule_fn)(struct xc_mig_ctx *c, struct xc_cfg_entry *e,
                        const struct rule *r);

struct rule {
    const char *key;
    enum act act;
    const char *to;         /* RENAME: the xl key */
    const char *why;
    const char *todo;
    const char *mask;       /* domain XML element the change may alter */
    rule_fn fn;
};

static void builder_rule(struct xc_mig_ctx *, struct xc_cfg_entry *, const struct rule *);
static void kernel_rule(struct xc_mig_ctx *, struct xc_cfg_entry *, const struct rule *);
static void dm_rule(struct xc_mig_ctx *, struct xc_cfg_entry *, const struct rule *);
static void bootloader_rule(struct xc_mig_ctx *, struct xc_cfg_entry *, const struct rule *);
static void disk_rule(struct xc_mig_ctx *, struct xc_cfg_entry *, const struct rule *);

#define K(name) {name, KEEP, NULL, NULL, NULL, NULL, NULL}
#define NETCFG_WHY "xend turned it into the guest kernel's ip= argument; xl does not"
#define NETCFG_TODO "add ip=ADDR::GATEWAY:NETMASK:HOSTNAME:eth0:off (or ip=dhcp) to 'extra'"

static const struct rule rules[] = {
    /* identity, memory, cpus */
    K("name"), K("uuid"), K("memory"), K("maxmem"), K("vcpus"), K("maxvcpus"),
    K("cpus"), K("cpu_weight"), K("shadow_memory"), K("cpuid"),
    {"cpu_cap", RENAME, "cap", "xl names the credit scheduler cap 'cap'", NULL, NULL, NULL},
    {"vcpu_avail", DROP, NULL, "xl has no bitmap of online vcpus",
     "set maxvcpus = VCPUS and vcpus = the number of vcpus to start online", "vcpu", NULL},
    /* boot */
    {"builder", SPECIAL, NULL, NULL, NULL, NULL, builder_rule},
    {"kernel", SPECIAL, NULL, NULL, NULL, NULL, kernel_rule},
    {"bootloader", SPECIAL, NULL, NULL, NULL, NULL, bootloader_rule},
    {"bootargs", RENAME, "bootloader_args",
     "xl names the bootloader's arguments 'bootloader_args'", NULL, NULL, NULL},
    K("ramdisk"), K("extra"), K("root"), K("cmdline"), K("bootloader_args"),
    K("type"), K("boot"),
    /* HVM platform */
    K("pae"), K("acpi"), K("apic"), K("hap"), K("viridian"), K("hpet"),
    K("timer_mode"), K("localtime"), K("rtc_timeoffset"), K("tsc_mode"),
    K("nestedhvm"), K("vpt_align"), K("e820_host"), K("stdvga"),
    K("videoram"), K("nographic"),
    {"device_model", SPECIAL, NULL, NULL, NULL, NULL, dm_rule},
    K("device_model_override"), K("device_model_version"),
    K("device_model_args"),
    /* lifecycle */
    K("on_poweroff"), K("on_reboot"), K("on_crash"),
    {"on_xend_start", DROP, NULL, "xl has no daemon that starts domains with itself",
     "link the xl config into /etc/xen/auto/ (the xendomains service)", NULL, NULL},
    {"on_xend_stop", DROP, NULL, "xl has no daemon that stops domains with itself",
     "the xendomains service shuts down or saves the guests in /etc/xen/auto/", NULL, NULL},
    /* devices */
    {"disk", SPECIAL, NULL, NULL, NULL, NULL, disk_rule},
    K("vif"), K("vfb"), K("pci"), K("ioports"), K("irq"), K("vscsi"),
    K("pci_msitranslate"), K("pci_power_mgmt"), K("serial"), K("soundhw"),
    K("usb"), K("usbdevice"), K("usbdev"), K("channel"), K("vtpm_stubdom"),
    {"vtpm", DROP, NULL, "xend's vTPM manager is gone; xl's vtpm needs a vTPM stub domain",
     "set up a vtpm stub domain, then vtpm = [ \"backend=STUBDOM,uuid=...\" ]", NULL, NULL},
    {"fda", DROP, NULL, "xl has no floppy drive", "attach the image as a disk or cdrom", NULL, NULL},
    {"fdb", DROP, NULL, "xl has no floppy drive", "attach the image as a disk or cdrom", NULL, NULL},
    /* display */
    K("sdl"), K("vnc"), K("vncdisplay"), K("vncunused"), K("vnclisten"),
    K("vncpasswd"), K("display"), K("xauthority"), K("opengl"), K("keymap"),
    K("spice"), K("spicehost"), K("spiceport"), K("spicetls_port"),
    K("spicedisable_ticketing"), K("spicepasswd"), K("spiceagent_mouse"),
    {"vncconsole", DROP, NULL, "xl does not start a VNC viewer from the config",
     "run 'xl create -V' or 'xl vncviewer DOMAIN'", NULL, NULL},
    {"monitor", DROP, NULL, "xl does not expose the device model's monitor",
     NULL, NULL, NULL},
    /* xend-only */
    {"guest_os_type", DROP, NULL, "xend-only hint (ia64), never used by xl", NULL, NULL, NULL},
    {"access_control", DROP, NULL, "xend's ACM security labels are gone",
     "with XSM/FLASK, label the guest with seclabel= (xl.cfg(5))", NULL, NULL},
    {"security", DROP, NULL, "xend's ACM security labels are gone",
     "with XSM/FLASK, label the guest with seclabel= (xl.cfg(5))", NULL, NULL},
    {"isa", DROP, NULL, "xl has no ISA-only machine", NULL, NULL, NULL},
    {"cpuid_check", DROP, NULL, "xl has no cpuid_check", "express the checks in cpuid", NULL, NULL},
    {"extid", DROP, NULL, "xl has no extid", "use viridian for Hyper-V enlightenments", NULL, NULL},
    {"ip", DROP, NULL, NETCFG_WHY, NETCFG_TODO, NULL, NULL},
    {"netmask", DROP, NULL, NETCFG_WHY, NETCFG_TODO, NULL, NULL},
    {"gateway", DROP, NULL, NETCFG_WHY, NETCFG_TODO, NULL, NULL},
    {"hostname", DROP, NULL, NETCFG_WHY, NETCFG_TODO, NULL, NULL},
    {"dhcp", DROP, NULL, NETCFG_WHY, NETCFG_TODO, NULL, NULL},
    {"nfs_server", DROP, NULL, "xend turned it into the kernel's nfsroot= argument; xl does not",
     "add nfsroot=SERVER:PATH to 'extra'", NULL, NULL},
    {"nfs_root", DROP, NULL, "xend turned it into the kernel's nfsroot= argument; xl does not",
     "add nfsroot=SERVER:PATH to 'extra'", NULL, NULL},
};

static const struct rule *find_rule(const char *key)
{
    for (size_t i = 0; i < sizeof(rules) / sizeof(rules[0]); i++)
        if (strcmp(rules[i].key, key) == 0)
            return &rules[i];
    return NULL;
}

/* ---- edits --------------------------------------------------------------- */

static char *stmt_text(struct xc_mig_ctx *c, const struct xc_cfg_entry *e)
{
    return xc_mig_text(c->src, e->key_off, e->value.end);
}

/* The quote a string value was written with ('"' when not a string). */
static char quote_of(const struct xc_mig_ctx *c, const struct xc_cfg_value *v)
{
    char q = v->kind == XC_CFG_STRING && v->end > v->off ? c->src->data[v->off] : '"';
    return q == '\'' ? '\'' : '"';
}

/* s quoted with q, when that reads back as s in xl and in virConf (no
 * escapes needed); NULL otherwise. */
static char *quoted(const char *s, char q)
{
    for (const char *p = s; *p; p++)
        if (*p == q || *p == '\\' || (unsigned char)*p < 0x20)
            return NULL;
    struct xc_buf b = {0};
    xc_buf_addc(&b, q);
    xc_buf_add(&b, s);
    xc_buf_addc(&b, q);
    return xc_buf_steal(&b);
}

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

static void changed(struct xc_mig_ctx *c, struct xc_pos pos, const char *key,
                    char *old_text, char *new_text, const char *why,
                    const char *todo)
{
    struct xc_mig_rec *r = xc_mig_record(c->f, pos, key, XC_MIG_CHANGED, why, todo);
    r->old_text = old_text;
    r->new_text = new_text;
}

static void rename_key(struct xc_mig_ctx *c, struct xc_cfg_entry *e,
                       const char *to)
{
    xc_mig_replace(&c->edits, e->key_off, e->key_off + strlen(e->key), to);
}

static void drop(struct xc_mig_ctx *c, struct xc_cfg_entry *e)
{
    xc_mig_delete_statement(&c->edits, c->src->data, c->src->len,
                            e->key_off, e->value.end);
}

/* The statement as it will read: key to, value text value (NULL: as is). */
static char *new_stmt(struct xc_mig_ctx *c, const struct xc_cfg_entry *e,
                      const char *to, const char *value)
{
    struct xc_buf b = {0};
    xc_buf_add(&b, to);
    const char *src = c->src->data;
    size_t k_end = e->key_off + strlen(e->key);
    xc_buf_add_len(&b, src + k_end, e->value.off - k_end);   /* " = " */
    if (value)
        xc_buf_add(&b, value);
    else
        xc_buf_add_len(&b, src + e->value.off, e->value.end - e->value.off);
    return xc_buf_steal(&b);
}

/* ---- special rules ---------------------------------------------------- */

static void builder_rule(struct xc_mig_ctx *c, struct xc_cfg_entry *e,
                         const struct rule *r)
{
    (void)r;
    const char *v = e->value.kind == XC_CFG_STRING ? e->value.str : NULL;
    const char *type = !v ? NULL : strcmp(v, "hvm") == 0 ? "hvm"
                     : strcmp(v, "linux") == 0 ? "pv" : NULL;
    if (!type) {
        xc_mig_record(c->f, e->key_pos, e->key, XC_MIG_LOST,
                      "a builder xl does not know (xm: 'linux' or 'hvm')",
                      "set type = \"pv\", \"pvh\" or \"hvm\"");
        return;
    }
    char *val = quoted(type, quote_of(c, &e->value));
    rename_key(c, e, "type");
    xc_mig_replace(&c->edits, e->value.off, e->value.end, val);
    changed(c, e->key_pos, e->key, stmt_text(c, e), new_stmt(c, e, "type", val),
            strcmp(type, "pv") == 0
                ? "xl reads the guest type from 'type' ('builder' is deprecated); xm's 'linux' builder is type \"pv\""
                : "xl reads the guest type from 'type' ('builder' is deprecated)",
            NULL);
    free(val);
}

static void kernel_rule(struct xc_mig_ctx *c, struct xc_cfg_entry *e,
                        const struct rule *r)
{
    (void)r;
    if (!c->hvm || e->value.kind != XC_CFG_STRING) {
        xc_mig_record(c->f, e->key_pos, e->key, XC_MIG_KEPT, NULL, NULL);
        return;
    }
    drop(c, e);
    xc_mig_mask(&c->masks, "loader");
    if (strcmp(base_name(e->value.str), "hvmloader") == 0) {
        changed(c, e->key_pos, e->key, stmt_text(c, e), xc_strdup(""),
                "xm's HVM 'kernel' is the firmware; xl loads its own hvmloader (in xl an HVM 'kernel' is a direct-boot kernel)",
                NULL);
        return;
    }
    struct xc_mig_rec *rec = xc_mig_record(c->f, e->key_pos, e->key, XC_MIG_LOST,
        "xm's HVM 'kernel' is the firmware, here not hvmloader; xl would take it for a direct-boot kernel",
        "choose the firmware with bios= or firmware= (xl.cfg(5)); the line was removed");
    rec->old_text = stmt_text(c, e);
}

static void dm_rule(struct xc_mig_ctx *c, struct xc_cfg_entry *e,
                    const struct rule *r)
{
    (void)r;
    rename_key(c, e, "device_model_override");
    xc_mig_mask(&c->masks, "emulator");
    char *now = new_stmt(c, e, "device_model_override", NULL);
    const char *why = "xl names the device model binary 'device_model_override'";
    if (e->value.kind == XC_CFG_STRING &&
        strcmp(base_name(e->value.str), "qemu-dm") == 0) {
        char q = quote_of(c, &e->value);
        char *val = quoted("qemu-xen-traditional", q);
        struct xc_buf line = {0};
        xc_buf_add(&line, "device_model_version = ");
        xc_buf_add(&line, val);
        xc_mig_insert_line_after(&c->edits, c->src->data, c->src->len,
                                 e->value.end, xc_buf_str(&line));
        struct xc_buf both = {0};
        xc_buf_add(&both, now);
        xc_buf_addc(&both, '\n');
        xc_buf_add(&both, xc_buf_str(&line));
        free(now);
        now = xc_buf_steal(&both);
        xc_buf_free(&line);
        free(val);
        why = "xl names the device model binary 'device_model_override'; qemu-dm is "
              "qemu-xen-traditional, which xl must be told with device_model_version";
        changed(c, e->key_pos, e->key, stmt_text(c, e), now, why,
                "Xen 4.17 packages may not ship qemu-dm: delete both lines to use xl's default upstream QEMU");
        return;
    }
    changed(c, e->key_pos, e->key, stmt_text(c, e), now, why,
            "the binary must match device_model_version (default qemu-xen)");
}

static void bootloader_rule(struct xc_mig_ctx *c, struct xc_cfg_entry *e,
                            const struct rule *r)
{
    (void)r;
    if (e->value.kind != XC_CFG_STRING ||
        strcmp(base_name(e->value.str), "pygrub") != 0 ||
        strcmp(e->value.str, "pygrub") == 0) {
        xc_mig_record(c->f, e->key_pos, e->key, XC_MIG_KEPT, NULL, NULL);
        return;
    }
    char *val = quoted("pygrub", quote_of(c, &e->value));
    xc_mig_replace(&c->edits, e->value.off, e->value.end, val);
    xc_mig_mask(&c->masks, "bootloader");
    changed(c, e->key_pos, e->key, stmt_text(c, e), new_stmt(c, e, e->key, val),
            "xl finds its own pygrub (Debian: /usr/lib/xen-4.17/bin/pygrub); xend's path may not exist",
            NULL);
    free(val);
}

/* Order of disks by position; at one position, model order. */
static int cmp_disk_pos(const void *x, const void *y)
{
    const struct xc_disk *a = *(const struct xc_disk *const *)x;
    const struct xc_disk *b = *(const struct xc_disk *const *)y;
    if (a->pos.line != b->pos.line)
        return a->pos.line < b->pos.line ? -1 : 1;
    if (a->pos.col != b->pos.col)
        return a->pos.col < b->pos.col ? -1 : 1;
    return a < b ? -1 : a > b;
}

/* The first disk (in model order) at line:col, or NULL. */
static const struct xc_disk *disk_pos(const struct xc_mig_ctx *c, unsigned line,
                                      unsigned col)
{
    size_t lo = 0, hi = c->dom->disks.n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const struct xc_disk *k = c->disks_by_pos[mid];
        if (k->pos.line < line || (k->pos.line == line && k->pos.col < col))
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == c->dom->disks.n)
        return NULL;
    const struct xc_disk *k = c->disks_by_pos[lo];
    return k->pos.line == line && k->pos.col == col ? k : NULL;
}

/* The model's disk of a list item: the reader names the first byte inside
 * the quotes (one, or three).  The first in model order, as a scan would
 * find it; the index makes a list of n disks n log n, not n^2. */
static const struct xc_disk *disk_at(struct xc_mig_ctx *c, struct xc_pos pos)
{
    size_t n = c->dom->disks.n;
    if (!n)
        return NULL;
    if (!c->disks_by_pos) {
        c->disks_by_pos = xc_calloc(n, sizeof(*c->disks_by_pos));
        for (size_t i = 0; i < n; i++)
            c->disks_by_pos[i] = &c->dom->disks.v[i];
        qsort(c->disks_by_pos, n, sizeof(*c->disks_by_pos), cmp_disk_pos);
    }
    const struct xc_disk *a = disk_pos(c, pos.line, pos.col + 1);
    const struct xc_disk *b = disk_pos(c, pos.line, pos.col + 3);
    if (a && b)
        return a < b ? a : b;
    return a ? a : b;
}

static void disk_rule(struct xc_mig_ctx *c, struct xc_cfg_entry *e,
                      const struct rule *r)
{
    (void)r;
    if (e->value.kind != XC_CFG_LIST) {
        xc_mig_record(c->f, e->key_pos, e->key, XC_MIG_KEPT, NULL, NULL);
        return;
    }
    for (size_t i = 0; i < e->value.items.n; i++) {
        struct xc_cfg_value *it = &e->value.items.v[i];
        char key[32];
        snprintf(key, sizeof(key), "disk[%zu]", i);
        const struct xc_disk *k = it->kind == XC_CFG_STRING ? disk_at(c, it->pos) : NULL;
        if (!k) {
            xc_mig_record(c->f, it->pos, key, XC_MIG_LOST,
                          "xm did not read this entry as a disk (see the conversion's warning)",
                          "fix or delete it by hand");
            continue;
        }
        bool differs = false;
        const char *why = NULL;
        char *spec = xc_mig_disk_spec(k, &differs, &why);
        char *val = spec ? quoted(spec, quote_of(c, it)) : NULL;
        if (spec && strcmp(spec, it->str) == 0) {
            xc_mig_record(c->f, it->pos, key, XC_MIG_KEPT, NULL, NULL);
        } else if (!val) {
            xc_mig_record(c->f, it->pos, key, XC_MIG_LOST,
                          "this disk spec cannot be written in xl's syntax without escapes",
                          "rewrite it by hand (xl-disk-configuration(5))");
        } else {
            xc_mig_replace(&c->edits, it->off, it->end, val);
            if (differs) {
                char m[300];
                snprintf(m, sizeof(m), "disk:%s", k->target.s);
                xc_mig_mask(&c->masks, m);
            }
            changed(c, it->pos, key, xc_mig_text(c->src, it->off, it->end),
                    xc_strdup(val), why, NULL);
        }
        free(val);
        free(spec);
    }
}

/* ---- the table -------------------------------------------------------- */

int xc_mig_apply_rules(struct xc_mig_ctx *c)
{
    for (size_t i = 0; i < c->cfg->entries.n; i++) {
        struct xc_cfg_entry *e = &c->cfg->entries.v[i];
        const struct rule *r = find_rule(e->key);
        if (!r) {
            xc_mig_record(c->f, e->key_pos, e->key, XC_MIG_LOST,
                          "not a key of xl.cfg(5) (Xen 4.17): xl ignores it; the line is kept",
                          "check the spelling, or delete the line");
            continue;
        }
        switch (r->act) {
        case KEEP:
            xc_mig_record(c->f, e->key_pos, e->key, XC_MIG_KEPT, NULL, NULL);
            break;
        case RENAME:
            rename_key(c, e, r->to);
            if (r->mask)
                xc_mig_mask(&c->masks, r->mask);
            changed(c, e->key_pos, e->key, stmt_text(c, e),
                    new_stmt(c, e, r->to, NULL), r->why, r->todo);
            break;
        case DROP: {
            drop(c, e);
            if (r->mask)
                xc_mig_mask(&c->masks, r->mask);
            struct xc_mig_rec *rec = xc_mig_record(c->f, e->key_pos, e->key,
                                                   XC_MIG_LOST, r->why, r->todo);
            rec->old_text = stmt_text(c, e);
            break;
        }
        case SPECIAL:
            r->fn(c, e, r);
            break;
        }
    }
    if (xc_cfg_count(c->cfg, "uuid") == 0) {
        xc_mig_mask(&c->masks, "uuid");
        /* a missing key is reported at 1:1 (testdata/xm/bad/README.md) */
        xc_mig_record(c->f, (struct xc_pos){1, 1}, "uuid", XC_MIG_NOTE,
                      "no uuid: every conversion (and xl create) makes up a new one",
                      "add uuid = \"...\" to keep the guest's identity");
    }
    return 0;
}
