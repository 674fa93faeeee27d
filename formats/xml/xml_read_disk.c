/* <disk> and <controller> (virDomainDiskDefParseXML and its source,
 * driver and address helpers; virDomainControllerDefParseXML). */
#include <stdlib.h>
#include <string.h>

#include "xml_read_priv.h"
#include "xml_units.h"

/* Disk types libvirt accepts that the model cannot hold (every bus of
 * libvirt's virDomainDiskBus is in the model). */
static const char *const disk_types_libvirt[] = {"nvme", "vhostuser", NULL};
static const char *const disk_formats[] = {
    "raw", "dir", "bochs", "cloop", "dmg", "iso", "vpc", "vdi", "fat", "vhd",
    "ploop", "cow", "qcow", "qcow2", "qed", "vmdk", NULL};
static const char *const disk_caches[] = {
    "default", "none", "writethrough", "writeback", "directsync", "unsafe", NULL};
static const char *const net_protocols[] = {
    "nbd", "rbd", "sheepdog", "gluster", "iscsi", "http", "https", "ftp",
    "ftps", "tftp", "ssh", "vxhs", "nfs", NULL};
static const char *const transports[] = {"tcp", "unix", "rdma", NULL};

/* Skip an element libvirt accepts but the model cannot hold. */
static int skip_unmodeled(struct xr_ctx *c, struct xr_frame *f)
{
    xr_attrs_all_used(c);
    f->id = XR_UNKNOWN;
    return 0;
}

int xr_disk_start(struct xr_ctx *c, struct xr_frame *f)
{
    int type = XC_DISK_FILE, device = XC_DISK_DEV_DISK;
    int r = xr_attr_enum(c, "type", XC_T_DISK_TYPE, disk_types_libvirt, &type);
    if (r < 0)
        return -1;
    if (r == 2)
        return skip_unmodeled(c, f);
    if (xr_attr_enum(c, "device", XC_T_DISK_DEVICE, NULL, &device) < 0)
        return -1;
    struct xc_disk *d = xc_vec_push(&c->dom->disks);
    d->type = (enum xc_disk_type)type;
    d->device = (enum xc_disk_device)device;
    d->pos = f->pos;
    c->disk = d;
    c->disk_has_source = false;
    return 0;
}

int xr_disk_end(struct xr_ctx *c, struct xr_frame *f, const char *t, size_t n)
{
    (void)t;
    (void)n;
    struct xc_disk *d = c->disk;
    c->disk = NULL;
    if (!d)
        return 0;
    if (!c->disk_has_source)
        d->type = XC_DISK_FILE;   /* libvirt resets the type without <source> */
    if (!d->target.s)
        return xr_error(c, f->pos, "missing target information for device %s",
                        d->source.s ? d->source.s : "disk");
    return 0;
}

int xr_disk_driver_start(struct xr_ctx *c, struct xr_frame *f)
{
    (void)f;
    struct xc_disk *d = c->disk;
    xr_attr_str(c, "name", &d->driver_name);
    const char *type = xr_attr(c, "type");
    if (type) {
        struct xc_pos pos = xr_attr_pos(c, "type");
        if (strcmp(type, "aio") == 0)
            xc_str_set(&d->driver_type, "raw", pos);   /* Xen back-compat */
        else if (xr_in_list(disk_formats, type))
            xc_str_set(&d->driver_type, type, pos);
        else
            return xr_error(c, pos, "unknown driver format value '%s'", type);
    }
    if (xr_attr(c, "cache") &&
        xr_attr_oneof(c, "cache", disk_caches, &xc_disk_rare(d)->driver_cache) < 0)
        return -1;
    return 0;
}

int xr_disk_source_start(struct xr_ctx *c, struct xr_frame *f)
{
    struct xc_disk *d = c->disk;
    c->disk_has_source = true;
    switch (d->type) {
    case XC_DISK_FILE:
        xr_attr_str(c, "file", &d->source);
        break;
    case XC_DISK_BLOCK:
        xr_attr_str(c, "dev", &d->source);
        break;
    case XC_DISK_DIR:
        xr_attr_str(c, "dir", &d->source);
        break;
    case XC_DISK_NETWORK: {
        const char *proto = xr_attr(c, "protocol");
        if (!proto)
            return xr_error(c, f->pos, "missing network source protocol type");
        if (!xr_in_list(net_protocols, proto))
            return xr_error(c, xr_attr_pos(c, "protocol"),
                            "unknown protocol type '%s'", proto);
        struct xc_disk_rare *n = xc_disk_rare(d);
        xc_str_set(&n->protocol, proto, xr_attr_pos(c, "protocol"));
        xr_attr_str(c, "name", &n->source_name);
        break;
    }
    default:
        break;
    }
    return 0;
}

