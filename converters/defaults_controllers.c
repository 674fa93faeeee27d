/* Controllers: index assignment, libxl's implicit xenbus controller,
 * duplicate rejection, and the implicit disk / virtio-serial controllers
 * of virDomainDefAddImplicitControllers.  A hash of (type, index) keeps
 * every step linear in the number of devices. */
#include "defaults_priv.h"

static uint64_t ctrl_key(enum xc_controller_type type, unsigned idx)
{
    return ((uint64_t)type << 32) | idx;
}

static bool ctrl_exists(const struct dflt *st, enum xc_controller_type type,
                        unsigned idx)
{
    return dflt_map_find(&st->ctrl_used, ctrl_key(type, idx), NULL, NULL) != NULL;
}

/* libvirt's idx -1: no index given */
static bool ctrl_unindexed(const struct xc_controller *c)
{
    return c->auto_index || !c->has_index;
}

static void ctrl_mark(struct dflt *st, enum xc_controller_type type, unsigned idx)
{
    if (!ctrl_exists(st, type, idx))
        dflt_map_put(&st->ctrl_used, ctrl_key(type, idx), 0);
}

void dflt_ctrl_init(struct dflt *st)
{
    struct xc_domain *dom = st->dom;

    for (size_t i = 0; i < dom->controllers.n; i++) {
        struct xc_controller *c = &dom->controllers.v[i];
        if (!ctrl_unindexed(c))
            ctrl_mark(st, c->type, c->index);
    }
}

void dflt_ctrl_fini(struct dflt *st)
{
    dflt_map_free(&st->ctrl_used);
}

/* virDomainControllerFindUnusedIndex.  The set of used indexes only
 * grows, so the lowest unused one never goes down: a cursor per type. */
static unsigned ctrl_unused_index(struct dflt *st, enum xc_controller_type type)
{
    unsigned *next = &st->ctrl_next[type];
    while (ctrl_exists(st, type, *next))
        (*next)++;
    return *next;
}

/* virDomainDefAddController: append, index -1 meaning lowest unused. */
static void ctrl_add(struct dflt *st, enum xc_controller_type type,
                     long idx, struct xc_pos pos)
{
    unsigned index = idx < 0 ? ctrl_unused_index(st, type) : (unsigned)idx;
    struct xc_controller *c = xc_vec_push(&st->dom->controllers);
    c->type = type;
    c->index = index;
    c->has_index = true;
    c->pos = pos;
    ctrl_mark(st, type, index);
}

/* ---- virDomainAssignControllerIndexes ------------------------------- */

/* IS_USB2_CONTROLLER: the ich9 EHCI and its UHCI companions; returns the
 * model's number 1..4, or 0 for any other controller. */
static int usb2_model(const struct xc_controller *c)
{
    static const char *const models[] = {
        "ich9-ehci1", "ich9-uhci1", "ich9-uhci2", "ich9-uhci3"};
    if (c->type != XC_CTRL_USB || !c->model.s)
        return 0;
    for (int i = 0; i < 4; i++)
        if (strcmp(c->model.s, models[i]) == 0)
            return i + 1;
    return 0;
}

static uint64_t usb2_key(unsigned idx, int model)
{
    return ((uint64_t)idx << 3) | (unsigned)model;
}

void dflt_ctrl_assign_indexes(struct dflt *st)
{
    struct xc_domain *dom = st->dom;
    struct dflt_map usb2 = {0};     /* (index, model) of indexed USB2 controllers */
    const struct xc_controller *last_usb = NULL;

    for (size_t i = 0; i < dom->controllers.n; i++) {
        const struct xc_controller *c = &dom->controllers.v[i];
        int m = usb2_model(c);
        if (m && !ctrl_unindexed(c))
            dflt_map_put(&usb2, usb2_key(c->index, m), 0);
    }

    for (size_t i = 0; i < dom->controllers.n; i++) {
        struct xc_controller *c = &dom->controllers.v[i];
        int m = usb2_model(c);

        if (ctrl_unindexed(c)) {
            const struct xc_controller *prev = NULL;
            /* A USB2 companion joins the group of the USB controller just
             * before it, unless that group already has this model. */
            if (i > 0 && m && last_usb && usb2_model(last_usb) &&
                !dflt_map_find(&usb2, usb2_key(last_usb->index, m), NULL, NULL))
                prev = last_usb;
            if (prev)
                c->index = prev->index;
            else
                c->index = ctrl_unused_index(st, c->type);
            c->auto_index = false;
            c->has_index = true;
            ctrl_mark(st, c->type, c->index);
            if (m)
                dflt_map_put(&usb2, usb2_key(c->index, m), 0);
        }
        if (c->type == XC_CTRL_USB)
            last_usb = c;
    }
    dflt_map_free(&usb2);
}

