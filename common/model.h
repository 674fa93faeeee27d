/* The normalized domain model: the Xen-relevant subset of libvirt's domain
 * definition.  Readers fill it literally, converters/ applies libvirt's
 * post-parse defaults, writers print it.
 *
 * Conventions:
 * - struct xc_str is an owned NUL-terminated string (s == NULL: unset) with
 *   the input position it came from, so a writer that must refuse a value
 *   can name where it came from.  Set and clear it only through
 *   xc_str_set/xc_str_setn/xc_str_clear: its bytes may live in the
 *   domain's string pool (common/strpool.h), never free() them.
 * - Enums start with an UNSET/NONE member equal to 0, so a zeroed struct
 *   means "nothing said".  Each has a name table in model.c matching
 *   libvirt's XML spelling (xc_enum_name / xc_enum_parse).
 * - Every device carries pos: where its element or spec started. */
#ifndef XC_MODEL_H
#define XC_MODEL_H

#include <stdbool.h>
#include <stdint.h>

#include "diag.h"
#include "strpool.h"
#include "vec.h"

struct xc_str {
    char *s;
    struct xc_pos pos;
};

/* Replace *dst with a copy of the n bytes at src. */
void xc_str_setn(struct xc_str *dst, const char *src, size_t n, struct xc_pos pos);
void xc_str_set(struct xc_str *dst, const char *src, struct xc_pos pos);
void xc_str_clear(struct xc_str *dst);
static inline bool xc_str_isset(const struct xc_str *s) { return s->s != NULL; }

/* yes/no/absent, as libvirt's virTristateBool and virTristateSwitch. */
enum xc_tristate { XC_TRI_ABSENT = 0, XC_TRI_YES, XC_TRI_NO };

/* ---- name tables ---------------------------------------------------- */
/* Each enum below has a NULL-terminated table; index = enum value and
 * entry 0 is "" for the unset member. */
enum xc_enum_table {
    XC_T_TRISTATE_BOOL,   /* "", "yes", "no" */
    XC_T_TRISTATE_SWITCH, /* "", "on", "off" */
    XC_T_OS_TYPE,
    XC_T_LIFECYCLE,
    XC_T_CLOCK_OFFSET,
    XC_T_CLOCK_BASIS,
    XC_T_DISK_TYPE,
    XC_T_DISK_DEVICE,
    XC_T_DISK_BUS,
    XC_T_NET_TYPE,
    XC_T_CHR_TYPE,
    XC_T_CHR_TCP_PROTOCOL,
    XC_T_CONTROLLER_TYPE,
    XC_T_INPUT_TYPE,
    XC_T_INPUT_BUS,
    XC_T_GRAPHICS_TYPE,
    XC_T_HOSTDEV_TYPE,
    XC_T_LOADER_TYPE,
    XC_T_BOOT_DEV,
    XC_T_PASSTHROUGH_MODE,
    XC_T_COUNT
};
const char *xc_enum_name(enum xc_enum_table t, int value);
/* -1 when s is not in the table (the empty entry never matches). */
int xc_enum_parse(enum xc_enum_table t, const char *s);

/* ---- top level enums ------------------------------------------------ */
enum xc_os_type { XC_OS_NONE = 0, XC_OS_HVM, XC_OS_XEN, XC_OS_XENPVH };
/* XML spelling: "hvm", "xen" ("linux" is read as xen), "xenpvh". */

enum xc_lifecycle {
    XC_LC_NONE = 0, XC_LC_DESTROY, XC_LC_RESTART, XC_LC_RENAME_RESTART,
    XC_LC_PRESERVE, XC_LC_COREDUMP_DESTROY, XC_LC_COREDUMP_RESTART
};

enum xc_clock_offset {
    XC_CLOCK_NONE = 0, XC_CLOCK_UTC, XC_CLOCK_LOCALTIME, XC_CLOCK_VARIABLE,
    XC_CLOCK_TIMEZONE
};
enum xc_clock_basis { XC_BASIS_NONE = 0, XC_BASIS_UTC, XC_BASIS_LOCALTIME };

enum xc_loader_type { XC_LOADER_NONE = 0, XC_LOADER_ROM, XC_LOADER_PFLASH };

/* ---- os ------------------------------------------------------------- */
enum { XC_MAX_BOOT_DEVS = 4 };
enum xc_boot_dev { XC_BOOT_NONE = 0, XC_BOOT_FD, XC_BOOT_CDROM, XC_BOOT_HD, XC_BOOT_NETWORK };

