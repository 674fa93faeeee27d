/* Unit tests for converters/defaults*.c: libvirt 9.0.0's post-parse
 * defaults for the libxl driver, on models built by hand. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/buf.h"
#include "common/diag.h"
#include "common/model.h"
#include "common/settings.h"
#include "converters/defaults.h"
#include "converters/defaults_priv.h"

static struct xc_settings set;
static struct xc_diags diags;

static void setup(void)
{
    xc_settings_init(&set);
    memset(&diags, 0, sizeof(diags));
    diags.file = "test";
}

static void teardown(void)
{
    xc_settings_free(&set);
    xc_diags_free(&diags);
}

static struct xc_pos at(unsigned line, unsigned col)
{
    return (struct xc_pos){line, col};
}

static void base(struct xc_domain *dom, enum xc_os_type type)
{
    xc_domain_init(dom);
    xc_str_set(&dom->virt_type, "xen", xc_nopos);
    xc_str_set(&dom->name, "guest", at(1, 1));
    dom->os.type = type;
    dom->has_memory = true;
    dom->memory_kib = 524288;
}

static struct xc_disk *add_disk(struct xc_domain *dom, const char *target,
                                enum xc_disk_bus bus, const char *src)
{
    struct xc_disk *d = xc_vec_push(&dom->disks);
    d->type = XC_DISK_FILE;
    d->device = XC_DISK_DEV_DISK;
    xc_str_set(&d->target, target, at(5, 10));
    if (src)
        xc_str_set(&d->source, src, at(5, 20));
    d->bus = bus;
    d->pos = at(5, 1);
    return d;
}

static struct xc_chr *add_chr(void *vecp, enum xc_chr_type type)
{
    XC_VEC(struct xc_chr) *vec = vecp;
    struct xc_chr *c = xc_vec_push(vec);
    c->type = type;
    return c;
}

static int apply(struct xc_domain *dom, enum xc_origin origin)
{
    return xc_defaults_apply(dom, &set, origin, &diags);
}

/* A text dump of everything the defaults may touch, to compare runs. */
static void dump_str(struct xc_buf *b, const char *k, const struct xc_str *s)
{
    xc_buf_addf(b, " %s=%s", k, s->s ? s->s : "(unset)");
}

static void dump_chrs(struct xc_buf *b, const char *what,
                      const struct xc_chr *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        xc_buf_addf(b, "%s type=%d port=%d:%u listen=%d", what, (int)v[i].type,
                    v[i].has_target_port, v[i].target_port, v[i].listen);
        dump_str(b, "path", &v[i].path);
        dump_str(b, "ttype", &v[i].target_type);
        xc_buf_addc(b, '\n');
    }
}

static char *dump(const struct xc_domain *dom)
{
    struct xc_buf b = {0};
    xc_buf_addf(&b, "mem=%d:%llu cur=%d:%llu os=%d nboot=%u boot0=%d lt=%d\n",
                dom->has_memory, (unsigned long long)dom->memory_kib,
                dom->has_current_memory,
                (unsigned long long)dom->current_memory_kib, (int)dom->os.type,
                dom->os.nboot, (int)dom->os.boot[0], (int)dom->os.loader_type);
    dump_str(&b, "arch", &dom->os.arch);
    dump_str(&b, "machine", &dom->os.machine);
    dump_str(&b, "balloon", &dom->memballoon_model);
    for (int f = 0; f < XC_FEAT_COUNT; f++)
        xc_buf_addf(&b, " f%d=%d", f, (int)dom->features.f[f]);
    xc_buf_addf(&b, " basis=%d\n", (int)dom->clock.basis);
    for (size_t i = 0; i < dom->disks.n; i++) {
        const struct xc_disk *d = &dom->disks.v[i];
        const struct xc_drive_addr *a = &xc_disk_rare_ro(d)->addr;
        xc_buf_addf(&b, "disk bus=%d ro=%d addr=%d:%u.%u.%u.%u", (int)d->bus,
                    d->readonly, d->addr_present, a->controller, a->bus,
                    a->target, a->unit);
        dump_str(&b, "target", &d->target);
        dump_str(&b, "dname", &d->driver_name);
        dump_str(&b, "dtype", &d->driver_type);
        dump_str(&b, "sname", &xc_disk_rare_ro(d)->source_name);
        xc_buf_addc(&b, '\n');
    }
    for (size_t i = 0; i < dom->controllers.n; i++) {
        const struct xc_controller *c = &dom->controllers.v[i];
        xc_buf_addf(&b, "ctrl %d %u has=%d auto=%d", (int)c->type, c->index,
                    c->has_index, c->auto_index);
        dump_str(&b, "model", &c->model);
        xc_buf_addc(&b, '\n');
    }
    for (size_t i = 0; i < dom->inputs.n; i++)
        xc_buf_addf(&b, "input %d %d\n", (int)dom->inputs.v[i].type,
                    (int)dom->inputs.v[i].bus);
    for (size_t i = 0; i < dom->videos.n; i++) {
        const struct xc_video *v = &dom->videos.v[i];
        xc_buf_addf(&b, "video ram=%d:%u vram=%d:%u heads=%d:%u primary=%d",
                    v->has_ram, v->ram, v->has_vram, v->vram, v->has_heads,
                    v->heads, (int)v->primary);
        dump_str(&b, "model", &v->model);
        xc_buf_addc(&b, '\n');
    }
    for (size_t i = 0; i < dom->nets.n; i++) {
        xc_buf_addf(&b, "net");
        dump_str(&b, "driver", &dom->nets.v[i].driver_name);
        xc_buf_addc(&b, '\n');
    }
    for (size_t i = 0; i < dom->hostdevs.n; i++) {
        xc_buf_addf(&b, "hostdev");
        dump_str(&b, "driver", &dom->hostdevs.v[i].driver_name);
        xc_buf_addc(&b, '\n');
    }
    dump_chrs(&b, "serial", dom->serials.v, dom->serials.n);
    dump_chrs(&b, "parallel", dom->parallels.v, dom->parallels.n);
    dump_chrs(&b, "console", dom->consoles.v, dom->consoles.n);
    dump_chrs(&b, "channel", dom->channels.v, dom->channels.n);
    return xc_buf_steal(&b);
}

