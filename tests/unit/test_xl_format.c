/* Unit tests for the xl writer (formats/xl/xl_write*.c): disk and vif
 * spec formatting, refusal of values that would change a spec's meaning
 * (with the value's input position), cpusets, vnuma, and read-back of
 * whole writer output through Xen's own libxlutil. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxl.h>
#include <libxlutil.h>

#include "common/buf.h"
#include "common/diag.h"
#include "common/model.h"
#include "common/settings.h"
#include "formats/xl/xl.h"
#include "formats/xl/xl_write.h"

static struct xc_pos P(unsigned line, unsigned col)
{
    return (struct xc_pos){line, col};
}

static void base_domain(struct xc_domain *dom)
{
    xc_domain_init(dom);
    xc_str_set(&dom->name, "guest", P(2, 9));
    dom->has_uuid = true;
    for (int i = 0; i < 16; i++)
        dom->uuid[i] = (unsigned char)(0x10 + i);
    dom->has_memory = dom->has_current_memory = true;
    dom->memory_kib = dom->current_memory_kib = 524288;
    dom->has_vcpus = true;
    dom->maxvcpus = 1;
    dom->os.type = XC_OS_HVM;
    dom->clock.offset = XC_CLOCK_UTC;
}

static struct xc_disk *add_disk(struct xc_domain *dom, enum xc_disk_type type,
                                const char *driver, const char *format,
                                const char *source, const char *dev)
{
    struct xc_disk *disk = xc_vec_push(&dom->disks);
    disk->type = type;
    disk->device = XC_DISK_DEV_DISK;
    if (driver)
        xc_str_set(&disk->driver_name, driver, P(10, 20));
    if (format)
        xc_str_set(&disk->driver_type, format, P(10, 33));
    if (source)
        xc_str_set(&disk->source, source, P(11, 21));
    xc_str_set(&disk->target, dev, P(12, 20));
    disk->pos = P(9, 5);
    return disk;
}

static struct xc_net *add_net(struct xc_domain *dom, enum xc_net_type type,
                              const char *mac, const char *bridge)
{
    struct xc_net *net = xc_vec_push(&dom->nets);
    net->type = type;
    xc_str_set(&net->mac, mac, P(20, 20));
    if (bridge)
        xc_str_set(&net->bridge, bridge, P(21, 22));
    net->pos = P(19, 5);
    return net;
}

/* The spec of disk i, or NULL (diagnostics in *d). */
static char *disk_spec(const struct xc_domain *dom, size_t i,
                       struct xc_diags *d)
{
    struct xc_buf b = {0};
    if (xc_xlw_disk(&dom->disks.v[i], &b, d) < 0) {
        xc_buf_free(&b);
        return NULL;
    }
    return xc_buf_steal(&b);
}

static char *vif_spec(const struct xc_domain *dom, size_t i, bool hvm,
                      struct xc_diags *d)
{
    struct xc_buf b = {0};
    if (xc_xenw_vif(&dom->nets.v[i], hvm, "vif", &b, d) < 0) {
        xc_buf_free(&b);
        return NULL;
    }
    return xc_buf_steal(&b);
}

static size_t count_sev(const struct xc_diags *d, enum xc_severity sev,
                        const char *check)
{
    size_t n = 0;
    for (size_t i = 0; i < d->list.n; i++)
        if (d->list.v[i].sev == sev &&
            (!check || (d->list.v[i].check &&
                        strcmp(d->list.v[i].check, check) == 0)))
            n++;
    return n;
}

static void assert_refused_at(const struct xc_diags *d, unsigned line,
                              unsigned col)
{
    ck_assert_uint_ge(d->nerrors, 1);
    const struct xc_diag *e = NULL;
    for (size_t i = 0; i < d->list.n && !e; i++)
        if (d->list.v[i].sev == XC_SEV_ERROR)
            e = &d->list.v[i];
    ck_assert_ptr_nonnull(e);
    ck_assert_str_eq(e->check, "unsafe-value");
    ck_assert_uint_eq(e->pos.line, line);
    ck_assert_uint_eq(e->pos.col, col);
}

/* ---- libxlutil read-back ------------------------------------------------ */

/* libxlutil's error stream, opened once and closed by main(). */
static FILE *devnull_file;

static FILE *devnull(void)
{
    if (!devnull_file)
        devnull_file = fopen("/dev/null", "w");
    return devnull_file;
}

/* Write dom; NULL when the writer refused (rc -1). */
static char *write_xl(const struct xc_domain *dom, struct xc_diags *d)
{
    struct xc_buf out = {0};
    struct xc_settings set;
    xc_settings_init(&set);
    int rc = xc_xl_write(dom, &set, &out, d);
    xc_settings_free(&set);
    if (rc < 0) {
        ck_assert_uint_ge(d->nerrors, 1);
        xc_buf_free(&out);
        return NULL;
    }
    return xc_buf_steal(&out);
}