int xr_disk_host_start(struct xr_ctx *c, struct xr_frame *f)
{
    struct xc_disk *d = c->disk;
    if (d->type != XC_DISK_NETWORK) {
        xr_unmodeled(c, f->pos, xr_path(c), NULL);
        return skip_unmodeled(c, f);
    }
    struct xc_disk_rare *n = xc_disk_rare(d);
    struct xc_net_host *h = xc_vec_push(&n->hosts);
    if (xr_attr_oneof(c, "transport", transports, &h->transport) < 0)
        return -1;
    xr_attr_str(c, "socket", &h->socket);
    bool is_unix = h->transport.s && strcmp(h->transport.s, "unix") == 0;
    if (is_unix && !h->socket.s)
        return xr_error(c, f->pos, "missing socket for unix transport");
    if (!is_unix && h->socket.s)
        return xr_error(c, f->pos, "transport '%s' does not support socket attribute",
                        h->transport.s ? h->transport.s : "tcp");
    xr_attr_str(c, "name", &h->name);
    if (!is_unix && !h->name.s)
        return xr_error(c, f->pos, "missing name for host");
    xr_attr_str(c, "port", &h->port);
    if (h->port.s) {
        unsigned port;
        if (xc_parse_uint(h->port.s, 10, &port) < 0 || port > 65535)
            return xr_error(c, h->port.pos, "failed to parse port number '%s'", h->port.s);
    }
    return 0;
}

/* <source><snapshot name=/> and <config file=/>: network rbd only. */
int xr_disk_source_child_start(struct xr_ctx *c, struct xr_frame *f)
{
    struct xc_disk *d = c->disk;
    const char *proto = xc_disk_rare_ro(d)->protocol.s;
    bool rbd = d->type == XC_DISK_NETWORK && proto && strcmp(proto, "rbd") == 0;
    if (!rbd) {
        xr_unmodeled(c, f->pos, xr_path(c), NULL);
        return skip_unmodeled(c, f);
    }
    if (f->id == XR_DISK_SNAPSHOT)
        xr_attr_str(c, "name", &xc_disk_rare(d)->snapshot);
    else
        xr_attr_str(c, "file", &xc_disk_rare(d)->config_file);
    return 0;
}

int xr_disk_target_start(struct xr_ctx *c, struct xr_frame *f)
{
    struct xc_disk *d = c->disk;
    (void)f;
    xr_attr_str(c, "dev", &d->target);
    int bus = 0;
    if (xr_attr_enum(c, "bus", XC_T_DISK_BUS, NULL, &bus) < 0)
        return -1;
    d->bus = (enum xc_disk_bus)bus;
    enum xc_tristate removable = d->removable;   /* a bit-field: no pointer */
    if (xr_attr_switch(c, "removable", &removable) < 0)
        return -1;
    d->removable = removable;
    return 0;
}

int xr_disk_flag_start(struct xr_ctx *c, struct xr_frame *f)
{
    struct xc_disk *d = c->disk;
    if (f->id == XR_DISK_READONLY)
        d->readonly = true;
    else if (f->id == XR_DISK_SHAREABLE)
        d->shareable = true;
    else
        d->transient = true;
    return 0;
}

int xr_disk_address_start(struct xr_ctx *c, struct xr_frame *f)
{
    struct xc_disk *d = c->disk;
    const char *type = xr_attr(c, "type");
    if (!type)
        return xr_error(c, f->pos, "No type specified for device address");
    if (strcmp(type, "drive") != 0) {
        xr_unmodeled(c, f->pos, xr_path(c), type);
        return skip_unmodeled(c, f);
    }
    struct xc_drive_addr *a = &xc_disk_rare(d)->addr;
    d->addr_present = true;
    if (xr_attr_uint(c, "controller", 10, &a->controller) < 0 ||
        xr_attr_uint(c, "bus", 10, &a->bus) < 0 ||
        xr_attr_uint(c, "target", 10, &a->target) < 0 ||
        xr_attr_uint(c, "unit", 10, &a->unit) < 0)
        return -1;
    return 0;
}

int xr_disk_auth_start(struct xr_ctx *c, struct xr_frame *f)
{
    struct xc_disk_rare *n = xc_disk_rare(c->disk);
    if (xr_attr_str(c, "username", &n->auth_user) == 0)
        return xr_error(c, f->pos, "missing username for auth");
    return 0;
}

int xr_disk_secret_start(struct xr_ctx *c, struct xr_frame *f)
{
    struct xc_disk_rare *n = xc_disk_rare(c->disk);
    static const char *const secret_types[] = {"iscsi", "ceph", NULL};
    if (xr_attr_oneof(c, "type", secret_types, &n->secret_type) == 0)
        return xr_error(c, f->pos, "missing auth secret type");
    xr_attr_str(c, "usage", &n->secret_usage);
    const char *uuid = xr_attr(c, "uuid");
    if (uuid) {
        unsigned char u[16];
        if (xc_uuid_parse(uuid, u) < 0)
            return xr_error(c, xr_attr_pos(c, "uuid"), "malformed uuid '%s'", uuid);
        xc_str_set(&n->secret_uuid, uuid, xr_attr_pos(c, "uuid"));
    }
    if (n->secret_uuid.s && n->secret_usage.s)
        return xr_error(c, f->pos, "either secret uuid or usage expected");
    return 0;
}