/* Applying the defaults a second time changes nothing. */
static void assert_idempotent(struct xc_domain *dom, enum xc_origin origin)
{
    char *once = dump(dom);
    ck_assert_int_eq(apply(dom, origin), 0);
    char *twice = dump(dom);
    ck_assert_str_eq(once, twice);
    free(once);
    free(twice);
}

START_TEST(pv_one_disk)
{
    struct xc_domain dom;
    base(&dom, XC_OS_XEN);
    add_disk(&dom, "xvda", XC_BUS_NONE, "/img");
    ck_assert_int_eq(apply(&dom, XC_ORIGIN_NATIVE), 0);
    ck_assert_uint_eq(diags.nerrors, 0);

    ck_assert_str_eq(dom.os.arch.s, "x86_64");
    ck_assert_str_eq(dom.os.machine.s, "xenpv");
    ck_assert_uint_eq(dom.os.nboot, 0);               /* boot order is HVM only */
    ck_assert_int_eq(dom.features.f[XC_FEAT_PAE], XC_TRI_ABSENT);

    ck_assert_uint_eq(dom.consoles.n, 1);
    ck_assert_int_eq(dom.consoles.v[0].type, XC_CHR_PTY);
    ck_assert_str_eq(dom.consoles.v[0].target_type.s, "xen");
    ck_assert(dom.consoles.v[0].has_target_port);
    ck_assert_uint_eq(dom.consoles.v[0].target_port, 0);
    ck_assert_uint_eq(dom.serials.n, 0);

    ck_assert_uint_eq(dom.controllers.n, 1);
    ck_assert_int_eq(dom.controllers.v[0].type, XC_CTRL_XENBUS);
    ck_assert_uint_eq(dom.controllers.v[0].index, 0);
    ck_assert_ptr_null(dom.controllers.v[0].model.s);

    ck_assert_uint_eq(dom.inputs.n, 2);
    ck_assert_int_eq(dom.inputs.v[0].type, XC_INPUT_MOUSE);
    ck_assert_int_eq(dom.inputs.v[0].bus, XC_INPUT_BUS_XEN);
    ck_assert_int_eq(dom.inputs.v[1].type, XC_INPUT_KBD);
    ck_assert_int_eq(dom.inputs.v[1].bus, XC_INPUT_BUS_XEN);
    ck_assert_str_eq(dom.memballoon_model.s, "xen");

    ck_assert_int_eq(dom.disks.v[0].bus, XC_BUS_XEN);
    ck_assert(!dom.disks.v[0].addr_present);
    ck_assert_str_eq(dom.disks.v[0].driver_type.s, "raw");
    ck_assert_ptr_null(dom.disks.v[0].driver_name.s);
    ck_assert_uint_eq(dom.videos.n, 0);

    ck_assert(dom.has_current_memory);
    ck_assert_uint_eq(dom.current_memory_kib, 524288);
    assert_idempotent(&dom, XC_ORIGIN_NATIVE);
    xc_domain_free(&dom);
}
END_TEST