static XLU_Config *xl_read(const char *text)
{
    XLU_Config *c = xlu_cfg_init(devnull(), "written.cfg");
    ck_assert_ptr_nonnull(c);
    ck_assert_int_eq(xlu_cfg_readdata(c, text, (int)strlen(text)), 0);
    return c;
}

static const char *xl_item(XLU_Config *c, const char *key, int i)
{
    XLU_ConfigList *l;
    int n;
    ck_assert_int_eq(xlu_cfg_get_list(c, key, &l, &n, 0), 0);
    ck_assert_int_gt(n, i);
    return xlu_cfg_get_listitem(l, i);
}

/* xlu_disk_parse of one spec: 0 and the target/vdev, or its error. */
static int xl_disk(XLU_Config *c, const char *spec, char **target,
                   char **vdev)
{
    libxl_device_disk disk;
    const char *specs[1] = {spec};
    libxl_device_disk_init(&disk);
    int rc = xlu_disk_parse(c, 1, specs, &disk);
    if (rc == 0) {
        *target = strdup(disk.pdev_path ? disk.pdev_path : "");
        *vdev = strdup(disk.vdev ? disk.vdev : "");
    }
    libxl_device_disk_dispose(&disk);
    return rc;
}

/* ==== disks ============================================================ */

START_TEST(disk_backends_formats_devtypes)
{
    struct xc_domain dom;
    struct xc_diags d = {0};
    base_domain(&dom);
    add_disk(&dom, XC_DISK_FILE, "qemu", "qcow2", "/var/lib/xen/a.qcow2", "xvda");
    add_disk(&dom, XC_DISK_BLOCK, "phy", "raw", "/dev/vg/b", "xvdb");
    add_disk(&dom, XC_DISK_FILE, "tap", "qcow", "/srv/c.img", "xvdc");
    add_disk(&dom, XC_DISK_FILE, "file", "qed", "/srv/d.qed", "xvdd");
    add_disk(&dom, XC_DISK_FILE, NULL, NULL, "/srv/e.img", "xvde");
    add_disk(&dom, XC_DISK_FILE, "qemu", "vhd", "/srv/f.vhd", "xvdf");
    struct xc_disk *cd = add_disk(&dom, XC_DISK_FILE, "qemu", "raw", "/iso/g.iso", "hdc");
    cd->device = XC_DISK_DEV_CDROM;
    cd->readonly = true;
    struct xc_disk *empty = add_disk(&dom, XC_DISK_FILE, "qemu", "raw", NULL, "hdd");
    empty->device = XC_DISK_DEV_CDROM;
    empty->readonly = true;
    add_disk(&dom, XC_DISK_BLOCK, "phy", NULL, "/dev/shared", "xvdi")->shareable = true;
    add_disk(&dom, XC_DISK_DIR, "qemu", "raw", "/srv/dir", "xvdj");

    static const char *const want[] = {
        "format=qcow2,vdev=xvda,access=rw,backendtype=qdisk,target=/var/lib/xen/a.qcow2",
        "format=raw,vdev=xvdb,access=rw,backendtype=phy,target=/dev/vg/b",
        "format=qcow,vdev=xvdc,access=rw,backendtype=tap,target=/srv/c.img",
        "format=qed,vdev=xvdd,access=rw,backendtype=qdisk,target=/srv/d.qed",
        "format=raw,vdev=xvde,access=rw,target=/srv/e.img",
        /* libvirt 9.0.0 writes "xvhd", which xl refuses; we write "vhd" */
        "format=vhd,vdev=xvdf,access=rw,backendtype=qdisk,target=/srv/f.vhd",
        "format=raw,vdev=hdc,access=ro,backendtype=qdisk,devtype=cdrom,target=/iso/g.iso",
        "format=raw,vdev=hdd,access=ro,backendtype=qdisk,devtype=cdrom",
        "format=raw,vdev=xvdi,access=!,backendtype=phy,target=/dev/shared",
        "format=raw,vdev=xvdj,access=rw,backendtype=qdisk,target=/srv/dir",
    };
    for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
        char *s = disk_spec(&dom, i, &d);
        ck_assert_ptr_nonnull(s);
        ck_assert_str_eq(s, want[i]);
        free(s);
    }
    ck_assert_uint_eq(d.list.n, 0);
    xc_domain_free(&dom);
    xc_diags_free(&d);
}
END_TEST

START_TEST(disk_unknown_format_warns)
{
    struct xc_domain dom;
    struct xc_diags d = {0};
    base_domain(&dom);
    add_disk(&dom, XC_DISK_FILE, "qemu", "vmdk", "/srv/a.vmdk", "xvda");
    char *s = disk_spec(&dom, 0, &d);
    ck_assert_str_eq(s, "format=raw,vdev=xvda,access=rw,backendtype=qdisk,target=/srv/a.vmdk");
    ck_assert_uint_eq(count_sev(&d, XC_SEV_WARNING, "not-carried"), 1);
    ck_assert_uint_eq(d.list.v[0].pos.line, 10);
    free(s);
    xc_domain_free(&dom);
    xc_diags_free(&d);
}
END_TEST

