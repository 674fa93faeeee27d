#define _DEFAULT_SOURCE
#include "hex.h"
#include "model.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "strpool.h"
#include "xalloc.h"

void xc_str_setn(struct xc_str *dst, const char *src, size_t n, struct xc_pos pos)
{
    char *old = dst->s;
    dst->s = xc_strpool_dup(src, n);
    dst->pos = pos;
    xc_strpool_release(old);
}

void xc_str_set(struct xc_str *dst, const char *src, struct xc_pos pos)
{
    xc_str_setn(dst, src, strlen(src), pos);
}

void xc_str_clear(struct xc_str *dst)
{
    xc_strpool_release(dst->s);
    dst->s = NULL;
    dst->pos = xc_nopos;
}

/* ---- name tables ---------------------------------------------------- */

static const char *const tristate_bool[] = {"", "yes", "no", NULL};
static const char *const tristate_switch[] = {"", "on", "off", NULL};
static const char *const os_type[] = {"", "hvm", "xen", "xenpvh", NULL};
static const char *const lifecycle[] = {
    "", "destroy", "restart", "rename-restart", "preserve",
    "coredump-destroy", "coredump-restart", NULL};
static const char *const clock_offset[] = {
    "", "utc", "localtime", "variable", "timezone", NULL};
static const char *const clock_basis[] = {"", "utc", "localtime", NULL};
static const char *const disk_type[] = {
    "", "file", "block", "dir", "network", "volume", NULL};
static const char *const disk_device[] = {
    "", "disk", "cdrom", "floppy", "lun", NULL};
static const char *const disk_bus[] = {
    "", "ide", "fdc", "scsi", "virtio", "xen", "usb", "sata", "uml", "sd", NULL};
static const char *const net_type[] = {
    "", "user", "ethernet", "vhostuser", "server", "client", "mcast",
    "network", "bridge", "internal", "direct", "hostdev", "udp", NULL};
static const char *const chr_type[] = {
    "", "null", "vc", "pty", "dev", "file", "pipe", "stdio", "udp", "tcp",
    "unix", "spicevmc", "spiceport", NULL};
static const char *const chr_tcp_protocol[] = {
    "", "raw", "telnet", "telnets", "tls", NULL};
static const char *const controller_type[] = {
    "", "ide", "fdc", "scsi", "sata", "virtio-serial", "ccid", "usb", "pci",
    "xenbus", NULL};
static const char *const input_type[] = {"", "mouse", "tablet", "keyboard", NULL};
static const char *const input_bus[] = {"", "ps2", "usb", "xen", NULL};
static const char *const graphics_type[] = {"", "sdl", "vnc", "spice", NULL};
static const char *const hostdev_type[] = {"", "usb", "pci", NULL};
static const char *const loader_type[] = {"", "rom", "pflash", NULL};
static const char *const boot_dev[] = {"", "fd", "cdrom", "hd", "network", NULL};
static const char *const passthrough_mode[] = {"", "sync_pt", "share_pt", NULL};

static const char *const *const tables[XC_T_COUNT] = {
    [XC_T_TRISTATE_BOOL] = tristate_bool,
    [XC_T_TRISTATE_SWITCH] = tristate_switch,
    [XC_T_OS_TYPE] = os_type,
    [XC_T_LIFECYCLE] = lifecycle,
    [XC_T_CLOCK_OFFSET] = clock_offset,
    [XC_T_CLOCK_BASIS] = clock_basis,
    [XC_T_DISK_TYPE] = disk_type,
    [XC_T_DISK_DEVICE] = disk_device,
    [XC_T_DISK_BUS] = disk_bus,
    [XC_T_NET_TYPE] = net_type,
    [XC_T_CHR_TYPE] = chr_type,
    [XC_T_CHR_TCP_PROTOCOL] = chr_tcp_protocol,
    [XC_T_CONTROLLER_TYPE] = controller_type,
    [XC_T_INPUT_TYPE] = input_type,
    [XC_T_INPUT_BUS] = input_bus,
    [XC_T_GRAPHICS_TYPE] = graphics_type,
    [XC_T_HOSTDEV_TYPE] = hostdev_type,
    [XC_T_LOADER_TYPE] = loader_type,
    [XC_T_BOOT_DEV] = boot_dev,
    [XC_T_PASSTHROUGH_MODE] = passthrough_mode,
};

const char *xc_enum_name(enum xc_enum_table t, int value)
{
    if ((unsigned)t >= XC_T_COUNT || value < 0)
        return "";
    const char *const *tab = tables[t];
    for (int i = 0; tab[i]; i++)
        if (i == value)
            return tab[i];
    return "";
}

int xc_enum_parse(enum xc_enum_table t, const char *s)
{
    if ((unsigned)t >= XC_T_COUNT || !s || !*s)
        return -1;
    const char *const *tab = tables[t];
    for (int i = 1; tab[i]; i++)
        if (strcmp(tab[i], s) == 0)
            return i;
    return -1;
}

/* ---- lifetime ------------------------------------------------------- */

void xc_domain_init(struct xc_domain *dom)
{
    memset(dom, 0, sizeof(*dom));
}