START_TEST(hvm_ide_disks)
{
    struct xc_domain dom;
    base(&dom, XC_OS_HVM);
    dom.current_memory_kib = 262144;
    dom.has_current_memory = true;
    xc_str_set(&dom.os.loader, "/usr/lib/xen/boot/hvmloader", xc_nopos);
    add_disk(&dom, "hda", XC_BUS_IDE, "/dev/vg/a");
    struct xc_disk *cd = add_disk(&dom, "hdc", XC_BUS_NONE, "/boot.iso");
    cd->device = XC_DISK_DEV_CDROM;
    xc_str_set(&cd->driver_type, "qcow2", xc_nopos);
    xc_vec_push(&dom.graphics)->type = XC_GFX_VNC;
    ck_assert_int_eq(apply(&dom, XC_ORIGIN_NATIVE), 0);

    ck_assert_str_eq(dom.os.machine.s, "xenfv");
    ck_assert_int_eq(dom.os.loader_type, XC_LOADER_ROM);
    ck_assert_uint_eq(dom.os.nboot, 1);
    ck_assert_int_eq(dom.os.boot[0], XC_BOOT_HD);
    ck_assert_int_eq(dom.features.f[XC_FEAT_PAE], XC_TRI_YES);
    ck_assert_int_eq(dom.features.f[XC_FEAT_ACPI], XC_TRI_ABSENT);
    ck_assert_uint_eq(dom.current_memory_kib, 262144);

    const struct xc_disk *a = &dom.disks.v[0], *c = &dom.disks.v[1];
    ck_assert(a->addr_present);
    ck_assert_uint_eq(xc_disk_rare_ro(a)->addr.controller, 0);
    ck_assert_uint_eq(xc_disk_rare_ro(a)->addr.bus, 0);
    ck_assert_uint_eq(xc_disk_rare_ro(a)->addr.unit, 0);
    ck_assert(c->addr_present);
    ck_assert_int_eq(c->bus, XC_BUS_IDE);
    ck_assert_uint_eq(xc_disk_rare_ro(c)->addr.controller, 0);
    ck_assert_uint_eq(xc_disk_rare_ro(c)->addr.bus, 1);
    ck_assert_uint_eq(xc_disk_rare_ro(c)->addr.unit, 0);
    ck_assert(c->readonly);
    ck_assert_str_eq(c->driver_type.s, "qcow2");

    ck_assert_uint_eq(dom.controllers.n, 2);
    ck_assert_int_eq(dom.controllers.v[0].type, XC_CTRL_XENBUS);
    ck_assert_int_eq(dom.controllers.v[1].type, XC_CTRL_IDE);
    ck_assert_uint_eq(dom.controllers.v[1].index, 0);

    ck_assert_uint_eq(dom.inputs.n, 2);
    ck_assert_int_eq(dom.inputs.v[0].bus, XC_INPUT_BUS_PS2);
    ck_assert_int_eq(dom.inputs.v[1].bus, XC_INPUT_BUS_PS2);

    ck_assert_uint_eq(dom.videos.n, 1);
    ck_assert_str_eq(dom.videos.v[0].model.s, "cirrus");
    ck_assert(dom.videos.v[0].has_vram);
    ck_assert_uint_eq(dom.videos.v[0].vram, 8192);
    ck_assert_uint_eq(dom.videos.v[0].heads, 1);
    ck_assert_int_eq(dom.videos.v[0].primary, XC_TRI_YES);
    ck_assert(!dom.videos.v[0].has_ram);

    ck_assert_uint_eq(dom.consoles.n, 0);   /* HVM: no PV console */
    assert_idempotent(&dom, XC_ORIGIN_NATIVE);
    xc_domain_free(&dom);
}
END_TEST

