/* The per-type part of b_info: libvirt 9.0.0's libxlMakeDomBuildInfo for
 * HVM (features, firmware, boot order, emulator, serials, USB inputs) and
 * for PV and PVH (kernel or bootloader). */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../common/xalloc.h"
#include "libxl_bridge_int.h"

static bool on(const struct xc_domain *dom, enum xc_feature f)
{
    return dom->features.f[f] == XC_TRI_YES;
}

static char boot_letter(enum xc_boot_dev dev)
{
    switch (dev) {
    case XC_BOOT_FD: return 'a';
    case XC_BOOT_CDROM: return 'd';
    case XC_BOOT_NETWORK: return 'n';
    case XC_BOOT_HD:
    case XC_BOOT_NONE: break;
    }
    return 'c';
}

static int emulator(struct xlb *b)
{
    const struct xc_str *e = &b->dom->emulator;
    libxl_domain_build_info *bi = &b->cfg->b_info;
    struct stat st;

    if (!e->s)
        return 0;
    if (stat(e->s, &st) != 0 || !S_ISREG(st.st_mode) || access(e->s, X_OK) != 0) {
        const char *why = stat(e->s, &st) != 0 ? "not found" : "not executable";
        /* a host fact: offline it may well be absent */
        if (b->ctx) {
            xc_error(b->d, e->pos, XLB_CHECK, "emulator '%s' %s", e->s, why);
            return -1;
        }
        xc_warn(b->d, e->pos, XLB_CHECK, "emulator '%s' %s on this host", e->s, why);
    }
    free(bi->device_model);
    bi->device_model = xc_strdup(e->s);
    bi->device_model_version = b->dm_version;
    return 0;
}

static int serials(struct xlb *b)
{
    const struct xc_domain *dom = b->dom;
    libxl_domain_build_info *bi = &b->cfg->b_info;
    size_t n = dom->serials.n;

    if (n == 1) {
        if (!(bi->u.hvm.serial = xlb_chrdev_str(b, &dom->serials.v[0])))
            return -1;
    } else if (n > 1) {
        bi->u.hvm.serial_list = xc_calloc(n + 1, sizeof(char *));
        for (size_t i = 0; i < n; i++)
            if (!(bi->u.hvm.serial_list[i] = xlb_chrdev_str(b, &dom->serials.v[i])))
                return -1;
    }
    if (dom->parallels.n) {
        xc_error(b->d, dom->parallels.v[0].pos, XLB_CHECK,
                 "parallel devices are not supported by libxl");
        return -1;
    }
    return 0;
}

static int usb_inputs(struct xlb *b)
{
    const struct xc_domain *dom = b->dom;
    libxl_domain_build_info *bi = &b->cfg->b_info;
    size_t n = 0;

    for (size_t i = 0; i < dom->inputs.n; i++)
        n += dom->inputs.v[i].bus == XC_INPUT_BUS_USB;
    if (n == 0)
        return 0;
    bi->u.hvm.usbdevice_list = xc_calloc(n + 1, sizeof(char *));
    n = 0;
    for (size_t i = 0; i < dom->inputs.n; i++) {
        const struct xc_input *in = &dom->inputs.v[i];
        if (in->bus != XC_INPUT_BUS_USB)
            continue;
        if (in->type != XC_INPUT_MOUSE && in->type != XC_INPUT_TABLET) {
            xc_error(b->d, in->pos, XLB_CHECK,
                     "a USB keyboard is not supported by libxl (only mouse and tablet)");
            return -1;
        }
        bi->u.hvm.usbdevice_list[n++] =
            xc_strdup(in->type == XC_INPUT_MOUSE ? "mouse" : "tablet");
    }
    return 0;
}