struct xc_os {
    enum xc_os_type type;
    struct xc_pos type_pos;
    struct xc_str arch;          /* "x86_64", "i686", ... */
    struct xc_str machine;       /* "xenfv", "xenpv", "xenpvh" */
    struct xc_str loader;        /* firmware path */
    enum xc_tristate loader_readonly;
    enum xc_loader_type loader_type;
    struct xc_str nvram;
    struct xc_str kernel, initrd, cmdline, root, dtb;
    struct xc_str bootloader, bootloader_args;
    enum xc_boot_dev boot[XC_MAX_BOOT_DEVS];
    unsigned nboot;
    struct xc_str slic_table;    /* <acpi><table type='slic'> */
    enum xc_tristate bootmenu;
};

/* ---- features ------------------------------------------------------- */
/* Features libvirt's Xen drivers use; each is absent, on or off.
 * hap/viridian/pae/acpi/apic are written <x/> when on (hap as
 * state='off' when off: see the XML writer). */
enum xc_feature {
    XC_FEAT_ACPI, XC_FEAT_APIC, XC_FEAT_PAE, XC_FEAT_HAP, XC_FEAT_VIRIDIAN,
    XC_FEAT_PVSPINLOCK, XC_FEAT_HPT, XC_FEAT_COUNT
};

enum xc_passthrough_mode { XC_PT_NONE = 0, XC_PT_SYNC_PT, XC_PT_SHARE_PT };

struct xc_features {
    enum xc_tristate f[XC_FEAT_COUNT];
    /* <features><xen> */
    enum xc_tristate xen_e820_host;
    enum xc_tristate xen_passthrough;
    enum xc_passthrough_mode xen_passthrough_mode;
};

/* ---- cpu ------------------------------------------------------------ */
struct xc_cpu_feature {
    struct xc_str name;
    struct xc_str policy;        /* "force", "require", "optional", "disable", "forbid" */
};

struct xc_numa_distance {
    unsigned id;
    unsigned value;
};

struct xc_numa_cell {
    unsigned id;
    struct xc_str cpus;          /* cpuset string as written, e.g. "0-1" */
    uint64_t memory_kib;
    XC_VEC(struct xc_numa_distance) distances;
    struct xc_pos pos;
};

struct xc_cpu {
    bool present;                /* any <cpu> element / cpu keys at all */
    struct xc_str mode;          /* "host-passthrough", "custom", ... */
    struct xc_str match, check, migratable;
    struct xc_str model;
    XC_VEC(struct xc_cpu_feature) features;
    XC_VEC(struct xc_numa_cell) cells;
};

/* ---- clock ---------------------------------------------------------- */
struct xc_timer {
    struct xc_str name;          /* platform, pit, rtc, hpet, tsc, ... */
    enum xc_tristate present;
    struct xc_str tickpolicy, track, mode;
    bool has_frequency;
    uint64_t frequency;
};

struct xc_clock {
    enum xc_clock_offset offset;
    /* offset='variable': adjustment seconds and basis. */
    bool has_adjustment;
    long long adjustment;
    enum xc_clock_basis basis;
    /* offset='utc'/'localtime': adjustment='reset' */
    bool utc_reset;
    struct xc_str timezone;
    XC_VEC(struct xc_timer) timers;
};

/* ---- devices -------------------------------------------------------- */
enum xc_disk_type { XC_DISK_TYPE_NONE = 0, XC_DISK_FILE, XC_DISK_BLOCK, XC_DISK_DIR, XC_DISK_NETWORK, XC_DISK_VOLUME };
enum xc_disk_device { XC_DISK_DEV_NONE = 0, XC_DISK_DEV_DISK, XC_DISK_DEV_CDROM, XC_DISK_DEV_FLOPPY, XC_DISK_DEV_LUN };
enum xc_disk_bus { XC_BUS_NONE = 0, XC_BUS_IDE, XC_BUS_FDC, XC_BUS_SCSI, XC_BUS_VIRTIO, XC_BUS_XEN, XC_BUS_USB, XC_BUS_SATA, XC_BUS_UML, XC_BUS_SD };

struct xc_net_host {
    struct xc_str name;
    struct xc_str port;          /* kept as text: libvirt does too */
    struct xc_str transport;
    struct xc_str socket;
};