START_TEST(hvm_serial_console_alias)
{
    /* serials only: a stub console aliasing serial 0 goes in front */
    struct xc_domain dom;
    base(&dom, XC_OS_HVM);
    for (int i = 0; i < 3; i++)
        add_chr(&dom.serials, XC_CHR_PTY);
    ck_assert_int_eq(apply(&dom, XC_ORIGIN_NATIVE), 0);
    ck_assert_uint_eq(dom.serials.n, 3);
    for (unsigned i = 0; i < 3; i++) {
        ck_assert(dom.serials.v[i].has_target_port);
        ck_assert_uint_eq(dom.serials.v[i].target_port, i);
    }
    ck_assert_uint_eq(dom.consoles.n, 1);
    ck_assert_str_eq(dom.consoles.v[0].target_type.s, "serial");
    assert_idempotent(&dom, XC_ORIGIN_NATIVE);
    xc_domain_free(&dom);

    /* a console only: it becomes serial 0, and a stub stands for it */
    base(&dom, XC_OS_HVM);
    struct xc_chr *c = add_chr(&dom.consoles, XC_CHR_FILE);
    xc_str_set(&c->path, "/var/log/con", xc_nopos);
    ck_assert_int_eq(apply(&dom, XC_ORIGIN_XML), 0);
    ck_assert_uint_eq(dom.serials.n, 1);
    ck_assert_int_eq(dom.serials.v[0].type, XC_CHR_FILE);
    ck_assert_str_eq(dom.serials.v[0].path.s, "/var/log/con");
    ck_assert_ptr_null(dom.serials.v[0].target_type.s);
    ck_assert_uint_eq(dom.serials.v[0].target_port, 0);
    ck_assert_uint_eq(dom.consoles.n, 1);
    ck_assert_str_eq(dom.consoles.v[0].target_type.s, "serial");
    ck_assert_ptr_null(dom.consoles.v[0].path.s);
    assert_idempotent(&dom, XC_ORIGIN_XML);
    xc_domain_free(&dom);

    /* console and serial with the same source: both kept as they are */
    base(&dom, XC_OS_HVM);
    add_chr(&dom.serials, XC_CHR_PTY);
    c = add_chr(&dom.consoles, XC_CHR_PTY);
    xc_str_set(&c->target_type, "serial", xc_nopos);
    ck_assert_int_eq(apply(&dom, XC_ORIGIN_XML), 0);
    ck_assert_uint_eq(dom.serials.n, 1);
    ck_assert_uint_eq(dom.consoles.n, 1);
    ck_assert_int_eq(dom.consoles.v[0].type, XC_CHR_PTY);
    ck_assert_uint_eq(dom.consoles.v[0].target_port, 0);
    xc_domain_free(&dom);

    /* a second serial console is refused */
    base(&dom, XC_OS_XEN);
    add_chr(&dom.consoles, XC_CHR_PTY);
    c = add_chr(&dom.consoles, XC_CHR_PTY);
    xc_str_set(&c->target_type, "serial", at(9, 4));
    ck_assert_int_eq(apply(&dom, XC_ORIGIN_XML), -1);
    ck_assert_uint_eq(diags.list.v[0].pos.line, 9);
    ck_assert_str_eq(diags.list.v[0].msg, "Only the first console can be a serial port");
    xc_domain_free(&dom);
}
END_TEST

START_TEST(pv_console_target_and_ports)
{
    struct xc_domain dom;
    base(&dom, XC_OS_XEN);
    struct xc_chr *c = add_chr(&dom.consoles, XC_CHR_PTY);
    c->has_target_port = true;
    c->target_port = 3;
    add_chr(&dom.consoles, XC_CHR_PTY);
    add_chr(&dom.parallels, XC_CHR_PTY);
    ck_assert_int_eq(apply(&dom, XC_ORIGIN_XML), 0);
    ck_assert_uint_eq(dom.consoles.n, 2);
    ck_assert_str_eq(dom.consoles.v[0].target_type.s, "xen");
    ck_assert_str_eq(dom.consoles.v[1].target_type.s, "xen");
    ck_assert_uint_eq(dom.consoles.v[1].target_port, 4);
    ck_assert_uint_eq(dom.parallels.v[0].target_port, 0);
    xc_domain_free(&dom);
}
END_TEST

START_TEST(controller_indexes)
{
    struct xc_domain dom;
    base(&dom, XC_OS_XEN);
    struct xc_controller *u;
    u = xc_vec_push(&dom.controllers);
    u->type = XC_CTRL_USB;
    u->auto_index = true;
    xc_str_set(&u->model, "qusb2", xc_nopos);
    u = xc_vec_push(&dom.controllers);
    u->type = XC_CTRL_USB;
    u->has_index = true;
    u->index = 1;
    u = xc_vec_push(&dom.controllers);
    u->type = XC_CTRL_USB;          /* !has_index: libvirt's -1 too */
    /* an ich9 EHCI and its companions share one index */
    const char *ich9[] = {"ich9-ehci1", "ich9-uhci1", "ich9-uhci2"};
    for (int i = 0; i < 3; i++) {
        u = xc_vec_push(&dom.controllers);
        u->type = XC_CTRL_USB;
        u->auto_index = true;
        xc_str_set(&u->model, ich9[i], xc_nopos);
    }
    ck_assert_int_eq(apply(&dom, XC_ORIGIN_NATIVE), 0);
    ck_assert_uint_eq(dom.controllers.n, 7);
    unsigned want[] = {0, 1, 2, 3, 3, 3};
    for (int i = 0; i < 6; i++) {
        ck_assert_uint_eq(dom.controllers.v[i].index, want[i]);
        ck_assert(!dom.controllers.v[i].auto_index);
        ck_assert(dom.controllers.v[i].has_index);
    }
    ck_assert_int_eq(dom.controllers.v[6].type, XC_CTRL_XENBUS);
    assert_idempotent(&dom, XC_ORIGIN_NATIVE);
    xc_domain_free(&dom);

    /* two ide controllers with index 0 are refused */
    base(&dom, XC_OS_HVM);
    for (int i = 0; i < 2; i++) {
        u = xc_vec_push(&dom.controllers);
        u->type = XC_CTRL_IDE;
        u->has_index = true;
        u->pos = at(7 + i, 5);
    }
    ck_assert_int_eq(apply(&dom, XC_ORIGIN_XML), -1);
    ck_assert_uint_eq(diags.nerrors, 1);
    ck_assert_uint_eq(diags.list.v[0].pos.line, 8);
    ck_assert_str_eq(diags.list.v[0].msg, "Multiple 'ide' controllers with index '0'");
    xc_domain_free(&dom);
}
END_TEST