void xc_chr_clear(struct xc_chr *c)
{
    xc_str_clear(&c->path);
    xc_str_clear(&c->host);
    xc_str_clear(&c->service);
    xc_str_clear(&c->bind_host);
    xc_str_clear(&c->bind_service);
    xc_str_clear(&c->target_type);
    xc_str_clear(&c->target_name);
    memset(c, 0, sizeof(*c));
}

static void free_chrs(struct xc_chr *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        xc_chr_clear(&v[i]);
    free(v);
}

void xc_hostdev_clear(struct xc_hostdev *h)
{
    xc_str_clear(&h->driver_name);
    xc_str_clear(&h->usb_vendor);
    xc_str_clear(&h->usb_product);
    memset(h, 0, sizeof(*h));
}

static void free_os(struct xc_os *os)
{
    struct xc_str *strs[] = {
        &os->arch, &os->machine, &os->loader, &os->nvram, &os->kernel,
        &os->initrd, &os->cmdline, &os->root, &os->dtb, &os->bootloader,
        &os->bootloader_args, &os->slic_table};
    for (size_t i = 0; i < sizeof(strs) / sizeof(strs[0]); i++)
        xc_str_clear(strs[i]);
}

static void free_cpu(struct xc_cpu *cpu)
{
    xc_str_clear(&cpu->mode);
    xc_str_clear(&cpu->match);
    xc_str_clear(&cpu->check);
    xc_str_clear(&cpu->migratable);
    xc_str_clear(&cpu->model);
    for (size_t i = 0; i < cpu->features.n; i++) {
        xc_str_clear(&cpu->features.v[i].name);
        xc_str_clear(&cpu->features.v[i].policy);
    }
    free(cpu->features.v);
    for (size_t i = 0; i < cpu->cells.n; i++) {
        xc_str_clear(&cpu->cells.v[i].cpus);
        free(cpu->cells.v[i].distances.v);
    }
    free(cpu->cells.v);
}

struct xc_disk_rare *xc_disk_rare(struct xc_disk *d)
{
    if (!d->rare)
        d->rare = xc_calloc(1, sizeof(*d->rare));
    return d->rare;
}

const struct xc_disk_rare *xc_disk_rare_ro(const struct xc_disk *d)
{
    static const struct xc_disk_rare none;
    return d->rare ? d->rare : &none;
}

void xc_disk_rare_clear(struct xc_disk *d)
{
    struct xc_disk_rare *n = d->rare;
    if (!n)
        return;
    struct xc_str *strs[] = {
        &n->protocol, &n->source_name, &n->auth_user, &n->secret_type,
        &n->secret_usage, &n->secret_uuid, &n->snapshot, &n->config_file,
        &n->script, &n->driver_cache};
    for (size_t i = 0; i < sizeof(strs) / sizeof(strs[0]); i++)
        xc_str_clear(strs[i]);
    for (size_t i = 0; i < n->hosts.n; i++) {
        xc_str_clear(&n->hosts.v[i].name);
        xc_str_clear(&n->hosts.v[i].port);
        xc_str_clear(&n->hosts.v[i].transport);
        xc_str_clear(&n->hosts.v[i].socket);
    }
    free(n->hosts.v);
    free(n);
    d->rare = NULL;
}

void xc_disk_clear(struct xc_disk *d)
{
    struct xc_str *strs[] = {
        &d->driver_name, &d->driver_type, &d->source, &d->target};
    for (size_t i = 0; i < sizeof(strs) / sizeof(strs[0]); i++)
        xc_str_clear(strs[i]);
    xc_disk_rare_clear(d);
    memset(d, 0, sizeof(*d));
}

void xc_net_clear(struct xc_net *n)
{
    struct xc_str *strs[] = {
        &n->mac, &n->bridge, &n->network, &n->portgroup, &n->script,
        &n->model, &n->ifname, &n->driver_name, &n->virtualport_type,
        &n->backend_domain};
    for (size_t i = 0; i < sizeof(strs) / sizeof(strs[0]); i++)
        xc_str_clear(strs[i]);
    for (size_t i = 0; i < n->ips.n; i++) {
        xc_str_clear(&n->ips.v[i].address);
        xc_str_clear(&n->ips.v[i].family);
    }
    free(n->ips.v);
    free(n->vlan_tags.v);
    memset(n, 0, sizeof(*n));
}

static void free_graphics(struct xc_graphics *g)
{
    struct xc_str *strs[] = {
        &g->listen, &g->passwd, &g->keymap, &g->mouse_mode,
        &g->default_mode, &g->display, &g->xauth};
    for (size_t i = 0; i < sizeof(strs) / sizeof(strs[0]); i++)
        xc_str_clear(strs[i]);
}

