/* Unit tests for the domain XML writer: escaping per context, refusal of
 * values XML 1.0 cannot hold, and whole documents from hand-built models
 * compared with libvirt 9.0.0's layout. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/buf.h"
#include "common/diag.h"
#include "common/model.h"
#include "common/settings.h"
#include "formats/xml/xml.h"
#include "formats/xml/xml_escape.h"

static const struct xc_pos P0 = {0, 0};

static void set(struct xc_str *s, const char *v)
{
    xc_str_set(s, v, P0);
}

static void set_at(struct xc_str *s, const char *v, unsigned line, unsigned col)
{
    struct xc_pos p = {line, col};
    xc_str_set(s, v, p);
}

/* ---- escaping ------------------------------------------------------- */

static char *esc(enum xc_xml_bad (*f)(struct xc_buf *, const char *, size_t *),
                 const char *s, enum xc_xml_bad *why, size_t *off)
{
    struct xc_buf b = {0};
    xc_buf_add(&b, "[");
    *why = f(&b, s, off);
    xc_buf_add(&b, "]");
    return xc_buf_steal(&b);
}

START_TEST(text_escapes_libvirt_set)
{
    enum xc_xml_bad why;
    size_t off = 99;
    char *r = esc(xc_xml_escape_text, "a&b<c>d'e\"f", &why, &off);
    ck_assert_int_eq(why, XC_XML_OK);
    ck_assert_str_eq(r, "[a&amp;b&lt;c&gt;d&apos;e&quot;f]");
    free(r);
    r = esc(xc_xml_escape_text, "", &why, &off);
    ck_assert_str_eq(r, "[]");
    free(r);
    r = esc(xc_xml_escape_text, "/dev/HostVG/XenGuest2", &why, &off);
    ck_assert_str_eq(r, "[/dev/HostVG/XenGuest2]");
    free(r);
}
END_TEST

START_TEST(text_whitespace)
{
    enum xc_xml_bad why;
    size_t off;
    /* TAB and LF survive in character data; CR would be normalised to LF
     * by a parser, so it is a character reference. */
    char *r = esc(xc_xml_escape_text, "a\tb\nc\rd", &why, &off);
    ck_assert_int_eq(why, XC_XML_OK);
    ck_assert_str_eq(r, "[a\tb\nc&#13;d]");
    free(r);
}
END_TEST

START_TEST(attr_whitespace_and_quotes)
{
    enum xc_xml_bad why;
    size_t off;
    /* Attribute-value normalisation would turn TAB/LF/CR into spaces. */
    char *r = esc(xc_xml_escape_attr, "a\tb\nc\rd", &why, &off);
    ck_assert_int_eq(why, XC_XML_OK);
    ck_assert_str_eq(r, "[a&#9;b&#10;c&#13;d]");
    free(r);
    /* A value can never close the attribute or open an element. */
    r = esc(xc_xml_escape_attr, "x' evil='1'/><disk type='", &why, &off);
    ck_assert_int_eq(why, XC_XML_OK);
    ck_assert_str_eq(r, "[x&apos; evil=&apos;1&apos;/&gt;&lt;disk type=&apos;]");
    free(r);
}
END_TEST

START_TEST(control_chars_refused)
{
    static const unsigned char bad[] = {
        0x01, 0x02, 0x07, 0x08, 0x0B, 0x0C, 0x0E, 0x19, 0x1A, 0x1B, 0x1F};
    for (size_t i = 0; i < sizeof(bad); i++) {
        char s[] = "ab?c";
        s[2] = (char)bad[i];
        enum xc_xml_bad why;
        size_t off = 99;
        char *r = esc(xc_xml_escape_text, s, &why, &off);
        ck_assert_int_eq(why, XC_XML_BAD_CONTROL);
        ck_assert_uint_eq(off, 2);
        ck_assert_str_eq(r, "[]"); /* nothing appended */
        free(r);
        r = esc(xc_xml_escape_attr, s, &why, &off);
        ck_assert_int_eq(why, XC_XML_BAD_CONTROL);
        ck_assert_str_eq(r, "[]");
        free(r);
    }
    /* DEL is an XML character */
    ck_assert_int_eq(xc_xml_check("a\x7f", NULL), XC_XML_OK);
}
END_TEST