/* <address type='drive' .../>: a rare field of the disk (below); whether
 * a disk has one is its addr_present bit. */
struct xc_drive_addr {
    unsigned controller, bus, target, unit;
};

/* <address type='pci' .../> */
struct xc_pci_addr {
    bool present;
    unsigned domain, bus, slot, function;
};

/* The disk fields few disks set (a network source and its auth, xl's
 * script=, the XML's driver cache, a drive address: only IDE, SCSI, SATA
 * and floppy disks have one), apart so that a plain disk does not carry
 * them: set through xc_disk_rare(), read through xc_disk_rare_ro(). */
struct xc_disk_rare {
    struct xc_str protocol;      /* network: "rbd", "nbd", ... */
    struct xc_str source_name;   /* network: pool/image */
    XC_VEC(struct xc_net_host) hosts;
    struct xc_str auth_user, secret_type, secret_usage, secret_uuid;
    /* network rbd: <snapshot name=..> and <config file=..> */
    struct xc_str snapshot, config_file;
    struct xc_str script;        /* xl disk script= */
    struct xc_str driver_cache;  /* <driver cache=..> (XML only) */
    struct xc_drive_addr addr;   /* meaningful when the disk's addr_present */
};

/* Kept small (88 bytes): a 100,000-disk input holds that many. */
struct xc_disk {
    struct xc_str driver_name;   /* "phy", "qemu", "tap", "file" */
    struct xc_str driver_type;   /* "raw", "qcow2", "vhd", ... */
    struct xc_str source;        /* file= or dev= or dir= path */
    struct xc_str target;        /* "xvda", "hda", ... */
    struct xc_disk_rare *rare;   /* owned (a struct copy moves it, never
                                  * duplicates); NULL: none of its fields set */
    struct xc_pos pos;
    /* a byte each; bit-fields, so set them through a local, not a pointer */
    enum xc_disk_type type : 8;
    enum xc_disk_device device : 8;
    enum xc_disk_bus bus : 8;
    enum xc_tristate removable : 8;
    bool addr_present : 1;       /* rare->addr is set */
    bool readonly, shareable, transient;
};

enum xc_controller_type {
    XC_CTRL_NONE = 0, XC_CTRL_IDE, XC_CTRL_FDC, XC_CTRL_SCSI, XC_CTRL_SATA,
    XC_CTRL_VIRTIO_SERIAL, XC_CTRL_CCID, XC_CTRL_USB, XC_CTRL_PCI,
    XC_CTRL_XENBUS
};

struct xc_controller {
    enum xc_controller_type type;
    bool has_index;              /* false: no index given (libvirt's -1) */
    unsigned index;
    /* Post-parse assigns an index (virDomainAssignControllerIndexes) to
     * every controller with !has_index or auto_index, then sets has_index
     * and clears auto_index. */
    bool auto_index;
    struct xc_str model;         /* usb: "qusb1", "qusb2", "piix3-uhci", ... */
    bool has_ports;
    unsigned ports;
    bool has_max_grant_frames, has_max_event_channels;
    unsigned max_grant_frames, max_event_channels;
    struct xc_pos pos;
};

enum xc_net_type {
    XC_NET_NONE = 0, XC_NET_USER, XC_NET_ETHERNET, XC_NET_VHOSTUSER,
    XC_NET_SERVER, XC_NET_CLIENT, XC_NET_MCAST, XC_NET_NETWORK,
    XC_NET_BRIDGE, XC_NET_INTERNAL, XC_NET_DIRECT, XC_NET_HOSTDEV, XC_NET_UDP
};

struct xc_ip {
    struct xc_str address;
    struct xc_str family;        /* "ipv4"/"ipv6" when given */
    bool has_prefix;
    unsigned prefix;
};

struct xc_vlan_tag {
    unsigned id;
};

struct xc_net {
    enum xc_net_type type;
    struct xc_str mac;           /* normalized "xx:xx:xx:xx:xx:xx" lower-case */
    struct xc_str bridge;        /* type=bridge */
    struct xc_str network;       /* type=network */
    struct xc_str portgroup;
    struct xc_str script;
    struct xc_str model;         /* <model type=...> */
    struct xc_str ifname;        /* <target dev=...> (xl vifname) */
    struct xc_str driver_name;   /* <driver name=...> (hostdev: "xen") */
    XC_VEC(struct xc_ip) ips;
    /* <bandwidth><outbound average= peak= burst=> in KB/s */
    bool has_out_average;
    uint64_t out_average, out_peak, out_burst;
    struct xc_str virtualport_type;  /* "openvswitch" */
    XC_VEC(struct xc_vlan_tag) vlan_tags;
    bool vlan_trunk;
    /* type='hostdev' */
    enum xc_tristate managed;
    struct xc_pci_addr hostdev_addr;
    struct xc_str backend_domain;    /* xl backend= */
    struct xc_pos pos;
};