START_TEST(disk_unsupported)
{
    struct xc_domain dom;
    struct xc_diags d = {0};
    base_domain(&dom);
    add_disk(&dom, XC_DISK_FILE, "qemu", "raw", "/a", "xvda")->transient = true;
    add_disk(&dom, XC_DISK_FILE, "tap2", "raw", "/a", "xvdb");
    struct xc_disk *nbd = add_disk(&dom, XC_DISK_NETWORK, "qemu", "raw", NULL, "xvdc");
    xc_str_set(&xc_disk_rare(nbd)->protocol, "nbd", P(14, 30));
    for (size_t i = 0; i < 3; i++) {
        xc_diags_clear(&d);
        ck_assert_ptr_null(disk_spec(&dom, i, &d));
        ck_assert_uint_eq(d.nerrors, 1);
        ck_assert_str_eq(d.list.v[0].check, "unsupported");
    }
    ck_assert_uint_eq(d.list.v[0].pos.line, 14);
    xc_domain_free(&dom);
    xc_diags_free(&d);
}
END_TEST

START_TEST(disk_rbd)
{
    struct xc_domain dom;
    struct xc_diags d = {0};
    base_domain(&dom);
    struct xc_disk *r = add_disk(&dom, XC_DISK_NETWORK, "qemu", "raw", NULL, "xvdb");
    xc_str_set(&xc_disk_rare(r)->protocol, "rbd", P(11, 30));
    xc_str_set(&xc_disk_rare(r)->source_name, "pool/image", P(11, 45));
    const char *hosts[][2] = {{"mon1.example.org", "6321"},
                              {"fe80::1", "6789"},
                              {"mon3", NULL}};
    for (int i = 0; i < 3; i++) {
        struct xc_net_host *h = xc_vec_push(&xc_disk_rare(r)->hosts);
        xc_str_set(&h->name, hosts[i][0], P(12, 10));
        if (hosts[i][1])
            xc_str_set(&h->port, hosts[i][1], P(12, 40));
    }
    char *s = disk_spec(&dom, 0, &d);
    /* single backslashes in the value: the cfg serializer doubles them */
    ck_assert_str_eq(s, "format=raw,vdev=xvdb,access=rw,backendtype=qdisk,"
                        "target=rbd:pool/image:auth_supported=none:mon_host="
                        "mon1.example.org\\:6321\\;[fe80\\:\\:1]\\:6789\\;mon3");
    free(s);

    /* libvirt refuses ':' in the image name; we refuse it in the pool too */
    xc_str_set(&xc_disk_rare(r)->source_name, "pool/im:age", P(11, 45));
    ck_assert_ptr_null(disk_spec(&dom, 0, &d));
    ck_assert_uint_eq(d.list.v[d.list.n - 1].pos.col, 45);
    xc_diags_clear(&d);
    xc_str_set(&xc_disk_rare(r)->source_name, "po:ol/image", P(11, 45));
    ck_assert_ptr_null(disk_spec(&dom, 0, &d));
    assert_refused_at(&d, 11, 45);
    xc_diags_clear(&d);
    xc_str_set(&xc_disk_rare(r)->source_name, "noslash", P(11, 45));
    ck_assert_ptr_null(disk_spec(&dom, 0, &d));
    xc_diags_clear(&d);
    /* a host name that would add a monitor */
    xc_str_set(&xc_disk_rare(r)->source_name, "pool/image", P(11, 45));
    xc_str_set(&xc_disk_rare(r)->hosts.v[2].name, "a\\;evil", P(13, 17));
    ck_assert_ptr_null(disk_spec(&dom, 0, &d));
    assert_refused_at(&d, 13, 17);
    xc_domain_free(&dom);
    xc_diags_free(&d);
}
END_TEST

START_TEST(disk_refusals_with_position)
{
    struct xc_domain dom;
    struct xc_diags d = {0};
    base_domain(&dom);
    add_disk(&dom, XC_DISK_FILE, "qemu", "raw", "/a", "xvda,target=/etc/shadow");
    add_disk(&dom, XC_DISK_FILE, "qemu", "raw", "/a", "xvd=a");
    add_disk(&dom, XC_DISK_FILE, "qemu", "raw", "/srv/a,", "xvdc");
    add_disk(&dom, XC_DISK_FILE, "qemu", "raw", "/srv/a\nvdev=xvdz", "xvdd");

    ck_assert_ptr_null(disk_spec(&dom, 0, &d));
    assert_refused_at(&d, 12, 20);      /* the target dev */
    xc_diags_clear(&d);
    ck_assert_ptr_null(disk_spec(&dom, 1, &d));
    assert_refused_at(&d, 12, 20);
    xc_diags_clear(&d);
    ck_assert_ptr_null(disk_spec(&dom, 2, &d));
    assert_refused_at(&d, 11, 21);      /* the source */
    xc_diags_clear(&d);
    ck_assert_ptr_null(disk_spec(&dom, 3, &d));
    assert_refused_at(&d, 11, 21);
    xc_domain_free(&dom);
    xc_diags_free(&d);
}
END_TEST