START_TEST(utf8_checked)
{
    size_t off = 99;
    enum xc_xml_bad why;
    char *r = esc(xc_xml_escape_text, "h\xc3\xa9llo \xe2\x82\xac \xf0\x9f\x98\x80 <", &why, &off);
    ck_assert_int_eq(why, XC_XML_OK);
    ck_assert_str_eq(r, "[h\xc3\xa9llo \xe2\x82\xac \xf0\x9f\x98\x80 &lt;]");
    free(r);

    ck_assert_int_eq(xc_xml_check("ab\xc3", &off), XC_XML_BAD_UTF8);
    ck_assert_uint_eq(off, 2);
    ck_assert_int_eq(xc_xml_check("\xc0\xaf", &off), XC_XML_BAD_UTF8);          /* overlong */
    ck_assert_int_eq(xc_xml_check("\xe0\x80\xaf", &off), XC_XML_BAD_UTF8);      /* overlong */
    ck_assert_int_eq(xc_xml_check("x\xed\xa0\x80", &off), XC_XML_BAD_UTF8);     /* surrogate */
    ck_assert_uint_eq(off, 1);
    ck_assert_int_eq(xc_xml_check("\xf4\x90\x80\x80", &off), XC_XML_BAD_UTF8);  /* > U+10FFFF */
    ck_assert_int_eq(xc_xml_check("\x80", &off), XC_XML_BAD_UTF8);              /* lone continuation */
    ck_assert_int_eq(xc_xml_check("\xff", &off), XC_XML_BAD_UTF8);
    ck_assert_int_eq(xc_xml_check("\xe2\x82", &off), XC_XML_BAD_UTF8);          /* truncated */
    ck_assert_int_eq(xc_xml_check("a\xef\xbf\xbe", &off), XC_XML_BAD_NONCHAR);  /* U+FFFE */
    ck_assert_uint_eq(off, 1);
    ck_assert_int_eq(xc_xml_check("\xef\xbf\xbf", &off), XC_XML_BAD_NONCHAR);   /* U+FFFF */
    ck_assert_int_eq(xc_xml_check("\xef\xbf\xbd", &off), XC_XML_OK);            /* U+FFFD */
    ck_assert_int_eq(xc_xml_check("\xf4\x8f\xbf\xbf", &off), XC_XML_OK);        /* U+10FFFF */
}
END_TEST

/* ---- the writer ----------------------------------------------------- */

static int write_dom(const struct xc_domain *dom, struct xc_buf *out, struct xc_diags *d)
{
    struct xc_settings set;
    xc_settings_init(&set);
    int rc = xc_xml_write(dom, &set, out, d);
    xc_settings_free(&set);
    return rc;
}

static void expect_xml(const struct xc_domain *dom, const char *want)
{
    struct xc_buf out = {0};
    struct xc_diags d = {0};
    int rc = write_dom(dom, &out, &d);
    if (rc != 0)
        xc_diags_print(&d, stderr);
    ck_assert_int_eq(rc, 0);
    ck_assert_uint_eq(d.nerrors, 0);
    if (strcmp(xc_buf_str(&out), want) != 0)
        fprintf(stderr, "--- want\n%s--- got\n%s", want, xc_buf_str(&out));
    ck_assert_str_eq(xc_buf_str(&out), want);
    xc_buf_free(&out);
    xc_diags_free(&d);
}

static void base_identity(struct xc_domain *dom, const char *name)
{
    set(&dom->virt_type, "xen");
    set(&dom->name, name);
    dom->has_uuid = true;
    ck_assert_int_eq(xc_uuid_parse("c7a5fdb2-cdaf-9455-926a-d65c16db1809", dom->uuid), 0);
    dom->has_memory = dom->has_current_memory = true;
    dom->memory_kib = 592896;
    dom->current_memory_kib = 403456;
    dom->has_vcpus = true;
    dom->maxvcpus = 1;
    dom->on_poweroff = XC_LC_DESTROY;
    dom->on_reboot = XC_LC_RESTART;
    dom->on_crash = XC_LC_RESTART;
}

/* libvirt's tests/xlconfigdata/test-paravirt-cmdline.xml, built by hand. */
static void build_pv(struct xc_domain *dom)
{
    xc_domain_init(dom);
    base_identity(dom, "XenGuest2");
    dom->os.type = XC_OS_XEN;
    set(&dom->os.arch, "x86_64");
    set(&dom->os.machine, "xenpv");
    set(&dom->os.kernel, "/tmp/vmlinuz");
    set(&dom->os.initrd, "/tmp/initrd");
    set(&dom->os.cmdline, "root=/dev/xvda1 console=hvc0");
    dom->clock.offset = XC_CLOCK_UTC;
    dom->clock.utc_reset = true;

    struct xc_disk *disk = xc_vec_push(&dom->disks);
    disk->type = XC_DISK_FILE;
    disk->device = XC_DISK_DEV_DISK;
    set(&disk->driver_name, "qemu");
    set(&disk->driver_type, "raw");
    set(&disk->source, "/dev/HostVG/XenGuest2");
    set(&disk->target, "xvda");
    disk->bus = XC_BUS_XEN;

    struct xc_controller *c = xc_vec_push(&dom->controllers);
    c->type = XC_CTRL_XENBUS;
    c->has_index = true;

    struct xc_net *n = xc_vec_push(&dom->nets);
    n->type = XC_NET_BRIDGE;
    set(&n->mac, "00:16:3e:66:92:9c");
    set(&n->bridge, "xenbr1");
    set(&n->script, "vif-bridge");

    struct xc_chr *con = xc_vec_push(&dom->consoles);
    con->type = XC_CHR_PTY;
    set(&con->target_type, "xen");
    con->has_target_port = true;

    struct xc_input *in = xc_vec_push(&dom->inputs);
    in->type = XC_INPUT_MOUSE;
    in->bus = XC_INPUT_BUS_XEN;
    in = xc_vec_push(&dom->inputs);
    in->type = XC_INPUT_KBD;
    in->bus = XC_INPUT_BUS_XEN;
    set(&dom->memballoon_model, "xen");
}

