/* Disks: libvirt 9.0.0's libxlMakeDisk and libxlMakeNetworkDiskSrcStr
 * (rbd), with libxl_device_disk_init. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/buf.h"
#include "../common/xalloc.h"
#include "libxl_bridge_int.h"

/* virBufferEscape(buf, '\\', ":", ...): a backslash before every ':' */
static void put_escaped(struct xc_buf *o, const char *s)
{
    for (; *s; s++) {
        if (*s == ':')
            xc_buf_addc(o, '\\');
        xc_buf_addc(o, *s);
    }
}

static char *rbd_spec(struct xlb *b, const struct xc_disk *k)
{
    struct xc_buf o = {0};
    const struct xc_disk_rare *n = xc_disk_rare_ro(k);
    const char *name = n->source_name.s ? n->source_name.s : "";
    const char *image = strchr(name, '/');

    if (strchr(image ? image + 1 : name, ':')) {
        xc_error(b->d, n->source_name.pos, XLB_CHECK,
                 "':' not allowed in RBD source volume name '%s'", image ? image + 1 : name);
        return NULL;
    }
    if (n->auth_user.s) {
        /* the key is a libvirt secret: only libvirtd can read it */
        xc_error(b->d, n->auth_user.pos, XLB_CHECK,
                 "RBD authentication needs the secret from libvirtd; not available to xenconv");
        return NULL;
    }
    xc_buf_add(&o, "rbd:");
    xc_buf_add(&o, name);
    xc_buf_add(&o, ":auth_supported=none");
    for (size_t i = 0; i < n->hosts.n; i++) {
        const struct xc_net_host *h = &n->hosts.v[i];
        const char *hn = h->name.s ? h->name.s : "";
        xc_buf_add(&o, i ? "\\;" : ":mon_host=");
        if (strchr(hn, ':')) {
            xc_buf_addc(&o, '[');
            put_escaped(&o, hn);
            xc_buf_addc(&o, ']');
        } else {
            xc_buf_add(&o, hn);
        }
        if (h->port.s && strcmp(h->port.s, "0") != 0) {
            xc_buf_add(&o, "\\:");
            xc_buf_add(&o, h->port.s);
        }
    }
    if (n->config_file.s) {
        xc_buf_add(&o, ":conf=");
        put_escaped(&o, n->config_file.s);
    }
    return xc_buf_steal(&o);
}

static int format_of(const char *type, libxl_disk_format *f)
{
    static const struct { const char *name; libxl_disk_format f; } t[] = {
        {"raw", LIBXL_DISK_FORMAT_RAW}, {"qcow", LIBXL_DISK_FORMAT_QCOW},
        {"qcow2", LIBXL_DISK_FORMAT_QCOW2}, {"vhd", LIBXL_DISK_FORMAT_VHD},
        {"qed", LIBXL_DISK_FORMAT_QED},
    };
    for (size_t i = 0; type && i < sizeof t / sizeof t[0]; i++)
        if (strcmp(t[i].name, type) == 0) {
            *f = t[i].f;
            return 0;
        }
    return -1;
}

static int backend(struct xlb *b, const struct xc_disk *k, libxl_device_disk *x)
{
    const char *drv = k->driver_name.s;
    const char *type = k->driver_type.s;
    libxl_disk_format f = LIBXL_DISK_FORMAT_UNKNOWN;
    bool known = format_of(type, &f) == 0;

    if (!drv) {
        /* xl-disk-configuration: raw, and libxl picks the backend */
        x->format = LIBXL_DISK_FORMAT_RAW;
        x->backend = LIBXL_DISK_BACKEND_UNKNOWN;
        return 0;
    }
    if (strcmp(drv, "tap") == 0 || strcmp(drv, "tap2") == 0) {
        if (!known)
            goto bad_format;
        x->format = f;
        x->backend = (f == LIBXL_DISK_FORMAT_VHD || f == LIBXL_DISK_FORMAT_RAW)
            ? LIBXL_DISK_BACKEND_TAP : LIBXL_DISK_BACKEND_QDISK;
    } else if (strcmp(drv, "qemu") == 0) {
        if (!known)
            goto bad_format;
        x->format = f;
        x->backend = LIBXL_DISK_BACKEND_QDISK;
    } else if (strcmp(drv, "file") == 0 || strcmp(drv, "phy") == 0) {
        if (!known || f != LIBXL_DISK_FORMAT_RAW)
            goto bad_format;
        x->format = LIBXL_DISK_FORMAT_RAW;
        x->backend = drv[0] == 'f' ? LIBXL_DISK_BACKEND_QDISK : LIBXL_DISK_BACKEND_PHY;
    } else {
        xc_error(b->d, k->driver_name.pos, XLB_CHECK,
                 "libxenlight does not support disk driver %s", drv);
        return -1;
    }
    return 0;
bad_format:
    xc_error(b->d, k->driver_type.s ? k->driver_type.pos : k->driver_name.pos, XLB_CHECK,
             "libxenlight does not support disk format %s with disk driver %s",
             type ? type : "none", drv);
    return -1;
}

static int disk(struct xlb *b, const struct xc_disk *k, libxl_device_disk *x)
{
    const struct xc_disk_rare *n = xc_disk_rare_ro(k);
    if (k->type == XC_DISK_NETWORK) {
        if (!k->driver_name.s || strcmp(k->driver_name.s, "qemu") != 0) {
            xc_error(b->d, k->pos, XLB_CHECK,
                     "only the 'qemu' driver can be used with network disks");
            return -1;
        }
        if (!n->protocol.s || strcmp(n->protocol.s, "rbd") != 0) {
            xc_error(b->d, n->protocol.s ? n->protocol.pos : k->pos, XLB_CHECK,
                     "unsupported network block protocol '%s'",
                     n->protocol.s ? n->protocol.s : "");
            return -1;
        }
        if (!(x->pdev_path = rbd_spec(b, k)))
            return -1;
    } else {
        x->pdev_path = xlb_strdup(k->source.s);
    }
    x->vdev = xlb_strdup(k->target.s);
    if (backend(b, k, x) < 0)
        return -1;
    x->removable = 1;
    x->readwrite = !k->readonly;
    x->is_cdrom = k->device == XC_DISK_DEV_CDROM;
    /* an empty CD-ROM must have the empty format, or libxl fails */
    if (x->is_cdrom && !x->pdev_path)
        x->format = LIBXL_DISK_FORMAT_EMPTY;
    if (k->transient) {
        xc_error(b->d, k->pos, XLB_CHECK, "libxenlight does not support transient disks");
        return -1;
    }
    if (n->script.s)
        x->script = xc_strdup(n->script.s);
    return 0;
}

int xlb_disks(struct xlb *b)
{
    const struct xc_domain *dom = b->dom;
    libxl_domain_config *cfg = b->cfg;

    if (dom->disks.n == 0)
        return 0;
    cfg->disks = xc_calloc(dom->disks.n, sizeof *cfg->disks);
    for (size_t i = 0; i < dom->disks.n; i++) {
        cfg->num_disks = (int)i + 1;
        libxl_device_disk_init(&cfg->disks[i]);
        if (disk(b, &dom->disks.v[i], &cfg->disks[i]) < 0)
            return -1;
    }
    return 0;
}