/* target= takes the rest of the spec in xlu_disk_parse: commas and '='
 * are allowed there, and read back unchanged. */
START_TEST(disk_target_commas_read_back)
{
    struct xc_domain dom;
    struct xc_diags d = {0};
    base_domain(&dom);
    add_disk(&dom, XC_DISK_FILE, "qemu", "raw", "/srv/a,b=c,access=ro [x] \"q\"", "xvda");
    char *s = disk_spec(&dom, 0, &d);
    ck_assert_ptr_nonnull(s);
    XLU_Config *c = xlu_cfg_init(devnull(), "t");
    char *target, *vdev;
    ck_assert_int_eq(xl_disk(c, s, &target, &vdev), 0);
    ck_assert_str_eq(target, "/srv/a,b=c,access=ro [x] \"q\"");
    ck_assert_str_eq(vdev, "xvda");
    free(target);
    free(vdev);
    xlu_cfg_destroy(c);
    free(s);
    xc_domain_free(&dom);
    xc_diags_free(&d);
}
END_TEST

/* ==== vifs ============================================================= */

START_TEST(vif_forms)
{
    struct xc_domain dom;
    struct xc_diags d = {0};
    base_domain(&dom);

    add_net(&dom, XC_NET_BRIDGE, "00:16:3e:00:00:01", "xenbr0");
    struct xc_net *n1 = add_net(&dom, XC_NET_BRIDGE, "00:16:3e:00:00:02", "xenbr1");
    xc_str_set(&n1->script, "vif-custom", P(22, 10));
    xc_str_set(&n1->model, "e1000", P(23, 10));
    xc_str_set(&n1->ifname, "vif-web", P(24, 10));
    n1->has_out_average = true;
    n1->out_average = 10240;
    xc_str_set(&xc_vec_push(&n1->ips)->address, "10.0.0.1", P(25, 10));
    /* printed the way libvirt prints a parsed address */
    xc_str_set(&xc_vec_push(&n1->ips)->address, "FD00:0:0::1", P(26, 10));
    struct xc_net *tagged = add_net(&dom, XC_NET_BRIDGE, "00:16:3e:00:00:03", "ovsbr0");
    xc_str_set(&tagged->virtualport_type, "openvswitch", P(27, 10));
    xc_vec_push(&tagged->vlan_tags)->id = 42;
    struct xc_net *trunk = add_net(&dom, XC_NET_BRIDGE, "00:16:3e:00:00:04", "ovsbr0");
    xc_str_set(&trunk->virtualport_type, "openvswitch", P(27, 10));
    xc_vec_push(&trunk->vlan_tags)->id = 42;
    xc_vec_push(&trunk->vlan_tags)->id = 43;
    struct xc_net *nf = add_net(&dom, XC_NET_BRIDGE, "00:16:3e:00:00:05", "xenbr0");
    xc_str_set(&nf->model, "netfront", P(23, 10));
    struct xc_net *eth = add_net(&dom, XC_NET_ETHERNET, "00:16:3e:00:00:06", NULL);
    xc_str_set(&eth->script, "vif-route", P(22, 10));
    xc_str_set(&xc_vec_push(&eth->ips)->address, "192.168.1.5", P(25, 10));

    static const char *const want_hvm[] = {
        "mac=00:16:3e:00:00:01,bridge=xenbr0,script=vif-bridge",
        "mac=00:16:3e:00:00:02,bridge=xenbr1,ip=10.0.0.1 fd00::1,script=vif-custom,"
        "model=e1000,vifname=vif-web,rate=10240KB/s",
        "mac=00:16:3e:00:00:03,bridge=ovsbr0.42,script=vif-openvswitch",
        "mac=00:16:3e:00:00:04,bridge=ovsbr0:42:43,script=vif-openvswitch",
        "mac=00:16:3e:00:00:05,bridge=xenbr0,script=vif-bridge,type=vif",
        "mac=00:16:3e:00:00:06,script=vif-route,ip=192.168.1.5",
    };
    for (size_t i = 0; i < sizeof(want_hvm) / sizeof(want_hvm[0]); i++) {
        char *s = vif_spec(&dom, i, true, &d);
        ck_assert_ptr_nonnull(s);
        ck_assert_str_eq(s, want_hvm[i]);
        free(s);
    }
    ck_assert_uint_eq(d.list.n, 0);
    /* PV: the model is written as is */
    char *s = vif_spec(&dom, 4, false, &d);
    ck_assert_str_eq(s, "mac=00:16:3e:00:00:05,bridge=xenbr0,script=vif-bridge,model=netfront");
    free(s);
    xc_domain_free(&dom);
    xc_diags_free(&d);
}
END_TEST