static const char pv_xml[] =
    "<domain type='xen'>\n"
    "  <name>XenGuest2</name>\n"
    "  <uuid>c7a5fdb2-cdaf-9455-926a-d65c16db1809</uuid>\n"
    "  <memory unit='KiB'>592896</memory>\n"
    "  <currentMemory unit='KiB'>403456</currentMemory>\n"
    "  <vcpu placement='static'>1</vcpu>\n"
    "  <os>\n"
    "    <type arch='x86_64' machine='xenpv'>linux</type>\n"
    "    <kernel>/tmp/vmlinuz</kernel>\n"
    "    <initrd>/tmp/initrd</initrd>\n"
    "    <cmdline>root=/dev/xvda1 console=hvc0</cmdline>\n"
    "  </os>\n"
    "  <clock offset='utc' adjustment='reset'/>\n"
    "  <on_poweroff>destroy</on_poweroff>\n"
    "  <on_reboot>restart</on_reboot>\n"
    "  <on_crash>restart</on_crash>\n"
    "  <devices>\n"
    "    <disk type='file' device='disk'>\n"
    "      <driver name='qemu' type='raw'/>\n"
    "      <source file='/dev/HostVG/XenGuest2'/>\n"
    "      <target dev='xvda' bus='xen'/>\n"
    "    </disk>\n"
    "    <controller type='xenbus' index='0'/>\n"
    "    <interface type='bridge'>\n"
    "      <mac address='00:16:3e:66:92:9c'/>\n"
    "      <source bridge='xenbr1'/>\n"
    "      <script path='vif-bridge'/>\n"
    "    </interface>\n"
    "    <console type='pty'>\n"
    "      <target type='xen' port='0'/>\n"
    "    </console>\n"
    "    <input type='mouse' bus='xen'/>\n"
    "    <input type='keyboard' bus='xen'/>\n"
    "    <memballoon model='xen'/>\n"
    "  </devices>\n"
    "</domain>\n";

START_TEST(pv_domain_layout)
{
    struct xc_domain dom;
    build_pv(&dom);
    expect_xml(&dom, pv_xml);
    xc_domain_free(&dom);
}
END_TEST

static struct xc_disk *hvm_disk(struct xc_domain *dom, enum xc_disk_type type,
                                const char *drv, const char *fmt, const char *src,
                                const char *dev, unsigned bus, unsigned unit)
{
    struct xc_disk *disk = xc_vec_push(&dom->disks);
    disk->type = type;
    disk->device = XC_DISK_DEV_DISK;
    set(&disk->driver_name, drv);
    set(&disk->driver_type, fmt);
    set(&disk->source, src);
    set(&disk->target, dev);
    disk->bus = XC_BUS_IDE;
    disk->addr_present = true;
    xc_disk_rare(disk)->addr.bus = bus;
    xc_disk_rare(disk)->addr.unit = unit;
    return disk;
}

/* An HVM guest in the shape of libvirt's fullvirt tests: features, loader,
 * variable clock, ide addresses, vnc with listen, video, serial console. */
