/* Host devices: PCI (libvirt 9.0.0's libxlMakePCI and libxlMakePCIList;
 * type='hostdev' interfaces come first, as libvirt's parser inserts them
 * into the hostdev list before the <hostdev> elements), USB controllers
 * (libxlMakeUSBController, libxlMakeDefaultUSBControllers) and USB
 * devices (libxlMakeUSB). */
#include <string.h>

#include "../common/xalloc.h"
#include "libxl_bridge_int.h"

static void pci(libxl_device_pci *x, const struct xc_pci_addr *a, bool permissive)
{
    libxl_device_pci_init(x);
    x->domain = a->domain;
    x->bus = a->bus;
    x->dev = a->slot;
    x->func = a->function;
    x->permissive = permissive;
}

int xlb_pcidevs(struct xlb *b)
{
    const struct xc_domain *dom = b->dom;
    libxl_domain_config *cfg = b->cfg;
    size_t n = 0;
    int k = 0;

    for (size_t i = 0; i < dom->nets.n; i++)
        n += dom->nets.v[i].type == XC_NET_HOSTDEV;
    for (size_t i = 0; i < dom->hostdevs.n; i++)
        n += dom->hostdevs.v[i].type == XC_HOSTDEV_PCI;
    if (n == 0)
        return 0;
    cfg->pcidevs = xc_calloc(n, sizeof *cfg->pcidevs);
    for (size_t i = 0; i < dom->nets.n; i++)
        if (dom->nets.v[i].type == XC_NET_HOSTDEV)
            pci(&cfg->pcidevs[k++], &dom->nets.v[i].hostdev_addr, false);
    for (size_t i = 0; i < dom->hostdevs.n; i++) {
        const struct xc_hostdev *h = &dom->hostdevs.v[i];
        if (h->type == XC_HOSTDEV_PCI)
            pci(&cfg->pcidevs[k++], &h->pci, h->write_filtering == XC_TRI_NO);
    }
    cfg->num_pcidevs = k;
    return 0;
}

static int usbctrl(struct xlb *b, const struct xc_controller *c, libxl_device_usbctrl *x)
{
    const char *model = c->model.s;
    libxl_device_usbctrl_init(x);
    x->devid = (libxl_devid)c->index;
    x->type = LIBXL_USBCTRL_TYPE_QUSB;
    if (!model || strcmp(model, "qusb2") == 0) {
        x->version = 2;
    } else if (strcmp(model, "qusb1") == 0) {
        x->version = 1;
    } else {
        xc_error(b->d, c->model.pos, XLB_CHECK,
                 "unsupported usb controller model '%s' (libxl: qusb1, qusb2)", model);
        return -1;
    }
    x->ports = c->has_ports ? (int)c->ports : 8;
    return 0;
}

static int usbdev(struct xlb *b, const struct xc_hostdev *h, libxl_device_usbdev *x)
{
    libxl_device_usbdev_init_type(x, LIBXL_USBDEV_TYPE_HOSTDEV);
    if (h->has_usb_addr && h->usb_bus > 0 && h->usb_device > 0) {
        x->u.hostdev.hostbus = (uint8_t)h->usb_bus;
        x->u.hostdev.hostaddr = (uint8_t)h->usb_device;
        return 0;
    }
    /* libvirt looks vendor:product up in the host's USB devices */
    xc_error(b->d, h->pos, XLB_CHECK,
             "USB device %s:%s has no bus and device address: finding it on the host "
             "is not done by xenconv", h->usb_vendor.s ? h->usb_vendor.s : "",
             h->usb_product.s ? h->usb_product.s : "");
    return -1;
}

int xlb_usb(struct xlb *b)
{
    const struct xc_domain *dom = b->dom;
    libxl_domain_config *cfg = b->cfg;
    size_t nctrl = 0, ndev = 0;

    for (size_t i = 0; i < dom->controllers.n; i++)
        nctrl += dom->controllers.v[i].type == XC_CTRL_USB;
    for (size_t i = 0; i < dom->hostdevs.n; i++)
        ndev += dom->hostdevs.v[i].type == XC_HOSTDEV_USB;

    if (nctrl > 0) {
        cfg->usbctrls = xc_calloc(nctrl, sizeof *cfg->usbctrls);
        for (size_t i = 0; i < dom->controllers.n; i++) {
            const struct xc_controller *c = &dom->controllers.v[i];
            if (c->type != XC_CTRL_USB)
                continue;
            if (usbctrl(b, c, &cfg->usbctrls[cfg->num_usbctrls++]) < 0)
                return -1;
        }
    } else if (ndev > 0) {
        /* qusb2 controllers of 8 ports, enough for the devices */
        size_t n = (ndev + 7) / 8;
        cfg->usbctrls = xc_calloc(n, sizeof *cfg->usbctrls);
        for (size_t i = 0; i < n; i++) {
            libxl_device_usbctrl *x = &cfg->usbctrls[cfg->num_usbctrls++];
            libxl_device_usbctrl_init(x);
            x->devid = (libxl_devid)i;
            x->type = LIBXL_USBCTRL_TYPE_QUSB;
            x->version = 2;
            x->ports = 8;
        }
    }
    if (ndev == 0)
        return 0;
    cfg->usbdevs = xc_calloc(ndev, sizeof *cfg->usbdevs);
    for (size_t i = 0; i < dom->hostdevs.n; i++) {
        const struct xc_hostdev *h = &dom->hostdevs.v[i];
        if (h->type != XC_HOSTDEV_USB)
            continue;
        if (usbdev(b, h, &cfg->usbdevs[cfg->num_usbdevs++]) < 0)
            return -1;
    }
    return 0;
}