START_TEST(vif_unsupported_and_lost)
{
    struct xc_domain dom;
    struct xc_diags d = {0};
    base_domain(&dom);
    struct xc_net *net = add_net(&dom, XC_NET_NETWORK, "00:16:3e:00:00:01", NULL);
    xc_str_set(&net->network, "default", P(21, 22));
    add_net(&dom, XC_NET_DIRECT, "00:16:3e:00:00:02", NULL);
    struct xc_net *peak = add_net(&dom, XC_NET_BRIDGE, "00:16:3e:00:00:03", "br0");
    peak->has_out_average = true;
    peak->out_average = 100;
    peak->out_peak = 200;
    xc_vec_push(&peak->vlan_tags)->id = 7;     /* no openvswitch */

    ck_assert_ptr_null(vif_spec(&dom, 0, true, &d));
    ck_assert_ptr_null(vif_spec(&dom, 1, true, &d));
    ck_assert_uint_eq(count_sev(&d, XC_SEV_ERROR, "unsupported"), 2);
    char *s = vif_spec(&dom, 2, true, &d);
    ck_assert_str_eq(s, "mac=00:16:3e:00:00:03,bridge=br0,script=vif-bridge,rate=100KB/s");
    ck_assert_uint_eq(count_sev(&d, XC_SEV_WARNING, "not-carried"), 2);
    free(s);
    xc_str_set(&xc_vec_push(&peak->ips)->address, "10.0.0.300", P(25, 10));
    ck_assert_ptr_null(vif_spec(&dom, 2, true, &d));
    ck_assert_uint_eq(count_sev(&d, XC_SEV_ERROR, "unsupported"), 3);
    xc_domain_free(&dom);
    xc_diags_free(&d);
}
END_TEST

START_TEST(vif_refusals_with_position)
{
    struct xc_domain dom;
    struct xc_diags d = {0};
    base_domain(&dom);
    add_net(&dom, XC_NET_BRIDGE, "00:16:3e:00:00:01", "br0,script=/tmp/evil");
    struct xc_net *n = add_net(&dom, XC_NET_BRIDGE, "00:16:3e:00:00:03", "br0");
    xc_str_set(&n->ifname, "vif1,rate=1KB/s", P(30, 17));
    n = add_net(&dom, XC_NET_BRIDGE, "00:16:3e:00:00:05", "br0");
    xc_str_set(&xc_vec_push(&n->ips)->address, "10.0.0.1 10.0.0.2", P(32, 19));
    n = add_net(&dom, XC_NET_BRIDGE, "00:16:3e:00:00:06", NULL);
    xc_str_set(&n->script, "vif-route", P(33, 18));

    const unsigned at[][2] = {{21, 22}, {30, 17}, {32, 19}};
    for (size_t i = 0; i < 3; i++) {
        xc_diags_clear(&d);
        ck_assert_ptr_null(vif_spec(&dom, i, true, &d));
        assert_refused_at(&d, at[i][0], at[i][1]);
    }
    /* no bridge and a script the readers take as type ethernet */
    xc_diags_clear(&d);
    ck_assert_ptr_null(vif_spec(&dom, 3, true, &d));
    ck_assert_uint_eq(count_sev(&d, XC_SEV_ERROR, "unsupported"), 1);

    /* an '=' or a control byte in a value is the value's (the parsers
     * split a key from its value at the first '='); a bridge-type vif
     * without a bridge is written without bridge= when its script makes
     * the readers take it as type bridge */
    n = add_net(&dom, XC_NET_BRIDGE, "00:16:3e:00:00:02", "br=0");
    xc_str_set(&n->script, "vif\nbridge", P(31, 18));
    char *s = vif_spec(&dom, 4, true, &d);
    ck_assert_str_eq(s, "mac=00:16:3e:00:00:02,bridge=br=0,script=vif\nbridge");
    free(s);
    n = add_net(&dom, XC_NET_BRIDGE, "00:16:3e:00:00:07", NULL);
    s = vif_spec(&dom, 5, true, &d);
    ck_assert_str_eq(s, "mac=00:16:3e:00:00:07,script=vif-bridge");
    free(s);
    xc_domain_free(&dom);
    xc_diags_free(&d);
}
END_TEST

/* ==== cpusets and vnuma ================================================= */

static char *cpuset(const char *s, bool *empty, struct xc_diags *d)
{
    struct xc_str v = {(char *)s, P(5, 6)};
    struct xc_buf b = {0};
    if (xc_xenw_cpuset(&v, "cpuset", &b, empty, d) < 0) {
        xc_buf_free(&b);
        return NULL;
    }
    return xc_buf_steal(&b);
}