START_TEST(hvm_domain_layout)
{
    struct xc_domain dom;
    xc_domain_init(&dom);
    base_identity(&dom, "XenGuest2");
    dom.os.type = XC_OS_HVM;
    set(&dom.os.arch, "x86_64");
    set(&dom.os.machine, "xenfv");
    set(&dom.os.loader, "/usr/lib/xen/boot/ovmf.bin");
    dom.os.loader_readonly = XC_TRI_YES;
    dom.os.loader_type = XC_LOADER_PFLASH;
    dom.os.boot[0] = XC_BOOT_CDROM;
    dom.os.boot[1] = XC_BOOT_HD;
    dom.os.nboot = 2;
    dom.features.f[XC_FEAT_ACPI] = XC_TRI_YES;
    dom.features.f[XC_FEAT_APIC] = XC_TRI_YES;
    dom.features.f[XC_FEAT_PAE] = XC_TRI_YES;
    dom.features.f[XC_FEAT_HAP] = XC_TRI_NO;
    dom.clock.offset = XC_CLOCK_VARIABLE;
    dom.clock.has_adjustment = true;
    dom.clock.basis = XC_BASIS_UTC;
    struct xc_timer *t = xc_vec_push(&dom.clock.timers);
    set(&t->name, "tsc");
    t->present = XC_TRI_YES;
    set(&t->mode, "native");
    t = xc_vec_push(&dom.clock.timers);
    set(&t->name, "hpet");
    t->present = XC_TRI_NO;
    set(&dom.emulator, "/usr/lib/xen/bin/qemu-system-i386");

    hvm_disk(&dom, XC_DISK_BLOCK, "phy", "raw", "/dev/HostVG/XenGuest2", "hda", 0, 0);
    struct xc_disk *cd = hvm_disk(&dom, XC_DISK_FILE, "qemu", "raw", "/root/boot.iso", "hdc", 1, 0);
    cd->device = XC_DISK_DEV_CDROM;
    cd->readonly = true;
    struct xc_disk *empty = hvm_disk(&dom, XC_DISK_FILE, "qemu", "raw", "x", "hdd", 1, 1);
    empty->device = XC_DISK_DEV_CDROM;
    xc_str_clear(&empty->source);
    empty->readonly = true;

    struct xc_controller *c = xc_vec_push(&dom.controllers);
    c->type = XC_CTRL_XENBUS;
    c->has_index = true;
    c->has_max_grant_frames = true;
    c->max_grant_frames = 64;
    c = xc_vec_push(&dom.controllers);
    c->type = XC_CTRL_USB;
    c->has_index = true;
    set(&c->model, "qusb2");
    c->has_ports = true;
    c->ports = 6;

    struct xc_net *n = xc_vec_push(&dom.nets);
    n->type = XC_NET_BRIDGE;
    set(&n->mac, "00:16:3e:66:92:9c");
    set(&n->bridge, "ovsbr0");
    xc_vec_push(&n->vlan_tags)->id = 42;
    xc_vec_push(&n->vlan_tags)->id = 43;
    n->vlan_trunk = true;
    set(&n->virtualport_type, "openvswitch");
    n->has_out_average = true;
    n->out_average = 10240;
    struct xc_ip *ip = xc_vec_push(&n->ips);
    set(&ip->address, "10.0.0.1");
    ip = xc_vec_push(&n->ips);
    set(&ip->address, "2000:0:0::1");
    set(&n->script, "vif-openvswitch");
    set(&n->ifname, "vif1.0");   /* generated name: not in inactive XML */
    set(&n->model, "e1000");

    struct xc_chr *s = xc_vec_push(&dom.serials);
    s->type = XC_CHR_TCP;
    set(&s->host, "127.0.0.1");
    set(&s->service, "7777");
    s->listen = true;
    s->protocol = XC_TCP_PROTO_TELNET;
    s->has_target_port = true;
    struct xc_chr *con = xc_vec_push(&dom.consoles);
    con->type = XC_CHR_PTY;
    set(&con->target_type, "serial");

    struct xc_input *in = xc_vec_push(&dom.inputs);
    in->type = XC_INPUT_TABLET;
    in->bus = XC_INPUT_BUS_USB;

    struct xc_graphics *g = xc_vec_push(&dom.graphics);
    g->type = XC_GFX_VNC;
    g->has_port = true;
    g->port = -1;
    g->autoport = XC_TRI_YES;
    set(&g->listen, "127.0.0.1");
    set(&g->passwd, "123poi");
    set(&g->keymap, "ja");

    struct xc_sound *snd = xc_vec_push(&dom.sounds);
    set(&snd->model, "es1370");
    struct xc_video *v = xc_vec_push(&dom.videos);
    set(&v->model, "cirrus");
    v->has_vram = v->has_heads = true;
    v->vram = 8192;
    v->heads = 1;
    v->primary = XC_TRI_YES;

    struct xc_hostdev *h = xc_vec_push(&dom.hostdevs);
    h->type = XC_HOSTDEV_PCI;
    h->managed = XC_TRI_NO;
    set(&h->driver_name, "xen");
    h->pci.bus = 2;
    h->pci.slot = 0x1a;
    h->pci.function = 1;
    h->write_filtering = XC_TRI_NO;
    h = xc_vec_push(&dom.hostdevs);
    h->type = XC_HOSTDEV_USB;
    h->has_usb_addr = true;
    h->usb_bus = 1;
    h->usb_device = 3;
    set(&dom.memballoon_model, "xen");

    expect_xml(&dom,
        "<domain type='xen'>\n"
        "  <name>XenGuest2</name>\n"
        "  <uuid>c7a5fdb2-cdaf-9455-926a-d65c16db1809</uuid>\n"
        "  <memory unit='KiB'>592896</memory>\n"
        "  <currentMemory unit='KiB'>403456</currentMemory>\n"
        "  <vcpu placement='static'>1</vcpu>\n"
        "  <os>\n"
        "    <type arch='x86_64' machine='xenfv'>hvm</type>\n"
        "    <loader readonly='yes' type='pflash'>/usr/lib/xen/boot/ovmf.bin</loader>\n"
        "    <boot dev='cdrom'/>\n"
        "    <boot dev='hd'/>\n"
        "  </os>\n"
        "  <features>\n"
        "    <acpi/>\n"
        "    <apic/>\n"
        "    <pae/>\n"
        "    <hap state='off'/>\n"
        "  </features>\n"
        "  <clock offset='variable' adjustment='0' basis='utc'>\n"
        "    <timer name='tsc' present='yes' mode='native'/>\n"
        "    <timer name='hpet' present='no'/>\n"
        "  </clock>\n"
        "  <on_poweroff>destroy</on_poweroff>\n"
        "  <on_reboot>restart</on_reboot>\n"
        "  <on_crash>restart</on_crash>\n"
        "  <devices>\n"
        "    <emulator>/usr/lib/xen/bin/qemu-system-i386</emulator>\n"
        "    <disk type='block' device='disk'>\n"
        "      <driver name='phy' type='raw'/>\n"
        "      <source dev='/dev/HostVG/XenGuest2'/>\n"
        "      <target dev='hda' bus='ide'/>\n"
        "      <address type='drive' controller='0' bus='0' target='0' unit='0'/>\n"
        "    </disk>\n"
        "    <disk type='file' device='cdrom'>\n"
        "      <driver name='qemu' type='raw'/>\n"
        "      <source file='/root/boot.iso'/>\n"
        "      <target dev='hdc' bus='ide'/>\n"
        "      <readonly/>\n"
        "      <address type='drive' controller='0' bus='1' target='0' unit='0'/>\n"
        "    </disk>\n"
        "    <disk type='file' device='cdrom'>\n"
        "      <driver name='qemu' type='raw'/>\n"
        "      <target dev='hdd' bus='ide'/>\n"
        "      <readonly/>\n"
        "      <address type='drive' controller='0' bus='1' target='0' unit='1'/>\n"
        "    </disk>\n"
        "    <controller type='xenbus' index='0' maxGrantFrames='64'/>\n"
        "    <controller type='usb' index='0' model='qusb2' ports='6'/>\n"
        "    <interface type='bridge'>\n"
        "      <mac address='00:16:3e:66:92:9c'/>\n"
        "      <source bridge='ovsbr0'/>\n"
        "      <vlan trunk='yes'>\n"
        "        <tag id='42'/>\n"
        "        <tag id='43'/>\n"
        "      </vlan>\n"
        "      <virtualport type='openvswitch'/>\n"
        "      <bandwidth>\n"
        "        <outbound average='10240'/>\n"
        "      </bandwidth>\n"
        "      <ip address='10.0.0.1' family='ipv4'/>\n"
        "      <ip address='2000::1' family='ipv6'/>\n"
        "      <script path='vif-openvswitch'/>\n"
        "      <model type='e1000'/>\n"
        "    </interface>\n"
        "    <serial type='tcp'>\n"
        "      <source mode='bind' host='127.0.0.1' service='7777'/>\n"
        "      <protocol type='telnet'/>\n"
        "      <target port='0'/>\n"
        "    </serial>\n"
        "    <console type='tcp'>\n"
        "      <source mode='bind' host='127.0.0.1' service='7777'/>\n"
        "      <protocol type='telnet'/>\n"
        "      <target type='serial' port='0'/>\n"
        "    </console>\n"
        "    <input type='tablet' bus='usb'/>\n"
        "    <graphics type='vnc' port='-1' autoport='yes' listen='127.0.0.1' keymap='ja' passwd='123poi'>\n"
        "      <listen type='address' address='127.0.0.1'/>\n"
        "    </graphics>\n"
        "    <sound model='es1370'/>\n"
        "    <video>\n"
        "      <model type='cirrus' vram='8192' heads='1' primary='yes'/>\n"
        "    </video>\n"
        "    <hostdev mode='subsystem' type='pci' managed='no'>\n"
        "      <driver name='xen'/>\n"
        "      <source writeFiltering='no'>\n"
        "        <address domain='0x0000' bus='0x02' slot='0x1a' function='0x1'/>\n"
        "      </source>\n"
        "    </hostdev>\n"
        "    <hostdev mode='subsystem' type='usb' managed='no'>\n"
        "      <source>\n"
        "        <address bus='1' device='3'/>\n"
        "      </source>\n"
        "    </hostdev>\n"
        "    <memballoon model='xen'/>\n"
        "  </devices>\n"
        "</domain>\n");
    xc_domain_free(&dom);
}
END_TEST