int xlb_build_hvm(struct xlb *b)
{
    const struct xc_domain *dom = b->dom;
    libxl_domain_build_info *bi = &b->cfg->b_info;
    char boot[XC_MAX_BOOT_DEVS + 1];

    libxl_defbool_set(&bi->u.hvm.pae, on(dom, XC_FEAT_PAE));
    libxl_defbool_set(&bi->apic, on(dom, XC_FEAT_APIC));
    libxl_defbool_set(&bi->acpi, on(dom, XC_FEAT_ACPI));
    bi->u.hvm.acpi_firmware = xlb_strdup(dom->os.slic_table.s);

    if (dom->sounds.n > 0) {
        const char *model = dom->sounds.v[0].model.s;
        if (model && strcmp(model, "ich6") == 0)
            model = "hda";
        bi->u.hvm.soundhw = xlb_strdup(model);
        for (size_t i = 1; i < dom->sounds.n; i++)
            xc_lost(b->d, dom->sounds.v[i].pos, "libxl-lost",
                    "sound device '%s' (libxl takes one)",
                    dom->sounds.v[i].model.s ? dom->sounds.v[i].model.s : "");
    }

    for (unsigned i = 0; i < dom->os.nboot; i++)
        boot[i] = boot_letter(dom->os.boot[i]);
    if (dom->os.nboot == 0)
        boot[0] = 'c', boot[1] = '\0';
    else
        boot[dom->os.nboot] = '\0';
    bi->u.hvm.boot = xc_strdup(boot);

    bi->cmdline = xlb_strdup(dom->os.cmdline.s);
    bi->kernel = xlb_strdup(dom->os.kernel.s);
    bi->ramdisk = xlb_strdup(dom->os.initrd.s);

    /* libxl chooses only the BIOS type: a pflash loader is OVMF */
    if (dom->os.loader_type == XC_LOADER_PFLASH)
        bi->u.hvm.bios = LIBXL_BIOS_TYPE_OVMF;

    if (emulator(b) < 0 || serials(b) < 0)
        return -1;

    libxl_defbool_set(&bi->u.hvm.vnc.enable, false);
    libxl_defbool_set(&bi->u.hvm.sdl.enable, false);
    return usb_inputs(b);
}

/* libvirt splits bootloader args with g_strsplit(args, " \t\n", 0): the
 * three characters together are the separator. */
static char **split_args(const char *s)
{
    static const char sep[] = " \t\n";
    size_t n = 1, k = 0;
    char **v;
    for (const char *p = strstr(s, sep); p; p = strstr(p + 3, sep))
        n++;
    if (*s == '\0')
        return xc_calloc(1, sizeof(char *));
    v = xc_calloc(n + 1, sizeof(char *));
    for (const char *p = s, *q; ; p = q + 3) {
        q = strstr(p, sep);
        if (!q) {
            v[k++] = xc_strdup(p);
            break;
        }
        v[k++] = xc_strndup(p, (size_t)(q - p));
    }
    return v;
}

int xlb_build_pv(struct xlb *b)
{
    const struct xc_os *os = &b->dom->os;
    libxl_domain_build_info *bi = &b->cfg->b_info;

    if (b->pvh) {
        bi->cmdline = xlb_strdup(os->cmdline.s);
        bi->kernel = xlb_strdup(os->kernel.s);
        bi->ramdisk = xlb_strdup(os->initrd.s);
        bi->bootloader = xlb_strdup(os->bootloader.s);
        if (os->bootloader_args.s)
            bi->bootloader_args = split_args(os->bootloader_args.s);
        return 0;
    }
    /* as xm did: pygrub when there is neither a bootloader nor a kernel
     * (libxl finds "pygrub" in its private bin directory) */
    if (os->bootloader.s)
        bi->u.pv.bootloader = xc_strdup(os->bootloader.s);
    else if (!os->kernel.s)
        bi->u.pv.bootloader = xc_strdup("pygrub");
    if (os->bootloader_args.s)
        bi->u.pv.bootloader_args = split_args(os->bootloader_args.s);
    bi->u.pv.cmdline = xlb_strdup(os->cmdline.s);
    if (os->kernel.s) {
        free(bi->u.pv.kernel);
        bi->u.pv.kernel = xc_strdup(os->kernel.s);
    }
    bi->u.pv.ramdisk = xlb_strdup(os->initrd.s);
    if (b->dom->features.xen_e820_host == XC_TRI_YES)
        libxl_defbool_set(&bi->u.pv.e820_host, true);
    else if (b->dom->features.xen_e820_host == XC_TRI_NO)
        libxl_defbool_set(&bi->u.pv.e820_host, false);
    return 0;
}
