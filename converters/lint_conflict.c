/* lint: conflict, settings that contradict each other.
 * On the xl/xm entries: maxmem < memory, vcpus > maxvcpus, bootloader
 * together with kernel, vncdisplay with vncunused=1 (top level or in one
 * vfb spec), keys xl.cfg(5) lists for HVM guests only in a PV or PVH guest
 * and PV-only keys in an HVM guest.
 * On the model as read (any format): two disks with one target, two
 * network interfaces with one MAC. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lint_int.h"

/* xl.cfg(5) 4.17, "Fully-virtualised (HVM) Guest Specific Options", less
 * what its "PVH Guest Specific Options" allows too (hap, nestedhvm, oos,
 * shadow_memory, timer_mode) and what applies to every guest in practice
 * (cpuid, localtime, rtc_timeoffset, tsc_mode). */
static const char *const hvm_only[] = {
    "acpi", "acpi_firmware", "acpi_laptop_slate", "acpi_s3", "acpi_s4",
    "altp2m", "altp2mhvm", "apic", "bios", "bios_path_override", "boot",
    "hdtype", "hpet", "keymap", "mmio_hole", "ms_vm_genid", "nographic",
    "nx", "opengl", "pae", "sdl", "serial", "smbios_firmware", "soundhw",
    "spice", "spice_clipboard_sharing", "spice_image_compression",
    "spice_streaming_video", "spiceagent_mouse", "spicedisable_ticketing",
    "spicehost", "spicepasswd", "spiceport", "spicetls_port",
    "spiceusbredirection", "spicevdagent", "stdvga", "usb", "usbdevice",
    "usbversion", "vendor_device", "vga", "videoram", "viridian",
    "vkb_device", "vnc", "vncdisplay", "vnclisten", "vncpasswd", "vncunused",
    "vpt_align", "xen_platform_pci", NULL,
};
/* "Paravirtualised (PV) Guest Specific Options" (bootloader also PVH). */
static const char *const pv_only[] = {"bootloader", "bootloader_args",
                                      "e820_host", NULL};

static bool listed(const char *const *t, const char *key)
{
    for (; *t; t++)
        if (strcmp(*t, key) == 0)
            return true;
    return false;
}

static const struct xc_cfg_entry *entry(const struct xcl_file *c,
                                        const char *key)
{
    /* the last one: what xl uses */
    for (size_t i = c->cfg->entries.n; i-- > 0;)
        if (strcmp(c->cfg->entries.v[i].key, key) == 0)
            return &c->cfg->entries.v[i];
    return NULL;
}

/* A whole number (NUMBER, or a string of digits); -1 otherwise. */
static long long number(const struct xc_cfg_entry *e)
{
    if (!e)
        return -1;
    if (e->value.kind == XC_CFG_NUMBER)
        return e->value.num;
    if (e->value.kind != XC_CFG_STRING || !e->value.str[0] ||
        strlen(e->value.str) > 18)
        return -1;
    long long n = 0;
    for (const char *s = e->value.str; *s; s++) {
        if (*s < '0' || *s > '9')
            return -1;
        n = n * 10 + (*s - '0');
    }
    return n;
}

static bool truthy(const struct xc_cfg_entry *e)
{
    return number(e) > 0;
}

/* "hvm", "pvh" or "pv": type, else builder, else pv. */
static const char *guest_type(const struct xcl_file *c)
{
    const struct xc_cfg_entry *t = entry(c, "type");
    if (t && t->value.kind == XC_CFG_STRING &&
        (strcmp(t->value.str, "hvm") == 0 || strcmp(t->value.str, "pvh") == 0))
        return t->value.str;
    if (t)
        return "pv";
    const struct xc_cfg_entry *b = entry(c, "builder");
    if (b && b->value.kind == XC_CFG_STRING && strcmp(b->value.str, "hvm") == 0)
        return "hvm";
    return "pv";
}

/* vncdisplay= together with vncunused=1 inside one vfb spec. */
static void vfb_specs(struct xcl_file *c)
{
    const struct xc_cfg_entry *e = entry(c, "vfb");
    if (!e || e->value.kind != XC_CFG_LIST)
        return;
    for (size_t i = 0; i < e->value.items.n; i++) {
        const struct xc_cfg_value *v = &e->value.items.v[i];
        if (v->kind != XC_CFG_STRING || v->raw || strchr(v->str, '\n'))
            continue;        /* positions inside are exact only when plain */
        const char *s = v->str, *disp = NULL;
        bool unused = false;
        for (const char *p = s; *p;) {
            size_t n = strcspn(p, ",");
            if (strncmp(p, "vncdisplay=", 11) == 0)
                disp = p;
            else if (n == 11 && strncmp(p, "vncunused=1", 11) == 0)
                unused = true;
            p += n;
            if (*p)
                p++;
        }
        if (disp && unused)
            xcl_add(c, XC_LINT_CONFLICT, XC_SEV_WARNING,
                    (struct xc_pos){v->pos.line,
                                    v->pos.col + 1 + (unsigned)(disp - s)},
                    "vfb: vncdisplay is ignored with vncunused=1 (a free "
                    "port is chosen)");
    }
}