/* cpu, numa (cpuset canonical form, distances by id), xen features,
 * spice, channel, xen namespace. */
START_TEST(cpu_numa_namespace)
{
    struct xc_domain dom;
    xc_domain_init(&dom);
    base_identity(&dom, "a&b");
    dom.maxvcpus = 8;
    dom.has_current_vcpus = true;
    dom.current_vcpus = 4;
    set(&dom.cpuset, "3, 0-1,2,^1,7");
    dom.os.type = XC_OS_XENPVH;
    set(&dom.os.bootloader, "pygrub");
    set(&dom.os.bootloader_args, "-q");
    dom.os.boot[0] = XC_BOOT_HD;   /* not printed with a bootloader */
    dom.os.nboot = 1;
    dom.features.xen_e820_host = XC_TRI_YES;
    dom.features.xen_passthrough = XC_TRI_YES;
    dom.features.xen_passthrough_mode = XC_PT_SYNC_PT;
    dom.cpu.present = true;
    set(&dom.cpu.mode, "host-passthrough");
    struct xc_cpu_feature *f = xc_vec_push(&dom.cpu.features);
    set(&f->name, "vmx");
    set(&f->policy, "disable");
    struct xc_numa_cell *cell = xc_vec_push(&dom.cpu.cells);
    cell->id = 0;
    set(&cell->cpus, "1,0");
    cell->memory_kib = 2097152;
    struct xc_numa_distance *dist = xc_vec_push(&cell->distances);
    dist->id = 1;
    dist->value = 21;
    dist = xc_vec_push(&cell->distances);
    dist->id = 0;
    dist->value = 10;
    cell = xc_vec_push(&dom.cpu.cells);
    cell->id = 1;
    set(&cell->cpus, "2-3");
    cell->memory_kib = 2097152;

    struct xc_chr *ch = xc_vec_push(&dom.channels);
    ch->type = XC_CHR_UNIX;
    ch->listen = true;
    set(&ch->path, "/path/to/socket");
    set(&ch->target_type, "xen");
    set(&ch->target_name, "org.qemu.guest_agent.0");

    struct xc_graphics *g = xc_vec_push(&dom.graphics);
    g->type = XC_GFX_SPICE;
    g->has_port = g->has_tls_port = true;
    g->port = 590;
    g->tls_port = 500;
    g->autoport = XC_TRI_NO;
    set(&g->listen, "127.0.0.1");
    set(&g->passwd, "thebeast");
    set(&g->mouse_mode, "client");
    g->copypaste = XC_TRI_NO;

    set(xc_vec_push(&dom.dm_args), "-debugcon");
    set(xc_vec_push(&dom.dm_args), "file:/tmp/a'b.log");

    expect_xml(&dom,
        "<domain type='xen' xmlns:xen='http://libvirt.org/schemas/domain/xen/1.0'>\n"
        "  <name>a&amp;b</name>\n"
        "  <uuid>c7a5fdb2-cdaf-9455-926a-d65c16db1809</uuid>\n"
        "  <memory unit='KiB'>592896</memory>\n"
        "  <currentMemory unit='KiB'>403456</currentMemory>\n"
        "  <vcpu placement='static' cpuset='0,2-3,7' current='4'>8</vcpu>\n"
        "  <bootloader>pygrub</bootloader>\n"
        "  <bootloader_args>-q</bootloader_args>\n"
        "  <os>\n"
        "    <type>xenpvh</type>\n"
        "  </os>\n"
        "  <features>\n"
        "    <xen>\n"
        "      <e820_host state='on'/>\n"
        "      <passthrough state='on' mode='sync_pt'/>\n"
        "    </xen>\n"
        "  </features>\n"
        "  <cpu mode='host-passthrough'>\n"
        "    <feature policy='disable' name='vmx'/>\n"
        "    <numa>\n"
        "      <cell id='0' cpus='0-1' memory='2097152' unit='KiB'>\n"
        "        <distances>\n"
        "          <sibling id='0' value='10'/>\n"
        "          <sibling id='1' value='21'/>\n"
        "        </distances>\n"
        "      </cell>\n"
        "      <cell id='1' cpus='2-3' memory='2097152' unit='KiB'/>\n"
        "    </numa>\n"
        "  </cpu>\n"
        "  <clock offset='utc'/>\n"
        "  <on_poweroff>destroy</on_poweroff>\n"
        "  <on_reboot>restart</on_reboot>\n"
        "  <on_crash>restart</on_crash>\n"
        "  <devices>\n"
        "    <channel type='unix'>\n"
        "      <source mode='bind' path='/path/to/socket'/>\n"
        "      <target type='xen' name='org.qemu.guest_agent.0'/>\n"
        "    </channel>\n"
        "    <graphics type='spice' port='590' tlsPort='500' autoport='no' listen='127.0.0.1' passwd='thebeast'>\n"
        "      <listen type='address' address='127.0.0.1'/>\n"
        "      <mouse mode='client'/>\n"
        "      <clipboard copypaste='no'/>\n"
        "    </graphics>\n"
        "  </devices>\n"
        "  <xen:commandline>\n"
        "    <xen:arg value='-debugcon'/>\n"
        "    <xen:arg value='file:/tmp/a&apos;b.log'/>\n"
        "  </xen:commandline>\n"
        "</domain>\n");
    xc_domain_free(&dom);
}
END_TEST