/* libxlDomainDefPostParse: every domain has a xenbus controller. */
void dflt_ctrl_xenbus(struct dflt *st)
{
    struct xc_domain *dom = st->dom;

    for (size_t i = 0; i < dom->controllers.n; i++)
        if (dom->controllers.v[i].type == XC_CTRL_XENBUS)
            return;
    ctrl_add(st, XC_CTRL_XENBUS, -1, xc_nopos);
}

/* virDomainDefRejectDuplicateControllers (several USB controllers may
 * share an index). */
int dflt_ctrl_reject_duplicates(struct dflt *st)
{
    struct xc_domain *dom = st->dom;
    struct dflt_map seen = {0};
    int rc = 0;

    for (size_t i = 0; i < dom->controllers.n; i++) {
        const struct xc_controller *c = &dom->controllers.v[i];
        if (c->type == XC_CTRL_USB)
            continue;
        uint64_t key = ctrl_key(c->type, c->index);
        if (dflt_map_find(&seen, key, NULL, NULL)) {
            xc_error(st->d, c->pos, DFLT_CHECK,
                     "Multiple '%s' controllers with index '%u'",
                     xc_enum_name(XC_T_CONTROLLER_TYPE, (int)c->type), c->index);
            rc = -1;
            break;
        }
        dflt_map_put(&seen, key, i);
    }
    dflt_map_free(&seen);
    return rc;
}

/* Implicit controllers of one type are refused beyond this many plus one
 * per disk on the bus: libvirt would try to add them all (with a scan per
 * controller), xl refuses such disk names, and without a bound a 20-byte
 * disk name could ask for megabytes of output (fuzz_rt_xm: 237 bytes of
 * xm, 532,663 controllers).  Densely named disks need far fewer than one
 * controller each, so a real guest never meets it; the output stays
 * within a constant of the input. */
enum { DFLT_MAX_IMPLICIT_CONTROLLERS = 4096 };

/* virDomainDefAddDiskControllersForType: controllers 0..max of the disks
 * on this bus that have a drive address. */
static int disk_controllers(struct dflt *st, enum xc_controller_type type,
                            enum xc_disk_bus bus)
{
    struct xc_domain *dom = st->dom;
    long max = -1;
    const struct xc_disk *maxdisk = NULL;
    size_t ndisks = 0;

    for (size_t i = 0; i < dom->disks.n; i++) {
        const struct xc_disk *disk = &dom->disks.v[i];
        if (disk->bus != bus || !disk->addr_present)
            continue;
        ndisks++;
        unsigned controller = xc_disk_rare_ro(disk)->addr.controller;
        if ((long)controller > max) {
            max = controller;
            maxdisk = disk;
        }
    }
    if (max < 0)
        return 0;
    if ((unsigned long)max >= DFLT_MAX_IMPLICIT_CONTROLLERS + ndisks) {
        xc_error(st->d, maxdisk->pos, DFLT_CHECK,
                 "disk '%s' needs %s controller %ld: xenconv adds at most %u "
                 "implicit controllers plus one per disk (%zu here)",
                 maxdisk->target.s ? maxdisk->target.s : "",
                 xc_enum_name(XC_T_CONTROLLER_TYPE, (int)type), max,
                 (unsigned)DFLT_MAX_IMPLICIT_CONTROLLERS,
                 DFLT_MAX_IMPLICIT_CONTROLLERS + ndisks);
        return -1;
    }
    for (long i = 0; i <= max; i++)
        if (!ctrl_exists(st, type, (unsigned)i))
            ctrl_add(st, type, i, maxdisk->pos);
    return 0;
}

/* virDomainDefMaybeAddVirtioSerialController: virtio channels and
 * consoles need virtio-serial controller 0 (the model has no
 * virtio-serial addresses). */
static void virtio_serial(struct dflt *st)
{
    struct xc_domain *dom = st->dom;
    bool need = false;
    struct xc_pos pos = xc_nopos;

    for (size_t i = 0; i < dom->channels.n && !need; i++)
        if (dflt_streq(&dom->channels.v[i].target_type, "virtio")) {
            need = true;
            pos = dom->channels.v[i].pos;
        }
    for (size_t i = 0; i < dom->consoles.n && !need; i++)
        if (dflt_streq(&dom->consoles.v[i].target_type, "virtio")) {
            need = true;
            pos = dom->consoles.v[i].pos;
        }
    if (need && !ctrl_exists(st, XC_CTRL_VIRTIO_SERIAL, 0))
        ctrl_add(st, XC_CTRL_VIRTIO_SERIAL, 0, pos);
}

int dflt_ctrl_implicit(struct dflt *st)
{
    if (disk_controllers(st, XC_CTRL_SCSI, XC_BUS_SCSI) < 0 ||
        disk_controllers(st, XC_CTRL_FDC, XC_BUS_FDC) < 0 ||
        disk_controllers(st, XC_CTRL_IDE, XC_BUS_IDE) < 0 ||
        disk_controllers(st, XC_CTRL_SATA, XC_BUS_SATA) < 0)
        return -1;
    virtio_serial(st);
    return 0;
}