START_TEST(scsi_sata_fdc_addresses)
{
    struct xc_domain dom;
    base(&dom, XC_OS_HVM);
    add_disk(&dom, "sdh", XC_BUS_NONE, NULL);           /* idx 7 */
    add_disk(&dom, "sdb", XC_BUS_SCSI, NULL);
    add_disk(&dom, "sdg", XC_BUS_SATA, NULL);           /* idx 6 */
    struct xc_disk *fd = add_disk(&dom, "fdb", XC_BUS_NONE, NULL);
    fd->device = XC_DISK_DEV_FLOPPY;
    struct xc_disk *x = add_disk(&dom, "hdb", XC_BUS_IDE, NULL);
    xc_disk_rare(x)->addr = (struct xc_drive_addr){.controller = 2, .unit = 1};
    x->addr_present = true;
    ck_assert_int_eq(apply(&dom, XC_ORIGIN_XML), 0);
    ck_assert_int_eq(dom.disks.v[0].bus, XC_BUS_SCSI);
    ck_assert_uint_eq(xc_disk_rare_ro(&dom.disks.v[0])->addr.controller, 1);
    ck_assert_uint_eq(xc_disk_rare_ro(&dom.disks.v[0])->addr.unit, 0);
    ck_assert_uint_eq(xc_disk_rare_ro(&dom.disks.v[1])->addr.controller, 0);
    ck_assert_uint_eq(xc_disk_rare_ro(&dom.disks.v[1])->addr.unit, 1);
    ck_assert_uint_eq(xc_disk_rare_ro(&dom.disks.v[2])->addr.controller, 1);
    ck_assert_uint_eq(xc_disk_rare_ro(&dom.disks.v[2])->addr.unit, 0);
    ck_assert_int_eq(dom.disks.v[3].bus, XC_BUS_FDC);
    ck_assert_uint_eq(xc_disk_rare_ro(&dom.disks.v[3])->addr.controller, 0);
    ck_assert_uint_eq(xc_disk_rare_ro(&dom.disks.v[3])->addr.unit, 1);
    ck_assert_uint_eq(xc_disk_rare_ro(&dom.disks.v[4])->addr.controller, 2);   /* kept */

    /* xenbus, scsi 0-1, fdc 0, ide 0-2, sata 0-1, in libvirt's order */
    struct { enum xc_controller_type t; unsigned i; } want[] = {
        {XC_CTRL_XENBUS, 0}, {XC_CTRL_SCSI, 0}, {XC_CTRL_SCSI, 1},
        {XC_CTRL_FDC, 0}, {XC_CTRL_IDE, 0}, {XC_CTRL_IDE, 1},
        {XC_CTRL_IDE, 2}, {XC_CTRL_SATA, 0}, {XC_CTRL_SATA, 1}};
    ck_assert_uint_eq(dom.controllers.n, 9);
    for (int i = 0; i < 9; i++) {
        ck_assert_int_eq(dom.controllers.v[i].type, want[i].t);
        ck_assert_uint_eq(dom.controllers.v[i].index, want[i].i);
    }
    assert_idempotent(&dom, XC_ORIGIN_XML);
    xc_domain_free(&dom);
}
END_TEST

START_TEST(disk_name_index)
{
    ck_assert_int_eq(dflt_disk_name_index("sda"), 0);
    ck_assert_int_eq(dflt_disk_name_index("hdz"), 25);
    ck_assert_int_eq(dflt_disk_name_index("vdaa"), 26);
    ck_assert_int_eq(dflt_disk_name_index("xvdb12"), 1);
    ck_assert_int_eq(dflt_disk_name_index("ubdc"), 2);
    ck_assert_int_eq(dflt_disk_name_index("sd"), -1);
    ck_assert_int_eq(dflt_disk_name_index("sda1x"), -1);
    ck_assert_int_eq(dflt_disk_name_index("nvme0"), -1);
    ck_assert_int_eq(dflt_disk_name_index("sdzzzzzzzzzzzzzzzz"), -1);
}
END_TEST