enum xc_input_type { XC_INPUT_NONE = 0, XC_INPUT_MOUSE, XC_INPUT_TABLET, XC_INPUT_KBD };
enum xc_input_bus { XC_INPUT_BUS_NONE = 0, XC_INPUT_BUS_PS2, XC_INPUT_BUS_USB, XC_INPUT_BUS_XEN };

struct xc_input {
    enum xc_input_type type;
    enum xc_input_bus bus;
    struct xc_pos pos;
};

enum xc_graphics_type { XC_GFX_NONE = 0, XC_GFX_SDL, XC_GFX_VNC, XC_GFX_SPICE };

struct xc_graphics {
    enum xc_graphics_type type;
    /* vnc and spice */
    bool has_port;
    int port;                    /* -1: auto */
    enum xc_tristate autoport;
    bool has_tls_port;
    int tls_port;
    struct xc_str listen;        /* listen address, if any */
    /* a <listen type='address'/> element exists even when listen is
     * unset (libvirt's xl/xm readers always add one for vnc/spice) */
    bool has_listen;
    struct xc_str passwd;
    struct xc_str keymap;
    /* spice */
    struct xc_str mouse_mode;    /* "client"/"server" */
    enum xc_tristate copypaste;
    struct xc_str default_mode;
    /* sdl */
    struct xc_str display, xauth;
    enum xc_tristate fullscreen;
    enum xc_tristate gl;
    struct xc_pos pos;
};

struct xc_video {
    struct xc_str model;         /* "cirrus", "vga", "xen", "qxl" */
    bool has_ram;
    unsigned ram;                /* KiB, qxl only */
    bool has_vram;
    unsigned vram;               /* KiB */
    bool has_heads;
    unsigned heads;
    enum xc_tristate primary;
    struct xc_pos pos;
};

enum xc_chr_type {
    XC_CHR_NONE = 0, XC_CHR_NULL, XC_CHR_VC, XC_CHR_PTY, XC_CHR_DEV,
    XC_CHR_FILE, XC_CHR_PIPE, XC_CHR_STDIO, XC_CHR_UDP, XC_CHR_TCP,
    XC_CHR_UNIX, XC_CHR_SPICEVMC, XC_CHR_SPICEPORT
};
enum xc_chr_tcp_protocol { XC_TCP_PROTO_NONE = 0, XC_TCP_PROTO_RAW, XC_TCP_PROTO_TELNET, XC_TCP_PROTO_TELNETS, XC_TCP_PROTO_TLS };

/* serial, parallel, console and channel share this shape. */
struct xc_chr {
    enum xc_chr_type type;
    struct xc_str path;          /* dev/file/pipe/unix/pty path */
    /* tcp: host/service, listen = bind mode; udp: connect_* and bind_* */
    struct xc_str host, service;
    bool listen;
    struct xc_str bind_host, bind_service;
    enum xc_chr_tcp_protocol protocol;
    /* target */
    bool has_target_port;
    unsigned target_port;
    struct xc_str target_type;   /* console/channel: "xen", "serial", "virtio" ... */
    struct xc_str target_name;   /* channel name */
    struct xc_pos pos;
};

enum xc_hostdev_type { XC_HOSTDEV_NONE = 0, XC_HOSTDEV_USB, XC_HOSTDEV_PCI };

struct xc_hostdev {
    enum xc_hostdev_type type;
    enum xc_tristate managed;
    struct xc_str driver_name;   /* "xen" */
    struct xc_pci_addr pci;      /* type=pci */
    bool has_usb_addr;
    unsigned usb_bus, usb_device;
    struct xc_str usb_vendor, usb_product;
    enum xc_tristate write_filtering;   /* pci permissive */
    struct xc_pos pos;
};

struct xc_sound {
    struct xc_str model;         /* "sb16", "es1370", "ac97", "ich6" ... */
    struct xc_pos pos;
};