void xc_domain_free(struct xc_domain *dom)
{
    xc_str_clear(&dom->virt_type);
    xc_str_clear(&dom->name);
    xc_str_clear(&dom->title);
    xc_str_clear(&dom->description);
    xc_str_clear(&dom->cpuset);
    xc_str_clear(&dom->placement);
    free_os(&dom->os);
    free_cpu(&dom->cpu);

    for (size_t i = 0; i < dom->clock.timers.n; i++) {
        struct xc_timer *t = &dom->clock.timers.v[i];
        xc_str_clear(&t->name);
        xc_str_clear(&t->tickpolicy);
        xc_str_clear(&t->track);
        xc_str_clear(&t->mode);
    }
    free(dom->clock.timers.v);
    xc_str_clear(&dom->clock.timezone);

    xc_str_clear(&dom->emulator);
    for (size_t i = 0; i < dom->disks.n; i++)
        xc_disk_clear(&dom->disks.v[i]);
    free(dom->disks.v);
    for (size_t i = 0; i < dom->controllers.n; i++)
        xc_str_clear(&dom->controllers.v[i].model);
    free(dom->controllers.v);
    for (size_t i = 0; i < dom->nets.n; i++)
        xc_net_clear(&dom->nets.v[i]);
    free(dom->nets.v);
    free(dom->inputs.v);
    for (size_t i = 0; i < dom->graphics.n; i++)
        free_graphics(&dom->graphics.v[i]);
    free(dom->graphics.v);
    for (size_t i = 0; i < dom->videos.n; i++)
        xc_str_clear(&dom->videos.v[i].model);
    free(dom->videos.v);
    for (size_t i = 0; i < dom->sounds.n; i++)
        xc_str_clear(&dom->sounds.v[i].model);
    free(dom->sounds.v);
    for (size_t i = 0; i < dom->hostdevs.n; i++)
        xc_hostdev_clear(&dom->hostdevs.v[i]);
    free(dom->hostdevs.v);
    free_chrs(dom->serials.v, dom->serials.n);
    free_chrs(dom->parallels.v, dom->parallels.n);
    free_chrs(dom->consoles.v, dom->consoles.n);
    free_chrs(dom->channels.v, dom->channels.n);
    xc_str_clear(&dom->memballoon_model);
    for (size_t i = 0; i < dom->dm_args.n; i++)
        xc_str_clear(&dom->dm_args.v[i]);
    free(dom->dm_args.v);
    for (size_t i = 0; i < dom->leftovers.n; i++) {
        xc_str_clear(&dom->leftovers.v[i].key);
        xc_str_clear(&dom->leftovers.v[i].value);
    }
    free(dom->leftovers.v);
    xc_strpool_free(&dom->strings);
    memset(dom, 0, sizeof(*dom));
}

void xc_domain_add_leftover(struct xc_domain *dom, const char *key,
                            const char *value, struct xc_pos pos)
{
    struct xc_leftover *l = xc_vec_push(&dom->leftovers);
    xc_str_set(&l->key, key, pos);
    if (value)
        xc_str_set(&l->value, value, pos);
}

/* ---- uuid ----------------------------------------------------------- */

/* Same leniency as libvirt's virUUIDParse: leading blanks, '-' allowed
 * between byte pairs, trailing blanks. */
int xc_uuid_parse(const char *s, unsigned char out[16])
{
    while (*s == ' ' || *s == '\t')
        s++;
    for (int i = 0; i < 16; i++) {
        while (*s == '-')
            s++;
        int hi = xc_hex_digit(s[0]);
        int lo = hi < 0 ? -1 : xc_hex_digit(s[1]);
        if (hi < 0 || lo < 0)
            return -1;
        out[i] = (unsigned char)(hi << 4 | lo);
        s += 2;
    }
    while (*s == ' ' || *s == '\t')
        s++;
    return *s ? -1 : 0;
}

void xc_uuid_format(const unsigned char u[16], char out[37])
{
    static const char hex[] = "0123456789abcdef";
    char *p = out;
    for (int i = 0; i < 16; i++) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            *p++ = '-';
        *p++ = hex[u[i] >> 4];
        *p++ = hex[u[i] & 15];
    }
    *p = '\0';
}

void xc_uuid_generate(unsigned char out[16])
{
    int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    size_t got = 0;
    if (fd >= 0) {
        while (got < 16) {
            ssize_t n = read(fd, out + got, 16 - got);
            if (n <= 0)
                break;
            got += (size_t)n;
        }
        close(fd);
    }
    if (got < 16) {
        /* No urandom: still unique enough per process for a config id. */
        static unsigned long counter;
        unsigned long seed = (unsigned long)time(NULL) ^ (unsigned long)getpid() ^ ++counter;
        for (int i = 0; i < 16; i++) {
            seed = seed * 6364136223846793005UL + 1442695040888963407UL;
            out[i] = (unsigned char)(seed >> 33);
        }
    }
    out[6] = (unsigned char)((out[6] & 0x0f) | 0x40);
    out[8] = (unsigned char)((out[8] & 0x3f) | 0x80);
}

bool xc_net_ifname_generated(const char *ifname)
{
    static const char *const prefixes[] = {"vnet", "macvtap", "macvlan", "vif"};
    for (size_t i = 0; ifname && i < sizeof(prefixes) / sizeof(prefixes[0]); i++)
        if (strncmp(ifname, prefixes[i], strlen(prefixes[i])) == 0)
            return true;
    return false;
}