/* ---- controllers ---------------------------------------------------------- */

static const char *const usb_models[] = {
    "piix3-uhci", "piix4-uhci", "ehci", "ich9-ehci1", "ich9-uhci1",
    "ich9-uhci2", "ich9-uhci3", "vt82c686b-uhci", "pci-ohci", "nec-xhci",
    "qusb1", "qusb2", "qemu-xhci", "none", NULL};
static const char *const scsi_models[] = {
    "auto", "buslogic", "lsilogic", "lsisas1068", "vmpvscsi", "ibmvscsi",
    "virtio-scsi", "lsisas1078", "virtio-transitional",
    "virtio-non-transitional", "ncr53c90", "am53c974", "dc390", NULL};
static const char *const pci_models[] = {
    "pci-root", "pcie-root", "pci-bridge", "dmi-to-pci-bridge",
    "pcie-root-port", "pcie-switch-upstream-port",
    "pcie-switch-downstream-port", "pci-expander-bus", "pcie-expander-bus",
    "pcie-to-pci-bridge", NULL};
static const char *const ide_models[] = {"piix3", "piix4", "ich6", NULL};
static const char *const vioserial_models[] = {
    "virtio", "virtio-transitional", "virtio-non-transitional", NULL};

int xr_controller_start(struct xr_ctx *c, struct xr_frame *f)
{
    static const char *const libvirt_only[] = {"isa", NULL};
    int type = XC_CTRL_IDE;   /* libvirt's type 0 */
    int r = xr_attr_enum(c, "type", XC_T_CONTROLLER_TYPE, libvirt_only, &type);
    if (r < 0)
        return -1;
    if (r == 2)
        return skip_unmodeled(c, f);
    struct xc_controller *ct = xc_vec_push(&c->dom->controllers);
    ct->type = (enum xc_controller_type)type;
    ct->pos = f->pos;
    c->ctrl = ct;
    const char *model = xr_attr(c, "model");
    if (model) {
        const char *const *list = NULL;
        switch (ct->type) {
        case XC_CTRL_USB: list = usb_models; break;
        case XC_CTRL_SCSI: list = scsi_models; break;
        case XC_CTRL_PCI: list = pci_models; break;
        case XC_CTRL_IDE: list = ide_models; break;
        case XC_CTRL_VIRTIO_SERIAL: list = vioserial_models; break;
        default: list = NULL; break;
        }
        if (!xr_in_list(list, model))
            return xr_error(c, xr_attr_pos(c, "model"), "Unknown model type '%s'", model);
        xc_str_set(&ct->model, model, xr_attr_pos(c, "model"));
    }
    int idx;
    r = xr_attr_int(c, "index", 10, &idx);
    if (r < 0)
        return -1;
    if (r > 0) {
        if (idx < 0)
            return xr_error(c, xr_attr_pos(c, "index"),
                            "Invalid value for attribute 'index' in element 'controller': '%d'. Expected non-negative value", idx);
        ct->has_index = true;
        ct->index = (unsigned)idx;
    }
    int ports;
    r = xr_attr_int(c, "ports", 10, &ports);
    if (r < 0)
        return -1;
    if (r > 0) {
        if (ports < 0)
            return xr_error(c, xr_attr_pos(c, "ports"),
                            "Invalid value for attribute 'ports' in element 'controller': '%d'. Expected non-negative value", ports);
        if (ct->type == XC_CTRL_USB || ct->type == XC_CTRL_VIRTIO_SERIAL) {
            ct->has_ports = true;
            ct->ports = (unsigned)ports;
        } else {
            struct xc_pos pos = xr_attr_pos(c, "ports");
            xc_lost(c->d, pos, "unmodeled",
                    "ports of this controller type (libvirt ignores it)");
            xc_domain_add_leftover(c->dom, "/domain/devices/controller/@ports", NULL, pos);
        }
    }
    if (ct->type == XC_CTRL_XENBUS) {
        unsigned v;
        r = xr_attr_uint(c, "maxGrantFrames", 10, &v);
        if (r < 0)
            return -1;
        if (r > 0) {
            ct->has_max_grant_frames = true;
            ct->max_grant_frames = v;
        }
        r = xr_attr_uint(c, "maxEventChannels", 10, &v);
        if (r < 0)
            return -1;
        if (r > 0) {
            ct->has_max_event_channels = true;
            ct->max_event_channels = v;
        }
    }
    return 0;
}

int xr_controller_end(struct xr_ctx *c, struct xr_frame *f, const char *t, size_t n)
{
    (void)f;
    (void)t;
    (void)n;
    c->ctrl = NULL;
    return 0;
}