START_TEST(cpuset_canonical)
{
    struct xc_diags d = {0};
    bool empty;
    static const char *const cases[][2] = {
        {"0-3,^2, 5", "0-1,3,5"}, {" 7 ", "7"}, {"1-3,^2,2", "1-3"},
        {"3,1,2", "1-3"}, {"0-16383,^1-0", NULL}, {"16384", NULL},
        {"", NULL}, {"1,,2", NULL}, {"^1-2", NULL}, {"3-1", NULL},
        {"0,8-9", "0,8-9"}, {"a", NULL},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char *got = cpuset(cases[i][0], &empty, &d);
        if (cases[i][1]) {
            ck_assert_ptr_nonnull(got);
            ck_assert_str_eq(got, cases[i][1]);
        } else {
            ck_assert_ptr_null(got);
        }
        free(got);
    }
    char *got = cpuset("2,^2", &empty, &d);
    ck_assert_str_eq(got, "");
    ck_assert(empty);
    free(got);
    ck_assert_uint_eq(d.list.v[0].pos.line, 5);
    xc_diags_free(&d);
}
END_TEST

static struct xc_numa_cell *add_cell(struct xc_domain *dom, unsigned id,
                                     const char *cpus)
{
    struct xc_numa_cell *c = xc_vec_push(&dom->cpu.cells);
    c->id = id;
    xc_str_set(&c->cpus, cpus, P(40 + id, 10));
    c->memory_kib = 2097152;
    return c;
}

static void add_dist(struct xc_numa_cell *c, unsigned id, unsigned v)
{
    struct xc_numa_distance *x = xc_vec_push(&c->distances);
    x->id = id;
    x->value = v;
}

START_TEST(vnuma_distances)
{
    struct xc_domain dom;
    struct xc_diags d = {0};
    base_domain(&dom);
    dom.cpu.present = true;
    /* cell 1 first: the order of cells does not matter, ids do */
    struct xc_numa_cell *c1 = add_cell(&dom, 1, "2-3");
    struct xc_numa_cell *c0 = add_cell(&dom, 0, "0,1");
    add_cell(&dom, 2, "4");
    add_dist(c0, 1, 21);
    add_dist(c0, 2, 31);
    add_dist(c1, 0, 25);        /* its own value wins over symmetry */
    char *text = write_xl(&dom, &d);
    ck_assert_ptr_nonnull(text);
    ck_assert_ptr_nonnull(strstr(text,
        "vnuma = [ [ \"pnode=0\", \"size=2048\", \"vcpus=0-1\", \"vdistances=10,21,31\" ], "
        "[ \"pnode=1\", \"size=2048\", \"vcpus=2-3\", \"vdistances=25,10,20\" ], "
        "[ \"pnode=2\", \"size=2048\", \"vcpus=4\", \"vdistances=31,20,10\" ] ]\n"));
    free(text);

    /* duplicate ids are refused */
    c1->id = 0;
    ck_assert_ptr_null(write_xl(&dom, &d));
    xc_domain_free(&dom);
    xc_diags_free(&d);
}
END_TEST

/* ==== whole writer, read back through libxlutil ========================== */

START_TEST(readback_nasty_values)
{
    struct xc_domain dom;
    struct xc_diags d = {0};
    static const char *const nasty = "a\"b'c\\d[e]f,g=h\ni";
    base_domain(&dom);
    xc_str_set(&dom.name, nasty, P(2, 9));
    xc_str_set(&dom.os.cmdline, nasty, P(8, 14));
    xc_str_set(&xc_vec_push(&dom.dm_args)[0], nasty, P(50, 20));
    xc_str_set(&xc_vec_push(&dom.dm_args)[0], "-display", P(51, 20));
    /* a disk target may hold everything but a newline and a final ',' */
    add_disk(&dom, XC_DISK_FILE, "qemu", "raw", "/srv/a\"b'c\\d[e]f,g=h", "xvda");

    char *text = write_xl(&dom, &d);
    ck_assert_ptr_nonnull(text);
    XLU_Config *c = xl_read(text);
    const char *s;
    ck_assert_int_eq(xlu_cfg_get_string(c, "name", &s, 0), 0);
    ck_assert_str_eq(s, nasty);
    ck_assert_int_eq(xlu_cfg_get_string(c, "cmdline", &s, 0), 0);
    ck_assert_str_eq(s, nasty);
    ck_assert_str_eq(xl_item(c, "device_model_args", 0), nasty);
    ck_assert_str_eq(xl_item(c, "device_model_args", 1), "-display");
    char *target, *vdev;
    ck_assert_int_eq(xl_disk(c, xl_item(c, "disk", 0), &target, &vdev), 0);
    ck_assert_str_eq(target, "/srv/a\"b'c\\d[e]f,g=h");
    ck_assert_str_eq(vdev, "xvda");
    free(target);
    free(vdev);
    xlu_cfg_destroy(c);
    free(text);
    xc_domain_free(&dom);
    xc_diags_free(&d);
}
END_TEST

/* List items built from spec fields: a quote, bracket, '=' or newline
 * survives, a ',' is refused (nothing is written). */
