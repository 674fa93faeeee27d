/* xen-xm reader: an xm config file into the model, literally as libvirt
 * 9.0.0's xenParseXM (src/libxl/xen_xm.c on top of xen_common.c) fills
 * its virDomainDef before virDomainDefPostParse.  The shared part
 * (xenParseConfigCommon) is formats/xencommon/; here is what xen_xm.c
 * adds: the os keys (an HVM guest's loader is `kernel`, its boot order
 * `boot`; a PV guest's command line is root= plus extra), old-style disk
 * specs (xm_read_disk.c) and usbdevice.
 *
 * Values are taken as virConf sees them (no escapes).  Differences from
 * libvirt are those of the xl reader (formats/xl/xl_read.c), plus:
 * - a disk spec libvirt skips is a loss warning [bad-disk];
 * - a usbdevice other than mouse/tablet/keyboard, and every key never
 *   read (xl's cmdline, device_model, ...), is a loss warning. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include "../../common/buf.h"
#include "xm_read.h"

/* xenParseXMOS */
static int read_os(struct xcr *r)
{
    struct xc_os *os = &r->dom->os;
    int ret = 0;

    if (os->type == XC_OS_HVM) {
        const char *s;
        struct xc_pos pos;
        if (xcr_string(r, "kernel", &s, &pos) < 0) {
            ret = -1;
        } else if (!s) {
            struct xc_pos at = os->type_pos.line ? os->type_pos
                                                 : (struct xc_pos){1, 1};
            xcr_error(r, at, "missing-key", "an HVM guest needs the key "
                      "'kernel' (its firmware loader, e.g. "
                      "\"/usr/lib/xen/boot/hvmloader\")");
            ret = -1;
        } else {
            xc_str_set(&os->loader, s, pos);
        }
        if (xcr_read_boot(r) < 0)
            ret = -1;
        return ret;
    }

    if (xcr_copy_opt(r, "bootloader", &os->bootloader) < 0)
        ret = -1;
    if (xcr_copy_opt(r, "bootargs", &os->bootloader_args) < 0)
        ret = -1;
    if (xcr_copy_opt(r, "kernel", &os->kernel) < 0)
        ret = -1;
    if (xcr_copy_opt(r, "ramdisk", &os->initrd) < 0)
        ret = -1;
    const char *extra, *root;
    struct xc_pos epos = xc_nopos, rpos = xc_nopos;
    if (xcr_string(r, "extra", &extra, &epos) < 0 ||
        xcr_string(r, "root", &root, &rpos) < 0)
        return -1;
    if (root || extra) {
        struct xc_buf b = {0};
        if (root)
            xc_buf_addf(&b, "root=%s", root);
        if (root && extra)
            xc_buf_addc(&b, ' ');
        if (extra)
            xc_buf_add(&b, extra);
        xc_str_setn(&os->cmdline, xc_buf_str(&b), b.len, root ? rpos : epos);
        xc_buf_free(&b);
    }
    return ret;
}

/* xenParseXMInputDevs: one usbdevice string, HVM only. */
static int read_inputs(struct xcr *r)
{
    if (r->dom->os.type != XC_OS_HVM)
        return 0;
    const char *s;
    struct xc_pos pos;
    if (xcr_string(r, "usbdevice", &s, &pos) < 0)
        return -1;
    if (!s)
        return 0;
    enum xc_input_type t = XC_INPUT_NONE;
    if (strcmp(s, "mouse") == 0)
        t = XC_INPUT_MOUSE;
    else if (strcmp(s, "tablet") == 0)
        t = XC_INPUT_TABLET;
    else if (strcmp(s, "keyboard") == 0)
        t = XC_INPUT_KBD;
    if (t == XC_INPUT_NONE) {
        xc_lost(r->d, pos, "ignored-value", "usbdevice '%s' (only mouse, "
                "tablet and keyboard are read)", s);
        return 0;
    }
    struct xc_input *in = xc_vec_push(&r->dom->inputs);
    in->type = t;
    in->bus = XC_INPUT_BUS_USB;
    in->pos = pos;
    return 0;
}

/* xenParseXM after xenParseConfigCommon */
static void read_own(struct xcr *r)
{
    read_os(r);
    xmr_read_disks(r);
    read_inputs(r);
}

int xc_xm_read(const struct xc_source *in, const struct xc_settings *set,
               struct xc_domain *out, struct xc_diags *d)
{
    return xcr_read_file(in, set, out, d, XC_XEN_XM, read_own);
}