START_TEST(disk_errors_and_network)
{
    struct xc_domain dom;
    base(&dom, XC_OS_XEN);
    add_disk(&dom, "xvda", XC_BUS_XEN, NULL);
    struct xc_disk *n = add_disk(&dom, "ioemu:xvdb", XC_BUS_NONE, NULL);
    n->type = XC_DISK_NETWORK;
    xc_str_set(&xc_disk_rare(n)->protocol, "iscsi", xc_nopos);
    xc_str_set(&xc_disk_rare(n)->source_name, "iqn.2013-07.com.example:iscsi-nopool", xc_nopos);
    ck_assert_int_eq(apply(&dom, XC_ORIGIN_XML), 0);
    ck_assert_str_eq(n->target.s, "xvdb");
    ck_assert_int_eq(n->bus, XC_BUS_XEN);
    ck_assert_str_eq(n->driver_name.s, "qemu");
    ck_assert_str_eq(n->rare->source_name.s, "iqn.2013-07.com.example:iscsi-nopool/0");
    assert_idempotent(&dom, XC_ORIGIN_XML);
    xc_domain_free(&dom);

    base(&dom, XC_OS_XEN);
    add_disk(&dom, "mydisk", XC_BUS_XEN, NULL);
    ck_assert_int_eq(apply(&dom, XC_ORIGIN_NATIVE), -1);
    ck_assert_uint_eq(diags.list.v[0].pos.line, 5);
    ck_assert_uint_eq(diags.list.v[0].pos.col, 10);
    ck_assert_str_eq(diags.list.v[0].msg,
                     "Unknown disk name 'mydisk' and no address specified");
    xc_domain_free(&dom);
}
END_TEST

START_TEST(video_models)
{
    struct xc_domain dom;
    /* PV with a framebuffer: a xen video of 4 MiB */
    base(&dom, XC_OS_XEN);
    xc_vec_push(&dom.graphics)->type = XC_GFX_VNC;
    ck_assert_int_eq(apply(&dom, XC_ORIGIN_NATIVE), 0);
    ck_assert_str_eq(dom.videos.v[0].model.s, "xen");
    ck_assert_uint_eq(dom.videos.v[0].vram, 4096);
    ck_assert_int_eq(dom.videos.v[0].primary, XC_TRI_YES);
    xc_domain_free(&dom);

    /* HVM: vga 16 MiB, qxl 128 MiB vram + 64 MiB ram, rounded up to a
     * power of two; the second video is not primary */
    base(&dom, XC_OS_HVM);
    struct xc_video *v = xc_vec_push(&dom.videos);
    xc_str_set(&v->model, "vga", xc_nopos);
    v = xc_vec_push(&dom.videos);
    xc_str_set(&v->model, "qxl", xc_nopos);
    v = xc_vec_push(&dom.videos);
    xc_str_set(&v->model, "cirrus", xc_nopos);
    v->has_vram = true;
    v->vram = 9000;
    ck_assert_int_eq(apply(&dom, XC_ORIGIN_XML), 0);
    ck_assert_uint_eq(dom.videos.v[0].vram, 16384);
    ck_assert_uint_eq(dom.videos.v[1].vram, 131072);
    ck_assert_uint_eq(dom.videos.v[1].ram, 65536);
    ck_assert_int_eq(dom.videos.v[1].primary, XC_TRI_ABSENT);
    ck_assert_uint_eq(dom.videos.v[2].vram, 16384);
    assert_idempotent(&dom, XC_ORIGIN_XML);
    xc_domain_free(&dom);

    /* model none carries nothing */
    base(&dom, XC_OS_HVM);
    v = xc_vec_push(&dom.videos);
    xc_str_set(&v->model, "none", xc_nopos);
    ck_assert_int_eq(apply(&dom, XC_ORIGIN_XML), 0);
    ck_assert(!dom.videos.v[0].has_vram);
    ck_assert(!dom.videos.v[0].has_heads);
    ck_assert_int_eq(dom.videos.v[0].primary, XC_TRI_ABSENT);
    assert_idempotent(&dom, XC_ORIGIN_XML);
    xc_domain_free(&dom);
}
END_TEST