START_TEST(readback_list_fields)
{
    struct xc_domain dom;
    struct xc_diags d = {0};
    base_domain(&dom);
    add_net(&dom, XC_NET_BRIDGE, "00:16:3e:00:00:01", "br\"[0]'");
    struct xc_chr *ch = xc_vec_push(&dom.channels);
    ch->type = XC_CHR_UNIX;
    xc_str_set(&ch->path, "/run/\"x[1]\"", P(60, 20));
    xc_str_set(&ch->target_type, "xen", P(60, 5));
    xc_str_set(&ch->target_name, "org.x", P(61, 20));

    char *text = write_xl(&dom, &d);
    ck_assert_ptr_nonnull(text);
    XLU_Config *c = xl_read(text);
    ck_assert_str_eq(xl_item(c, "vif", 0),
                     "mac=00:16:3e:00:00:01,bridge=br\"[0]',script=vif-bridge");
    ck_assert_str_eq(xl_item(c, "channel", 0),
                     "connection=socket,path=/run/\"x[1]\",name=org.x");
    xlu_cfg_destroy(c);
    free(text);

    /* '=' and a newline are the value's: xl reads them back */
    xc_str_set(&dom.nets.v[0].bridge, "br0=x\ny", P(21, 22));
    xc_str_set(&ch->target_name, "org=x", P(61, 20));
    text = write_xl(&dom, &d);
    ck_assert_ptr_nonnull(text);
    c = xl_read(text);
    ck_assert_str_eq(xl_item(c, "vif", 0),
                     "mac=00:16:3e:00:00:01,bridge=br0=x\ny,script=vif-bridge");
    ck_assert_str_eq(xl_item(c, "channel", 0),
                     "connection=socket,path=/run/\"x[1]\",name=org=x");
    xlu_cfg_destroy(c);
    free(text);

    xc_diags_clear(&d);
    xc_str_set(&dom.nets.v[0].bridge, "br0,ip=1.2.3.4", P(21, 22));
    ck_assert_ptr_null(write_xl(&dom, &d));
    assert_refused_at(&d, 21, 22);
    xc_str_set(&dom.nets.v[0].bridge, "br0", P(21, 22));
    xc_diags_clear(&d);
    xc_str_set(&ch->target_name, "org.x,path=/etc", P(61, 20));
    ck_assert_ptr_null(write_xl(&dom, &d));
    assert_refused_at(&d, 61, 20);
    xc_domain_free(&dom);
    xc_diags_free(&d);
}
END_TEST

/* Serial ports by number, "none" in the gaps; a chardev part refuses
 * only the byte that would end it early when read back. */
START_TEST(serials_and_chardev_paths)
{
    struct xc_domain dom;
    struct xc_diags d = {0};
    base_domain(&dom);
    struct xc_chr *s0 = xc_vec_push(&dom.serials);
    s0->type = XC_CHR_PTY;
    struct xc_chr *s2 = xc_vec_push(&dom.serials);
    s2->type = XC_CHR_FILE;
    xc_str_set(&s2->path, "/var/log/s2.log", P(70, 20));
    s2->has_target_port = true;
    s2->target_port = 2;
    struct xc_chr *tcp = xc_vec_push(&dom.parallels);
    tcp->type = XC_CHR_TCP;
    xc_str_set(&tcp->host, "127.0.0.1", P(71, 20));
    xc_str_set(&tcp->service, "7777", P(71, 40));
    tcp->listen = true;

    char *text = write_xl(&dom, &d);
    ck_assert_ptr_nonnull(text);
    ck_assert_ptr_nonnull(strstr(text, "parallel = \"tcp:127.0.0.1:7777,server,nowait\"\n"
                                       "serial = [ \"pty\", \"none\", \"file:/var/log/s2.log\" ]\n"));
    free(text);
    /* a file path runs to the end of the string: ',' and ')' are its */
    xc_str_set(&s2->path, "/var/log/a,b)c", P(70, 20));
    text = write_xl(&dom, &d);
    ck_assert_ptr_nonnull(text);
    ck_assert_ptr_nonnull(strstr(text, "\"file:/var/log/a,b)c\""));
    free(text);
    /* a unix path ends at the options' ',', a host at its ':' */
    s2->type = XC_CHR_UNIX;
    xc_str_set(&s2->path, "/run/a,b", P(70, 20));
    ck_assert_ptr_null(write_xl(&dom, &d));
    assert_refused_at(&d, 70, 20);
    xc_diags_clear(&d);
    xc_str_set(&s2->path, "/run/a", P(70, 20));
    xc_str_set(&tcp->host, "::1", P(71, 20));
    ck_assert_ptr_null(write_xl(&dom, &d));
    assert_refused_at(&d, 71, 20);
    xc_domain_free(&dom);
    xc_diags_free(&d);
}
END_TEST