/* A network disk with hosts (rbd-multihost-noauth). */
START_TEST(network_disk)
{
    struct xc_domain dom;
    xc_domain_init(&dom);
    base_identity(&dom, "g");
    struct xc_disk *disk = xc_vec_push(&dom.disks);
    disk->type = XC_DISK_NETWORK;
    set(&disk->driver_name, "qemu");
    set(&disk->driver_type, "raw");
    set(&xc_disk_rare(disk)->protocol, "rbd");
    set(&xc_disk_rare(disk)->source_name, "pool/image");
    const char *hosts[] = {"mon1.example.org", "6321", "mon2.example.org", "6322"};
    for (int i = 0; i < 4; i += 2) {
        struct xc_net_host *h = xc_vec_push(&xc_disk_rare(disk)->hosts);
        set(&h->name, hosts[i]);
        set(&h->port, hosts[i + 1]);
    }
    set(&xc_disk_rare(disk)->auth_user, "admin");
    set(&xc_disk_rare(disk)->secret_type, "ceph");
    set(&xc_disk_rare(disk)->secret_usage, "mycluster_admin");
    set(&disk->target, "hdb");
    disk->bus = XC_BUS_IDE;

    struct xc_buf out = {0};
    struct xc_diags d = {0};
    ck_assert_int_eq(write_dom(&dom, &out, &d), 0);
    ck_assert_ptr_nonnull(strstr(xc_buf_str(&out),
        "    <disk type='network' device='disk'>\n"
        "      <driver name='qemu' type='raw'/>\n"
        "      <source protocol='rbd' name='pool/image'>\n"
        "        <host name='mon1.example.org' port='6321'/>\n"
        "        <host name='mon2.example.org' port='6322'/>\n"
        "        <auth username='admin'>\n"
        "          <secret type='ceph' usage='mycluster_admin'/>\n"
        "        </auth>\n"
        "      </source>\n"
        "      <target dev='hdb' bus='ide'/>\n"
        "    </disk>\n"));
    xc_buf_free(&out);
    xc_diags_free(&d);
    xc_domain_free(&dom);
}
END_TEST