/* xl keys the model did not map, or XML elements it did not know:
 * kept with their position so lint/migrate can report them. */
struct xc_leftover {
    struct xc_str key;           /* key name or element path */
    struct xc_str value;         /* raw value text, if any */
};

/* ---- the domain ----------------------------------------------------- */
struct xc_domain {
    /* <domain type='xen' id='N'> */
    struct xc_str virt_type;     /* normally "xen" */
    bool has_id;
    int id;

    struct xc_str name;
    bool has_uuid;
    unsigned char uuid[16];
    struct xc_str title, description;

    /* memory in KiB: <memory> is maxmem, <currentMemory> the balloon */
    bool has_memory, has_current_memory;
    uint64_t memory_kib, current_memory_kib;

    /* <vcpu placement='static' cpuset='..' current='N'>MAX</vcpu> */
    bool has_vcpus;
    unsigned maxvcpus;
    bool has_current_vcpus;
    unsigned current_vcpus;
    struct xc_str cpuset;
    struct xc_str placement;     /* "static" / "auto" */

    /* <cputune><shares> (xm cpu_weight) and <cputune><period/quota> (cpu_cap) */
    bool has_shares;
    uint64_t shares;

    struct xc_os os;
    struct xc_features features;
    struct xc_cpu cpu;
    struct xc_clock clock;

    enum xc_lifecycle on_poweroff, on_reboot, on_crash;

    /* devices */
    struct xc_str emulator;
    XC_VEC(struct xc_disk) disks;
    XC_VEC(struct xc_controller) controllers;
    XC_VEC(struct xc_net) nets;
    XC_VEC(struct xc_input) inputs;
    XC_VEC(struct xc_graphics) graphics;
    XC_VEC(struct xc_video) videos;
    XC_VEC(struct xc_sound) sounds;
    XC_VEC(struct xc_hostdev) hostdevs;
    XC_VEC(struct xc_chr) serials;
    XC_VEC(struct xc_chr) parallels;
    XC_VEC(struct xc_chr) consoles;
    XC_VEC(struct xc_chr) channels;
    /* <memballoon model='xen'/>; unset = none written */
    struct xc_str memballoon_model;

    /* <xen:commandline><xen:arg value='..'/> (xl device_model_args) */
    XC_VEC(struct xc_str) dm_args;

    XC_VEC(struct xc_leftover) leftovers;

    /* where the readers put this domain's strings (xc_strpool_enter);
     * freed last by xc_domain_free */
    struct xc_strpool strings;
};

void xc_domain_init(struct xc_domain *dom);
/* Free what one device owns and zero it (e.g. a half-built device a
 * reader discards). */
void xc_disk_clear(struct xc_disk *d);
/* d's rare fields for setting: allocated (all unset) on first use. */
struct xc_disk_rare *xc_disk_rare(struct xc_disk *d);
/* d's rare fields for reading: an all-unset instance when d has none. */
const struct xc_disk_rare *xc_disk_rare_ro(const struct xc_disk *d);
/* Frees d's rare fields (d->rare becomes NULL). */
void xc_disk_rare_clear(struct xc_disk *d);
void xc_net_clear(struct xc_net *n);
void xc_chr_clear(struct xc_chr *c);
void xc_hostdev_clear(struct xc_hostdev *h);
void xc_domain_free(struct xc_domain *dom);

/* Add a leftover record (copies key and value, value may be NULL). */
void xc_domain_add_leftover(struct xc_domain *dom, const char *key,
                            const char *value, struct xc_pos pos);

/* "c7a5fdb2-cdaf-9455-926a-d65c16db1809" <-> 16 bytes.  Parsing accepts
 * libvirt's spellings: 32 hex digits with optional '-' between pairs and
 * surrounding blanks.  0 on success, -1 on a malformed uuid. */
int xc_uuid_parse(const char *s, unsigned char out[16]);
void xc_uuid_format(const unsigned char uuid[16], char out[37]);
/* An interface target name libvirt or libxl generated ("vnet", "macvtap",
 * "macvlan" or libxl's "vif" prefix): shown in a running domain's XML,
 * dropped by an inactive parse and by inactive formatting. */
bool xc_net_ifname_generated(const char *ifname);

/* A random version-4 uuid, as libvirt makes for a config that has none. */
void xc_uuid_generate(unsigned char out[16]);

#endif