/* The libvirt key order of a typical HVM guest, and what is lost. */
START_TEST(key_order_and_losses)
{
    struct xc_domain dom;
    struct xc_diags d = {0};
    base_domain(&dom);
    dom.features.f[XC_FEAT_PAE] = XC_TRI_YES;
    dom.features.f[XC_FEAT_HAP] = XC_TRI_NO;
    xc_str_set(&dom.description, "the web server", P(4, 16));
    struct xc_input *in = xc_vec_push(&dom.inputs);
    in->type = XC_INPUT_TABLET;
    in->bus = XC_INPUT_BUS_USB;
    add_disk(&dom, XC_DISK_FILE, "qemu", "raw", "/f.img", "fda")->device = XC_DISK_DEV_FLOPPY;
    struct xc_controller *uc = xc_vec_push(&dom.controllers);
    uc->type = XC_CTRL_USB;
    xc_str_set(&uc->model, "qusb2", P(80, 30));
    uc->has_ports = true;
    uc->ports = 15;

    char *text = write_xl(&dom, &d);
    ck_assert_ptr_nonnull(text);
    ck_assert_str_eq(text,
        "name = \"guest\"\n"
        "uuid = \"10111213-1415-1617-1819-1a1b1c1d1e1f\"\n"
        "maxmem = 512\n"
        "memory = 512\n"
        "vcpus = 1\n"
        "pae = 1\n"
        "acpi = 0\n"
        "apic = 0\n"
        "hap = 0\n"
        "viridian = 0\n"
        "rtc_timeoffset = 0\n"
        "localtime = 0\n"
        "on_poweroff = \"destroy\"\n"
        "on_reboot = \"destroy\"\n"
        "on_crash = \"destroy\"\n"
        "parallel = \"none\"\n"
        "serial = \"none\"\n"
        "builder = \"hvm\"\n"
        "boot = \"c\"\n"
        "usb = 1\n"
        "usbdevice = \"tablet\"\n"
        "usbctrl = [ \"type=qusb,version=2,ports=f\" ]\n");
    /* <description> and the floppy */
    ck_assert_uint_eq(count_sev(&d, XC_SEV_WARNING, "not-carried"), 2);
    ck_assert_uint_eq(d.nerrors, 0);
    free(text);
    xc_domain_free(&dom);
    xc_diags_free(&d);
}
END_TEST

/* PV: vfb spec list, pvh type, bootloader; a vfb field is refused. */
START_TEST(pv_vfb)
{
    struct xc_domain dom;
    struct xc_diags d = {0};
    base_domain(&dom);
    dom.os.type = XC_OS_XENPVH;
    xc_str_set(&dom.os.bootloader, "/usr/bin/pygrub", P(7, 15));
    struct xc_graphics *g = xc_vec_push(&dom.graphics);
    g->type = XC_GFX_VNC;
    g->has_port = true;
    g->port = 5901;
    g->autoport = XC_TRI_NO;
    xc_str_set(&g->listen, "0.0.0.0", P(90, 30));
    xc_str_set(&g->passwd, "s3cret", P(90, 50));

    char *text = write_xl(&dom, &d);
    ck_assert_ptr_nonnull(text);
    ck_assert_ptr_nonnull(strstr(text,
        "localtime = 0\n"
        "on_poweroff = \"destroy\"\n"
        "on_reboot = \"destroy\"\n"
        "on_crash = \"destroy\"\n"
        "vfb = [ \"type=vnc,vncunused=0,vncdisplay=1,vnclisten=0.0.0.0,vncpasswd=s3cret\" ]\n"
        "type = \"pvh\"\n"
        "bootloader = \"/usr/bin/pygrub\"\n"));
    ck_assert_ptr_null(strstr(text, "pae"));
    free(text);
    xc_str_set(&g->passwd, "s3,cret", P(90, 50));
    ck_assert_ptr_null(write_xl(&dom, &d));
    assert_refused_at(&d, 90, 50);
    xc_domain_free(&dom);
    xc_diags_free(&d);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("xl_format");
    TCase *tc = tcase_create("writer");
    tcase_add_test(tc, disk_backends_formats_devtypes);
    tcase_add_test(tc, disk_unknown_format_warns);
    tcase_add_test(tc, disk_unsupported);
    tcase_add_test(tc, disk_rbd);
    tcase_add_test(tc, disk_refusals_with_position);
    tcase_add_test(tc, disk_target_commas_read_back);
    tcase_add_test(tc, vif_forms);
    tcase_add_test(tc, vif_unsupported_and_lost);
    tcase_add_test(tc, vif_refusals_with_position);
    tcase_add_test(tc, cpuset_canonical);
    tcase_add_test(tc, vnuma_distances);
    tcase_add_test(tc, readback_nasty_values);
    tcase_add_test(tc, readback_list_fields);
    tcase_add_test(tc, serials_and_chardev_paths);
    tcase_add_test(tc, key_order_and_losses);
    tcase_add_test(tc, pv_vfb);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    if (devnull_file)
        fclose(devnull_file);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