START_TEST(inputs_hostdevs_balloon)
{
    struct xc_domain dom;
    base(&dom, XC_OS_HVM);
    struct xc_input *in = xc_vec_push(&dom.inputs);
    in->type = XC_INPUT_TABLET;
    in->bus = XC_INPUT_BUS_USB;
    in = xc_vec_push(&dom.inputs);
    in->type = XC_INPUT_KBD;
    in->bus = XC_INPUT_BUS_PS2;
    xc_vec_push(&dom.hostdevs)->type = XC_HOSTDEV_PCI;
    xc_vec_push(&dom.hostdevs)->type = XC_HOSTDEV_USB;
    xc_vec_push(&dom.nets)->type = XC_NET_HOSTDEV;
    xc_vec_push(&dom.nets)->type = XC_NET_BRIDGE;
    xc_str_set(&dom.memballoon_model, "none", xc_nopos);
    ck_assert_int_eq(apply(&dom, XC_ORIGIN_XML), 0);
    ck_assert_uint_eq(dom.inputs.n, 3);
    ck_assert_int_eq(dom.inputs.v[2].type, XC_INPUT_MOUSE);
    ck_assert_int_eq(dom.inputs.v[2].bus, XC_INPUT_BUS_PS2);
    ck_assert_str_eq(dom.hostdevs.v[0].driver_name.s, "xen");
    ck_assert_ptr_null(dom.hostdevs.v[1].driver_name.s);
    ck_assert_str_eq(dom.nets.v[0].driver_name.s, "xen");
    ck_assert_ptr_null(dom.nets.v[1].driver_name.s);
    ck_assert_str_eq(dom.memballoon_model.s, "none");
    xc_domain_free(&dom);
}
END_TEST

START_TEST(memory_and_numa)
{
    struct xc_domain dom;
    base(&dom, XC_OS_HVM);
    for (int i = 0; i < 2; i++)
        xc_vec_push(&dom.cpu.cells)->memory_kib = 1048576;
    dom.cpu.present = true;
    ck_assert_int_eq(apply(&dom, XC_ORIGIN_NATIVE), 0);
    ck_assert_uint_eq(dom.memory_kib, 2097152);       /* ABI update: cells win */
    ck_assert_uint_eq(dom.current_memory_kib, 2097152);
    ck_assert_int_eq(dom.features.f[XC_FEAT_ACPI], XC_TRI_YES);
    xc_domain_free(&dom);

    base(&dom, XC_OS_HVM);
    xc_vec_push(&dom.cpu.cells)->memory_kib = 1048576;
    ck_assert_int_eq(apply(&dom, XC_ORIGIN_XML), 0);
    ck_assert_uint_eq(dom.memory_kib, 524288);        /* <memory> kept */
    xc_domain_free(&dom);

    base(&dom, XC_OS_XEN);
    dom.memory_kib = 0;
    dom.has_memory = false;
    ck_assert_int_eq(apply(&dom, XC_ORIGIN_XML), -1);
    ck_assert_uint_eq(diags.nerrors, 1);
    xc_domain_free(&dom);
}
END_TEST

START_TEST(refusals)
{
    struct xc_domain dom;

    base(&dom, XC_OS_XEN);
    xc_str_set(&dom.name, "a/b", at(2, 9));
    ck_assert_int_eq(apply(&dom, XC_ORIGIN_NATIVE), -1);
    ck_assert_str_eq(diags.list.v[0].msg, "name a/b cannot contain '/'");
    ck_assert_uint_eq(diags.list.v[0].pos.line, 2);
    xc_domain_free(&dom);
    xc_diags_clear(&diags);

    base(&dom, XC_OS_HVM);
    struct xc_timer *t = xc_vec_push(&dom.clock.timers);
    xc_str_set(&t->name, "hpet", at(4, 3));
    t->has_frequency = true;
    t->frequency = 100;
    ck_assert_int_eq(apply(&dom, XC_ORIGIN_XML), -1);
    ck_assert_str_eq(diags.list.v[0].msg,
                     "timer hpet doesn't support setting of timer frequency");
    xc_domain_free(&dom);
    xc_diags_clear(&diags);

    /* validation: only for domain XML */
    base(&dom, XC_OS_XEN);
    add_disk(&dom, "xvda", XC_BUS_XEN, "/a");
    add_disk(&dom, "xvdb", XC_BUS_XEN, "/b");
    struct xc_disk *dup = add_disk(&dom, "xvda", XC_BUS_XEN, "/c");
    dup->target.pos = at(30, 7);
    ck_assert_int_eq(apply(&dom, XC_ORIGIN_XML), -1);
    ck_assert_str_eq(diags.list.v[0].msg,
                     "target 'xvda' duplicated for disk sources '/a' and '/c'");
    ck_assert_uint_eq(diags.list.v[0].pos.line, 30);
    xc_diags_clear(&diags);
    ck_assert_int_eq(apply(&dom, XC_ORIGIN_NATIVE), 0);
    xc_domain_free(&dom);

    base(&dom, XC_OS_HVM);
    xc_str_set(&xc_vec_push(&dom.sounds)->model, "pcspk", at(3, 3));
    ck_assert_int_eq(apply(&dom, XC_ORIGIN_XML), -1);
    ck_assert_str_eq(diags.list.v[0].msg, "unsupported audio model pcspk");
    xc_domain_free(&dom);
    xc_diags_clear(&diags);

    base(&dom, XC_OS_HVM);
    xc_str_set(&dom.os.arch, "aarch64", at(6, 12));
    ck_assert_int_eq(apply(&dom, XC_ORIGIN_XML), -1);
    ck_assert_str_eq(diags.list.v[0].msg,
                     "could not find capabilities for arch=aarch64 domaintype=xen ");
    xc_domain_free(&dom);
    xc_diags_clear(&diags);

    base(&dom, XC_OS_XEN);
    dom.on_reboot = XC_LC_COREDUMP_RESTART;
    ck_assert_int_eq(apply(&dom, XC_ORIGIN_XML), -1);
    ck_assert_str_eq(diags.list.v[0].msg,
                     "Lifecycle event 'reboot' doesn't support 'coredump-restart' action");
    xc_domain_free(&dom);
    xc_diags_clear(&diags);

    base(&dom, XC_OS_HVM);
    add_disk(&dom, "hda", XC_BUS_IDE, NULL);
    struct xc_disk *b = add_disk(&dom, "hdb", XC_BUS_IDE, NULL);
    xc_disk_rare(b)->addr = (struct xc_drive_addr){0};
    b->addr_present = true;
    ck_assert_int_eq(apply(&dom, XC_ORIGIN_XML), -1);
    ck_assert_str_eq(diags.list.v[0].msg,
                     "Found duplicate drive address for disk with target name "
                     "'hda' controller='0' bus='0' target='0' unit='0'");
    xc_domain_free(&dom);
}
END_TEST