/* A model with a domain id is formatted as libvirt formats a running
 * domain without flags (sexpr2xml): id printed, pty paths and generated
 * interface names kept, the graphics password left out (with a warning). */
START_TEST(running_domain_layout)
{
    struct xc_domain dom;
    build_pv(&dom);
    dom.has_id = true;
    dom.id = 6;
    set(&dom.nets.v[0].ifname, "vif6.0");
    set(&dom.consoles.v[0].path, "/dev/pts/5");
    struct xc_graphics *g = xc_vec_push(&dom.graphics);
    g->type = XC_GFX_VNC;
    g->has_port = true;
    g->port = 5906;
    g->autoport = XC_TRI_YES;
    set(&g->passwd, "secret");
    struct xc_buf out = {0};
    struct xc_diags d = {0};
    ck_assert_int_eq(write_dom(&dom, &out, &d), 0);
    const char *x = xc_buf_str(&out);
    ck_assert_ptr_nonnull(strstr(x, "<domain type='xen' id='6'>\n"));
    ck_assert_ptr_nonnull(strstr(x,
        "      <script path='vif-bridge'/>\n"
        "      <target dev='vif6.0'/>\n"));
    ck_assert_ptr_nonnull(strstr(x,
        "    <console type='pty' tty='/dev/pts/5'>\n"
        "      <source path='/dev/pts/5'/>\n"
        "      <target type='xen' port='0'/>\n"));
    ck_assert_ptr_nonnull(strstr(x,
        "    <graphics type='vnc' port='5906' autoport='yes'>\n"
        "      <listen type='address'/>\n"
        "    </graphics>\n"));
    ck_assert_ptr_null(strstr(x, "secret"));
    ck_assert_uint_eq(d.nwarnings, 1);
    xc_buf_free(&out);
    xc_diags_free(&d);
    xc_domain_free(&dom);
}
END_TEST

/* cpusets: canonical form, all-set masks omitted, text libvirt could
 * not parse kept as written (escaped); distances by id, last one wins. */
START_TEST(cpusets_and_distances)
{
    struct xc_domain dom;
    build_pv(&dom);
    set(&dom.cpuset, "0-4095");
    struct xc_numa_cell *cell = xc_vec_push(&dom.cpu.cells);
    set(&cell->cpus, "x<y");
    cell->memory_kib = 1024;
    const unsigned ids[] = {2, 0, 2, 1};
    const unsigned vals[] = {30, 10, 31, 0};
    for (int i = 0; i < 4; i++) {
        struct xc_numa_distance *dd = xc_vec_push(&cell->distances);
        dd->id = ids[i];
        dd->value = vals[i];
    }
    struct xc_buf out = {0};
    struct xc_diags d = {0};
    ck_assert_int_eq(write_dom(&dom, &out, &d), 0);
    const char *x = xc_buf_str(&out);
    ck_assert_ptr_nonnull(strstr(x, "  <vcpu placement='static'>1</vcpu>\n"));
    ck_assert_ptr_nonnull(strstr(x,
        "  <cpu>\n"
        "    <numa>\n"
        "      <cell id='0' cpus='x&lt;y' memory='1024' unit='KiB'>\n"
        "        <distances>\n"
        "          <sibling id='0' value='10'/>\n"
        "          <sibling id='2' value='31'/>\n"
        "        </distances>\n"
        "      </cell>\n"
        "    </numa>\n"
        "  </cpu>\n"));
    xc_buf_free(&out);
    xc_diags_free(&d);
    xc_domain_free(&dom);
}
END_TEST

/* ---- refusals ------------------------------------------------------- */

static void expect_refused(struct xc_domain *dom, unsigned line, unsigned col)
{
    struct xc_buf out = {0};
    struct xc_diags d = {0};
    xc_buf_add(&out, "KEEP");
    int rc = write_dom(dom, &out, &d);
    ck_assert_int_eq(rc, -1);
    ck_assert_uint_ge(d.nerrors, 1);
    ck_assert_str_eq(xc_buf_str(&out), "KEEP");   /* nothing of the document left */
    int found = 0;
    for (size_t i = 0; i < d.list.n; i++) {
        const struct xc_diag *g = &d.list.v[i];
        if (g->sev == XC_SEV_ERROR && g->check && strcmp(g->check, "unsafe-value") == 0) {
            ck_assert_uint_eq(g->pos.line, line);
            ck_assert_uint_eq(g->pos.col, col);
            found = 1;
        }
    }
    ck_assert_int_eq(found, 1);
    xc_buf_free(&out);
    xc_diags_free(&d);
}

START_TEST(refuses_control_char_in_name)
{
    struct xc_domain dom;
    build_pv(&dom);
    set_at(&dom.name, "Xen\x01Guest", 3, 7);
    expect_refused(&dom, 3, 7);
    xc_domain_free(&dom);
}
END_TEST