void xcl_conflict_cfg(struct xcl_file *c)
{
    const struct xc_cfg_entry *mem = entry(c, "memory"),
                              *maxmem = entry(c, "maxmem"),
                              *vcpus = entry(c, "vcpus"),
                              *maxvcpus = entry(c, "maxvcpus");
    long long m = number(mem), mm = number(maxmem);
    if (m >= 0 && mm >= 0 && mm < m)
        xcl_add(c, XC_LINT_CONFLICT, XC_SEV_ERROR, maxmem->value.pos,
                "maxmem (%lld) is less than memory (%lld, line %u)", mm, m,
                mem->key_pos.line);
    long long v = number(vcpus), mv = number(maxvcpus);
    if (v >= 0 && mv >= 0 && v > mv)
        xcl_add(c, XC_LINT_CONFLICT, XC_SEV_ERROR, vcpus->value.pos,
                "vcpus (%lld) is more than maxvcpus (%lld, line %u)", v, mv,
                maxvcpus->key_pos.line);

    const struct xc_cfg_entry *bl = entry(c, "bootloader"),
                              *kernel = entry(c, "kernel");
    if (bl && kernel)
        xcl_add(c, XC_LINT_CONFLICT, XC_SEV_WARNING, kernel->key_pos,
                "kernel together with bootloader (line %u): the bootloader "
                "chooses the kernel", bl->key_pos.line);

    const struct xc_cfg_entry *disp = entry(c, "vncdisplay"),
                              *unused = entry(c, "vncunused");
    if (disp && truthy(unused))
        xcl_add(c, XC_LINT_CONFLICT, XC_SEV_WARNING, disp->key_pos,
                "vncdisplay is ignored with vncunused=1 (line %u): a free "
                "port is chosen", unused->key_pos.line);
    vfb_specs(c);

    const char *type = guest_type(c);
    bool hvm = strcmp(type, "hvm") == 0, pvh = strcmp(type, "pvh") == 0;
    for (size_t i = 0; i < c->cfg->entries.n; i++) {
        const struct xc_cfg_entry *e = &c->cfg->entries.v[i];
        if (!hvm && listed(hvm_only, e->key))
            xcl_add(c, XC_LINT_CONFLICT, XC_SEV_WARNING, e->key_pos,
                    "key '%s' is for HVM guests only; this is a %s guest",
                    e->key, pvh ? "PVH" : "PV");
        else if (hvm && listed(pv_only, e->key))
            xcl_add(c, XC_LINT_CONFLICT, XC_SEV_WARNING, e->key_pos,
                    "key '%s' is for PV guests only; this is an HVM guest",
                    e->key);
    }
}

static int str_cmp(const struct xc_str *a, const struct xc_str *b)
{
    return strcmp(a->s, b->s);
}

/* Report every device whose string (target, MAC) an earlier one has:
 * sorted copies of the indexes, so n log n. */
struct keyed {
    const struct xc_str *s;
    size_t i;
};

static int keyed_cmp(const void *a, const void *b)
{
    const struct keyed *x = a, *y = b;
    int c = str_cmp(x->s, y->s);
    return c ? c : (x->i > y->i) - (x->i < y->i);
}

static void duplicates(struct xcl_file *c, struct keyed *k, size_t n,
                       const char *what)
{
    if (n < 2)
        return;
    qsort(k, n, sizeof(*k), keyed_cmp);
    size_t f = 0;            /* first of the run of equal strings */
    for (size_t i = 1; i < n; i++) {
        if (str_cmp(k[f].s, k[i].s) != 0)
            f = i;
        else
            xcl_add(c, XC_LINT_CONFLICT, XC_SEV_ERROR, k[i].s->pos,
                    "%s '%s' is already used at %u:%u", what, k[i].s->s,
                    k[f].s->pos.line, k[f].s->pos.col);
    }
}

void xcl_conflict_model(struct xcl_file *c, const struct xc_domain *dom)
{
    size_t n = dom->disks.n > dom->nets.n ? dom->disks.n : dom->nets.n, m = 0;
    struct keyed *k = calloc(n ? n : 1, sizeof(*k));
    if (!k)
        abort();
    for (size_t i = 0; i < dom->disks.n; i++)
        if (dom->disks.v[i].target.s)
            k[m++] = (struct keyed){&dom->disks.v[i].target, i};
    duplicates(c, k, m, "disk target");
    m = 0;
    for (size_t i = 0; i < dom->nets.n; i++)
        if (dom->nets.v[i].mac.s)
            k[m++] = (struct keyed){&dom->nets.v[i].mac, i};
    duplicates(c, k, m, "MAC address");
    free(k);
}
