/* <interface> (virDomainNetDefParseXML with virNetDevBandwidthParse,
 * virNetDevVlanParse, virNetDevVPortProfileParse, virDomainNetIPParseXML). */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "xml_read_priv.h"
#include "xml_units.h"

static const char *const net_models[] = {
    "netfront", "rtl8139", "virtio", "e1000", "e1000e", "virtio-transitional",
    "virtio-non-transitional", "usb-net", "spapr-vlan", "lan9118",
    "scm91c111", "vlance", "vmxnet", "vmxnet2", "vmxnet3", "Am79C970A",
    "Am79C973", "82540EM", "82545EM", "82543GC", NULL};

int xr_net_start(struct xr_ctx *c, struct xr_frame *f)
{
    static const char *const libvirt_only[] = {"vdpa", "null", "vds", NULL};
    int type = XC_NET_USER;
    int r = xr_attr_enum(c, "type", XC_T_NET_TYPE, libvirt_only, &type);
    if (r < 0)
        return -1;
    /* Types no Xen format or libxl can use (libvirt's xenFormatNet and
     * libxlMakeNic refuse them) and whose source the model does not hold:
     * the interface is reported as not carried, like an unknown element. */
    if (r == 1 && (type == XC_NET_SERVER || type == XC_NET_CLIENT ||
                   type == XC_NET_MCAST || type == XC_NET_UDP ||
                   type == XC_NET_INTERNAL || type == XC_NET_DIRECT ||
                   type == XC_NET_VHOSTUSER)) {
        struct xc_buf key = {0};
        const char *v = xr_attr(c, "type");
        xc_buf_addf(&key, "%s/@type='%s'", xr_path(c), v);
        xr_unmodeled(c, xr_attr_pos(c, "type"), xc_buf_str(&key), v);
        xc_buf_free(&key);
        r = 2;
    }
    if (r == 2) {
        xr_attrs_all_used(c);
        f->id = XR_UNKNOWN;
        return 0;
    }
    struct xc_net *n = xc_vec_push(&c->dom->nets);
    n->type = (enum xc_net_type)type;
    n->pos = f->pos;
    c->net = n;
    c->net_has_source = c->net_has_mac = c->net_has_vlan = c->net_vlan_trunk_no = false;
    c->net_ntags = 0;
    if (n->type == XC_NET_HOSTDEV && xr_attr_tristate(c, "managed", &n->managed) < 0)
        return -1;
    return 0;
}

/* virDomainNetGenerateMAC with libxl's prefix 00:16:3e. */
static void generate_mac(struct xc_net *n, struct xc_pos pos)
{
    unsigned char u[16], mac[6] = {0x00, 0x16, 0x3e, 0, 0, 0};
    xc_uuid_generate(u);
    mac[3] = u[0] & 0x7f;
    mac[4] = u[1];
    mac[5] = u[2];
    char s[18];
    xc_mac_format(mac, s);
    xc_str_set(&n->mac, s, pos);
}

int xr_net_end(struct xr_ctx *c, struct xr_frame *f, const char *t, size_t len)
{
    (void)t;
    (void)len;
    struct xc_net *n = c->net;
    c->net = NULL;
    if (!n)
        return 0;
    switch (n->type) {
    case XC_NET_NETWORK:
    case XC_NET_BRIDGE:
    case XC_NET_DIRECT:
    case XC_NET_INTERNAL:
    case XC_NET_VHOSTUSER:
    case XC_NET_SERVER:
    case XC_NET_CLIENT:
    case XC_NET_MCAST:
    case XC_NET_UDP:
        if (!c->net_has_source)
            return xr_error(c, f->pos, "Missing source element for interface type '%s'",
                            xc_enum_name(XC_T_NET_TYPE, (int)n->type));
        break;
    default:
        break;
    }
    if (c->net_has_vlan) {
        if (!c->net_ntags)
            return xr_error(c, f->pos, "missing tag id - each <vlan> must have at least one <tag id='N'/> subelement");
        if (c->net_ntags > 1 && c->net_vlan_trunk_no)
            return xr_error(c, f->pos, "invalid configuration in <vlan> - \"trunk='no'\" is not allowed with multiple tags");
        if (c->net_ntags > 1)
            n->vlan_trunk = true;
    }
    if (!n->mac.s)
        generate_mac(n, f->pos);
    return 0;
}