START_TEST(refuses_control_char_in_attribute)
{
    struct xc_domain dom;
    build_pv(&dom);
    set_at(&dom.nets.v[0].bridge, "br\x1f", 12, 20);
    expect_refused(&dom, 12, 20);
    xc_domain_free(&dom);
}
END_TEST

START_TEST(refuses_invalid_utf8)
{
    struct xc_domain dom;
    build_pv(&dom);
    set_at(&dom.disks.v[0].source, "/images/\xff\xfe.img", 5, 9);
    expect_refused(&dom, 5, 9);
    xc_domain_free(&dom);
}
END_TEST

START_TEST(refuses_bad_dm_arg)
{
    struct xc_domain dom;
    build_pv(&dom);
    set_at(xc_vec_push(&dom.dm_args), "-a\x02", 30, 1);
    expect_refused(&dom, 30, 1);
    xc_domain_free(&dom);
}
END_TEST

START_TEST(newline_in_cmdline_kept_as_text)
{
    struct xc_domain dom;
    build_pv(&dom);
    set(&dom.os.cmdline, "a\tb\nc <d>");
    struct xc_buf out = {0};
    struct xc_diags d = {0};
    ck_assert_int_eq(write_dom(&dom, &out, &d), 0);
    ck_assert_ptr_nonnull(strstr(xc_buf_str(&out), "    <cmdline>a\tb\nc &lt;d&gt;</cmdline>\n"));
    xc_buf_free(&out);
    xc_diags_free(&d);
    xc_domain_free(&dom);
}
END_TEST

/* Unset fields print what libvirt's zero-initialised definition prints. */
START_TEST(zero_model_defaults)
{
    struct xc_domain dom;
    xc_domain_init(&dom);
    struct xc_net *n = xc_vec_push(&dom.nets);
    (void)n;
    xc_vec_push(&dom.inputs);
    xc_vec_push(&dom.sounds);
    xc_vec_push(&dom.videos);
    expect_xml(&dom,
        "<domain type='xen'>\n"
        "  <uuid>00000000-0000-0000-0000-000000000000</uuid>\n"
        "  <memory unit='KiB'>0</memory>\n"
        "  <currentMemory unit='KiB'>0</currentMemory>\n"
        "  <vcpu placement='static'>0</vcpu>\n"
        "  <os>\n"
        "    <type>hvm</type>\n"
        "  </os>\n"
        "  <clock offset='utc'/>\n"
        "  <on_poweroff>destroy</on_poweroff>\n"
        "  <on_reboot>destroy</on_reboot>\n"
        "  <on_crash>destroy</on_crash>\n"
        "  <devices>\n"
        "    <interface type='user'>\n"
        "      <mac address='00:00:00:00:00:00'/>\n"
        "    </interface>\n"
        "    <input type='mouse' bus='ps2'/>\n"
        "    <sound model='sb16'/>\n"
        "    <video>\n"
        "      <model type='default'/>\n"
        "    </video>\n"
        "  </devices>\n"
        "</domain>\n");
    xc_domain_free(&dom);
}
END_TEST

/* Output is linear in size: 100,000 disks format quickly (no timing
 * assertion; a quadratic writer would make this test time out). */
START_TEST(many_disks)
{
    struct xc_domain dom;
    build_pv(&dom);
    for (int i = 0; i < 100000; i++) {
        struct xc_disk *disk = xc_vec_push(&dom.disks);
        disk->type = XC_DISK_BLOCK;
        set(&disk->source, "/dev/vg/lv");
        set(&disk->target, "xvdb");
        disk->bus = XC_BUS_XEN;
    }
    struct xc_buf out = {0};
    struct xc_diags d = {0};
    ck_assert_int_eq(write_dom(&dom, &out, &d), 0);
    ck_assert_uint_gt(out.len, 100000u * 100u);
    xc_buf_free(&out);
    xc_diags_free(&d);
    xc_domain_free(&dom);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("xml_write");
    TCase *tc = tcase_create("escape");
    tcase_add_test(tc, text_escapes_libvirt_set);
    tcase_add_test(tc, text_whitespace);
    tcase_add_test(tc, attr_whitespace_and_quotes);
    tcase_add_test(tc, control_chars_refused);
    tcase_add_test(tc, utf8_checked);
    suite_add_tcase(s, tc);

    tc = tcase_create("writer");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, pv_domain_layout);
    tcase_add_test(tc, hvm_domain_layout);
    tcase_add_test(tc, cpu_numa_namespace);
    tcase_add_test(tc, network_disk);
    tcase_add_test(tc, running_domain_layout);
    tcase_add_test(tc, cpusets_and_distances);
    tcase_add_test(tc, refuses_control_char_in_name);
    tcase_add_test(tc, refuses_control_char_in_attribute);
    tcase_add_test(tc, refuses_invalid_utf8);
    tcase_add_test(tc, refuses_bad_dm_arg);
    tcase_add_test(tc, newline_in_cmdline_kept_as_text);
    tcase_add_test(tc, zero_model_defaults);
    tcase_add_test(tc, many_disks);
    suite_add_tcase(s, tc);

    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