START_TEST(clock_and_loader)
{
    struct xc_domain dom;
    base(&dom, XC_OS_HVM);
    dom.clock.offset = XC_CLOCK_VARIABLE;
    dom.os.boot[0] = XC_BOOT_CDROM;
    dom.os.nboot = 1;
    xc_str_set(&dom.os.loader, "/ovmf.bin", xc_nopos);
    dom.os.loader_type = XC_LOADER_PFLASH;
    ck_assert_int_eq(apply(&dom, XC_ORIGIN_XML), 0);
    ck_assert_int_eq(dom.clock.basis, XC_BASIS_UTC);
    ck_assert_int_eq(dom.os.loader_type, XC_LOADER_PFLASH);
    ck_assert_int_eq(dom.os.boot[0], XC_BOOT_CDROM);
    ck_assert_ptr_null(dom.os.machine.s);     /* XML: libvirt sets none */
    xc_domain_free(&dom);
}
END_TEST

/* 100,000 disks: must finish quickly (linear), checked by eye / by the
 * benchmark, not timed here. */
START_TEST(many_disks)
{
    struct xc_domain dom;
    base(&dom, XC_OS_HVM);
    char name[32];
    for (unsigned i = 0; i < 100000; i++) {
        /* sda.. in bijective base 26 */
        unsigned long v = i + 1;
        char tmp[16];
        int n = 0;
        while (v) {
            v--;
            tmp[n++] = (char)('a' + v % 26);
            v /= 26;
        }
        memcpy(name, "sd", 2);
        for (int k = 0; k < n; k++)
            name[2 + k] = tmp[n - 1 - k];
        name[2 + n] = '\0';
        add_disk(&dom, name, XC_BUS_NONE, NULL);
    }
    ck_assert_int_eq(apply(&dom, XC_ORIGIN_XML), 0);
    ck_assert_uint_eq(xc_disk_rare_ro(&dom.disks.v[99999])->addr.controller, 99999 / 7);
    ck_assert_uint_eq(xc_disk_rare_ro(&dom.disks.v[99999])->addr.unit, 99999 % 7);
    ck_assert_uint_eq(dom.controllers.n, 1 + 99999 / 7 + 1);
    xc_domain_free(&dom);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("defaults");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, pv_one_disk);
    tcase_add_test(tc, hvm_ide_disks);
    tcase_add_test(tc, hvm_serial_console_alias);
    tcase_add_test(tc, pv_console_target_and_ports);
    tcase_add_test(tc, controller_indexes);
    tcase_add_test(tc, scsi_sata_fdc_addresses);
    tcase_add_test(tc, disk_name_index);
    tcase_add_test(tc, disk_errors_and_network);
    tcase_add_test(tc, video_models);
    tcase_add_test(tc, inputs_hostdevs_balloon);
    tcase_add_test(tc, memory_and_numa);
    tcase_add_test(tc, refusals);
    tcase_add_test(tc, clock_and_loader);
    tcase_add_test(tc, many_disks);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