static int net_source(struct xr_ctx *c, struct xr_frame *f, struct xc_net *n)
{
    c->net_has_source = true;
    switch (n->type) {
    case XC_NET_NETWORK:
        if (!xr_attr_str(c, "network", &n->network))
            return xr_error(c, f->pos, "Missing required attribute 'network' in element 'source'");
        xr_attr_str(c, "portgroup", &n->portgroup);
        break;
    case XC_NET_BRIDGE:
        if (!xr_attr_str(c, "bridge", &n->bridge))
            return xr_error(c, f->pos, "Missing required attribute 'bridge' in element 'source'");
        break;
    case XC_NET_DIRECT:
        /* the model has no field for the direct link device: left for
         * the unmodeled-attribute report */
        if (!xr_attr_present(c, "dev"))
            return xr_error(c, f->pos, "Missing required attribute 'dev' in element 'source'");
        break;
    default:
        break;
    }
    return 0;
}

static int net_mac(struct xr_ctx *c, struct xr_frame *f, struct xc_net *n)
{
    (void)f;
    const char *addr = xr_attr(c, "address");
    if (!addr)
        return 0;
    struct xc_pos pos = xr_attr_pos(c, "address");
    unsigned char mac[6];
    if (xc_mac_parse(addr, mac) < 0)
        return xr_error(c, pos, "unable to parse mac address '%s'", addr);
    if (mac[0] & 1)
        return xr_error(c, pos, "expected unicast mac address, found multicast '%s'", addr);
    char s[18];
    xc_mac_format(mac, s);
    xc_str_set(&n->mac, s, pos);
    return 0;
}

static int net_model(struct xr_ctx *c, struct xc_net *n)
{
    const char *m = xr_attr(c, "type");
    if (!m)
        return 0;
    struct xc_pos pos = xr_attr_pos(c, "type");
    if (strcasecmp(m, "unknown") == 0)
        return 0;   /* libvirt's model 0: no model */
    for (size_t i = 0; net_models[i]; i++) {
        if (strcasecmp(net_models[i], m) == 0) {
            xc_str_set(&n->model, net_models[i], pos);
            return 0;
        }
    }
    if (strspn(m, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") < strlen(m))
        return xr_error(c, pos, "Model name contains invalid characters");
    xc_str_set(&n->model, m, pos);
    return 0;
}

static int net_ip(struct xr_ctx *c, struct xr_frame *f, struct xc_net *n)
{
    const char *addr = xr_attr(c, "address");
    if (!addr)
        return xr_error(c, f->pos, "Missing required address in <ip>");
    const char *family = xr_attr(c, "family");
    unsigned char buf[16];
    bool v6;
    if (family && strcmp(family, "ipv4") == 0)
        v6 = false;
    else if (family && strcmp(family, "ipv6") == 0)
        v6 = true;
    else
        v6 = strchr(addr, ':') != NULL;
    if (inet_pton(v6 ? AF_INET6 : AF_INET, addr, buf) != 1)
        return xr_error(c, xr_attr_pos(c, "address"), "Invalid address '%s' in <ip>", addr);
    struct xc_ip *ip = xc_vec_push(&n->ips);
    xc_str_set(&ip->address, addr, xr_attr_pos(c, "address"));
    if (family && (strcmp(family, "ipv4") == 0 || strcmp(family, "ipv6") == 0))
        xc_str_set(&ip->family, family, xr_attr_pos(c, "family"));
    else
        xc_str_set(&ip->family, v6 ? "ipv6" : "ipv4", f->pos);
    const char *prefix = xr_attr(c, "prefix");
    if (prefix) {
        unsigned p;
        if (xc_parse_uint(prefix, 10, &p) < 0 || p > (v6 ? 128u : 32u))
            return xr_error(c, xr_attr_pos(c, "prefix"), "Invalid prefix value '%s' in <ip>", prefix);
        ip->has_prefix = true;
        ip->prefix = p;
    }
    return 0;
}

static int net_outbound(struct xr_ctx *c, struct xr_frame *f, struct xc_net *n)
{
    unsigned long long avg = 0, peak = 0, burst = 0;
    int ra = xr_attr_ull(c, "average", 10, &avg);
    if (ra < 0 || xr_attr_ull(c, "peak", 10, &peak) < 0 ||
        xr_attr_ull(c, "burst", 10, &burst) < 0)
        return -1;
    if (ra == 0)
        return xr_error(c, f->pos, "Missing mandatory average or floor attributes");
    if ((peak || burst) && !avg)
        return xr_error(c, f->pos, "'peak' and 'burst' require 'average' attribute");
    n->has_out_average = true;
    n->out_average = avg;
    n->out_peak = peak;
    n->out_burst = burst;
    return 0;
}

int xr_net_child_start(struct xr_ctx *c, struct xr_frame *f)
{
    struct xc_net *n = c->net;
    switch (f->id) {
    case XR_NET_MAC:
        return net_mac(c, f, n);
    case XR_NET_SOURCE:
        return net_source(c, f, n);
    case XR_NET_SCRIPT:
        xr_attr_str(c, "path", &n->script);
        return 0;
    case XR_NET_MODEL:
        return net_model(c, n);
    case XR_NET_TARGET:
        xr_attr_str(c, "dev", &n->ifname);
        /* libvirt parses inactive (VIR_DOMAIN_DEF_PARSE_INACTIVE): a
         * generated name belongs to the running domain, not the config. */
        if (xc_net_ifname_generated(n->ifname.s))
            xc_str_clear(&n->ifname);
        return 0;
    case XR_NET_DRIVER:
        xr_attr_str(c, "name", &n->driver_name);
        return 0;
    case XR_NET_IP:
        return net_ip(c, f, n);
    case XR_NET_BANDWIDTH:
        return 0;
    case XR_NET_OUTBOUND:
        return net_outbound(c, f, n);
    case XR_NET_VIRTUALPORT: {
        static const char *const vport_types[] = {"802.1Qbg", "802.1Qbh", "openvswitch", "midonet", NULL};
        if (n->type != XC_NET_NETWORK && n->type != XC_NET_BRIDGE &&
            n->type != XC_NET_DIRECT && n->type != XC_NET_HOSTDEV)
            return xr_error(c, f->pos, "<virtualport> element unsupported for <interface type='%s'>",
                            xc_enum_name(XC_T_NET_TYPE, (int)n->type));
        return xr_attr_oneof(c, "type", vport_types, &n->virtualport_type) < 0 ? -1 : 0;
    }
    case XR_NET_VLAN: {
        c->net_has_vlan = true;
        enum xc_tristate trunk = XC_TRI_ABSENT;
        if (xr_attr_tristate(c, "trunk", &trunk) < 0)
            return -1;
        n->vlan_trunk = trunk == XC_TRI_YES;
        c->net_vlan_trunk_no = trunk == XC_TRI_NO;
        return 0;
    }
    case XR_NET_VLAN_TAG: {
        unsigned id;
        int r = xr_attr_uint(c, "id", 10, &id);
        if (r < 0)
            return -1;
        if (r == 0)
            return xr_error(c, f->pos, "missing or invalid vlan tag id");
        if (id > 4095)
            return xr_error(c, xr_attr_pos(c, "id"), "vlan tag id %u too large (maximum 4095)", id);
        xc_vec_push(&n->vlan_tags)->id = id;
        c->net_ntags++;
        return 0;
    }
    case XR_NET_BACKENDDOMAIN:
        xr_attr_str(c, "name", &n->backend_domain);
        return 0;
    default:
        return 0;
    }
}

int xr_net_source_address_start(struct xr_ctx *c, struct xr_frame *f)
{
    struct xc_net *n = c->net;
    const char *type = xr_attr(c, "type");
    if (n->type != XC_NET_HOSTDEV || !type || strcmp(type, "pci") != 0) {
        xr_attrs_all_used(c);
        xr_unmodeled(c, f->pos, xr_path(c), type);
        f->id = XR_UNKNOWN;
        return 0;
    }
    return xr_pci_address(c, f->pos, &n->hostdev_addr);
}
