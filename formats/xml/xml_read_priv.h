/* Internals of the domain XML reader (formats/xml/xml_read*.c).
 *
 * The reader is an expat-driven element stack.  Every element the model
 * holds has an entry in a dispatch table (xml_read_table.c) naming its
 * parent, an optional start handler (attributes) and an optional end
 * handler (text content).  Elements without an entry, and attributes a
 * handler did not take, become "unmodeled" warnings and leftovers. */
#ifndef XC_XML_READ_PRIV_H
#define XC_XML_READ_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../../common/buf.h"
#include "../../common/diag.h"
#include "../../common/model.h"
#include "../../common/settings.h"
#include "../../common/strset.h"

/* Element ids: one per (parent, name) the reader understands. */
enum xr_elem_id {
    XR_NONE = 0,
    XR_ROOT,            /* the document itself (parent of <domain>) */
    XR_DOMAIN,
    XR_NAME, XR_UUID, XR_TITLE, XR_DESCRIPTION,
    XR_MEMORY, XR_CURRENT_MEMORY,
    XR_VCPU, XR_CPUTUNE, XR_CPUTUNE_SHARES,
    XR_BOOTLOADER, XR_BOOTLOADER_ARGS,
    XR_OS, XR_OS_TYPE, XR_OS_LOADER, XR_OS_NVRAM, XR_OS_KERNEL, XR_OS_INITRD,
    XR_OS_CMDLINE, XR_OS_ROOT, XR_OS_DTB, XR_OS_BOOT, XR_OS_BOOTMENU,
    XR_OS_ACPI, XR_OS_ACPI_TABLE,
    XR_FEATURES, XR_FEAT_SIMPLE, XR_FEAT_STATE, XR_FEAT_XEN,
    XR_FEAT_XEN_E820, XR_FEAT_XEN_PASSTHROUGH,
    XR_CPU, XR_CPU_MODEL, XR_CPU_FEATURE, XR_CPU_NUMA, XR_NUMA_CELL,
    XR_NUMA_DISTANCES, XR_NUMA_SIBLING,
    XR_CLOCK, XR_TIMER,
    XR_ON_POWEROFF, XR_ON_REBOOT, XR_ON_CRASH,
    XR_DEVICES, XR_EMULATOR,
    XR_DISK, XR_DISK_DRIVER, XR_DISK_SOURCE, XR_DISK_HOST, XR_DISK_TARGET,
    XR_DISK_READONLY, XR_DISK_SHAREABLE, XR_DISK_TRANSIENT, XR_DISK_ADDRESS,
    XR_DISK_AUTH, XR_DISK_SECRET, XR_DISK_SNAPSHOT, XR_DISK_CONFIG,
    XR_CONTROLLER,
    XR_NET, XR_NET_MAC, XR_NET_SOURCE, XR_NET_SOURCE_ADDRESS, XR_NET_SCRIPT,
    XR_NET_MODEL, XR_NET_TARGET, XR_NET_DRIVER, XR_NET_IP, XR_NET_BANDWIDTH,
    XR_NET_OUTBOUND, XR_NET_VIRTUALPORT, XR_NET_VLAN, XR_NET_VLAN_TAG,
    XR_NET_BACKENDDOMAIN,
    XR_INPUT,
    XR_GRAPHICS, XR_GFX_LISTEN, XR_GFX_MOUSE, XR_GFX_CLIPBOARD, XR_GFX_GL,
    XR_VIDEO, XR_VIDEO_MODEL,
    XR_SOUND,
    XR_HOSTDEV, XR_HOSTDEV_DRIVER, XR_HOSTDEV_SOURCE, XR_HOSTDEV_ADDRESS,
    XR_HOSTDEV_VENDOR, XR_HOSTDEV_PRODUCT,
    XR_MEMBALLOON,
    XR_CHR, XR_CHR_SOURCE, XR_CHR_PROTOCOL, XR_CHR_TARGET,
    XR_XEN_CMDLINE, XR_XEN_ARG,
    XR_UNKNOWN,         /* an element the model does not hold (subtree skipped) */
    XR_ELEM_COUNT
};

struct xr_ctx;
struct xr_frame;

/* Expat's attribute list: name, value, name, value, ..., NULL. */
typedef int (*xr_start_fn)(struct xr_ctx *c, struct xr_frame *f);
typedef int (*xr_end_fn)(struct xr_ctx *c, struct xr_frame *f,
                         const char *text, size_t len);

enum {
    XR_F_TEXT = 1,      /* collect character data for the end handler */
    XR_F_ONCE = 2,      /* libvirt reads only the first such element */
};

struct xr_elem {
    enum xr_elem_id parent;
    const char *name;   /* local name; namespaced as "URI NAME" */
    enum xr_elem_id id;
    unsigned flags;
    xr_start_fn start;
    xr_end_fn end;
};

struct xr_frame {
    const struct xr_elem *e;    /* NULL for unknown elements */
    enum xr_elem_id id;
    struct xc_pos pos;          /* the '<'; for text elements, once text
                                 * was seen, its first non-blank byte */
    bool has_text_pos;
    size_t text_start;          /* offset into ctx->text */
    const char *name;           /* element name (valid in the start handler) */
    bool text_warned;
    int aux;                    /* per-element scratch (e.g. device kind) */
    unsigned long serial;       /* unique per element instance */
};

/* One attribute list being examined by a start handler. */
struct xr_attrs {
    const char **atts;
    size_t n;                   /* number of attributes */
    unsigned char *used;        /* n flags */
};

/* Which chr list a <serial>/<parallel>/<console>/<channel> goes to. */
enum xr_chr_kind { XR_CHR_SERIAL, XR_CHR_PARALLEL, XR_CHR_CONSOLE, XR_CHR_CHANNEL };

/* Line-scan state at a byte offset (see xr_offset_pos). */
struct xr_scan_ckpt {
    size_t line, line_start;
    bool prev_cr;
};
enum { XR_SCAN_CKPT = 512 };

struct xr_ctx {
    struct xc_domain *dom;
    struct xc_diags *d;
    const struct xc_settings *set;
    const char *data;           /* the whole input */
    size_t len;
    void *parser;               /* XML_Parser */
    bool failed;                /* an error was reported */
    bool stopped;               /* parser stopped on an error */

    /* element stack */
    XC_VEC(struct xr_frame) stack;
    struct xc_buf text;         /* character data of text elements */
    struct xr_attrs attrs;      /* attributes of the element being started */
    size_t attrs_cap;
    /* Byte offsets of the current start tag's attributes (name, value),
     * found by one scan of the tag the first time a position is asked
     * for (xml_read_attr.c): attr_offs_tag and attr_offs_len are the
     * parser event's byte index (-1: none scanned) and byte count,
     * attr_offs_n how many attributes were found. */
    long long attr_offs_tag;
    int attr_offs_len;
    size_t *attr_offs, attr_offs_n, attr_offs_cap;
    size_t unknown_depth;       /* >0 while inside an unmodeled subtree */

    /* byte offset -> line/column, advanced monotonically; the state at
     * every XR_SCAN_CKPT-th byte passed is kept, so that a position
     * behind the cursor costs at most XR_SCAN_CKPT bytes of scanning */
    size_t scan_off, scan_line, scan_line_start;
    bool scan_prev_cr;
    XC_VEC(struct xr_scan_ckpt) scan_ckpts;

    /* XR_F_ONCE elements: serial of the parent instance that has one */
    unsigned long seen[XR_ELEM_COUNT];
    unsigned long serial_next;
    /* element paths, for leftovers */
    struct xc_buf path;

    /* current device being filled (valid between its start and end) */
    struct xc_disk *disk;
    bool disk_has_source;
    struct xc_controller *ctrl;
    struct xc_net *net;
    bool net_has_source, net_has_mac, net_has_vlan, net_vlan_trunk_no;
    unsigned net_ntags;
    struct xc_graphics *gfx;
    bool gfx_listen_seen;
    struct xc_video *video;
    struct xc_hostdev *hostdev;
    struct xc_chr *chr;
    enum xr_chr_kind chr_kind;
    unsigned chr_nsources, chr_nprotocols;
    long long parallel_maxport;     /* -1 before any parallel */
    bool chr_has_target;
    struct xc_numa_cell *cell;
    bool cell_has_distances;
    unsigned cell_nsiblings;
    unsigned cell_cur;          /* id of the cell being read */
    bool in_net_source_hostdev;
    /* things that are only known once the whole document is read */
    bool have_os_type, have_vcpu, have_uuid, have_on_poweroff, have_on_reboot, have_on_crash;
    bool os_type_linux;
    struct xc_pos domain_pos;
    bool saw_domain;
    /* disks/controllers/videos/cpu features: finalized in xml_read_order.c */
    XC_VEC(struct xr_sibling) siblings;
    XC_VEC(unsigned) cell_ids;   /* id of each parsed numa cell, doc order */
    XC_VEC(struct xc_pos) boot_pos;
    struct xc_strset *cpu_feature_names;
    /* unit attribute of the <memory>-like element being read */
    char *unit;
    struct xc_pos unit_pos;
    unsigned nacpi_tables;
};

struct xr_sibling {
    unsigned cell, id, value;
    struct xc_pos pos;
};

/* ---- core (xml_read.c) ---------------------------------------------- */
struct xc_pos xr_pos(struct xr_ctx *c);
struct xc_pos xr_offset_pos(struct xr_ctx *c, size_t off);       /* position of the current element */
const struct xr_elem *xr_lookup(enum xr_elem_id parent, const char *name);
extern const struct xr_elem xr_elems[];
extern const size_t xr_nelems;

/* Diagnostics: error (stops nothing by itself; the caller returns -1). */
int xr_error(struct xr_ctx *c, struct xc_pos pos, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void xr_unmodeled(struct xr_ctx *c, struct xc_pos pos, const char *what,
                  const char *value);
const char *xr_path(struct xr_ctx *c);       /* "/domain/devices/disk" of the current element */

/* ---- attributes (xml_read_attr.c) ------------------------------------ */
/* Value of attribute name (marking it used), NULL if absent. */
const char *xr_attr(struct xr_ctx *c, const char *name);
/* Whether the attribute exists, without marking it used. */
bool xr_attr_present(struct xr_ctx *c, const char *name);
/* Position of attribute name in the current start tag (element pos if unknown). */
struct xc_pos xr_attr_pos(struct xr_ctx *c, const char *name);
/* Warn about every attribute no handler took. */
void xr_attrs_leftover(struct xr_ctx *c, struct xc_pos elem_pos);
/* Mark every attribute used (elements whose attrs are reported elsewhere). */
void xr_attrs_all_used(struct xr_ctx *c);

/* Typed attribute readers: return 1 when present and valid, 0 when
 * absent, -1 after an error diagnostic. */
int xr_attr_str(struct xr_ctx *c, const char *name, struct xc_str *out);
int xr_attr_uint(struct xr_ctx *c, const char *name, int base, unsigned *out);
int xr_attr_int(struct xr_ctx *c, const char *name, int base, int *out);
int xr_attr_ull(struct xr_ctx *c, const char *name, int base, unsigned long long *out);
int xr_attr_tristate(struct xr_ctx *c, const char *name, enum xc_tristate *out);  /* yes/no */
int xr_attr_switch(struct xr_ctx *c, const char *name, enum xc_tristate *out);    /* on/off */
/* Enum attribute from a model name table.  libvirt_only lists values
 * libvirt accepts that the model cannot hold (NULL-terminated, may be
 * NULL): those give a warning and return 2. */
int xr_attr_enum(struct xr_ctx *c, const char *name, enum xc_enum_table t,
                 const char *const *libvirt_only, int *out);
/* String attribute that must be one of list (NULL-terminated). */
int xr_attr_oneof(struct xr_ctx *c, const char *name, const char *const *list,
                  struct xc_str *out);
bool xr_in_list(const char *const *list, const char *s);

/* Text content helpers. */
void xr_text_set(struct xc_str *dst, const char *text, size_t len, struct xc_pos pos);

/* ---- handlers ---------------------------------------------------------- */
/* xml_read_domain.c */
int xr_domain_start(struct xr_ctx *c, struct xr_frame *f);
int xr_domain_end(struct xr_ctx *c, struct xr_frame *f, const char *t, size_t n);
int xr_text_name(struct xr_ctx *c, struct xr_frame *f, const char *t, size_t n);
int xr_text_uuid(struct xr_ctx *c, struct xr_frame *f, const char *t, size_t n);
int xr_text_title(struct xr_ctx *c, struct xr_frame *f, const char *t, size_t n);
int xr_text_description(struct xr_ctx *c, struct xr_frame *f, const char *t, size_t n);
int xr_memory_start(struct xr_ctx *c, struct xr_frame *f);
int xr_memory_end(struct xr_ctx *c, struct xr_frame *f, const char *t, size_t n);
int xr_vcpu_start(struct xr_ctx *c, struct xr_frame *f);
int xr_vcpu_end(struct xr_ctx *c, struct xr_frame *f, const char *t, size_t n);
int xr_shares_end(struct xr_ctx *c, struct xr_frame *f, const char *t, size_t n);
int xr_text_bootloader(struct xr_ctx *c, struct xr_frame *f, const char *t, size_t n);
int xr_text_bootloader_args(struct xr_ctx *c, struct xr_frame *f, const char *t, size_t n);
int xr_lifecycle_end(struct xr_ctx *c, struct xr_frame *f, const char *t, size_t n);
int xr_xen_arg_start(struct xr_ctx *c, struct xr_frame *f);
/* xml_read_os.c */
int xr_os_type_start(struct xr_ctx *c, struct xr_frame *f);
int xr_os_type_end(struct xr_ctx *c, struct xr_frame *f, const char *t, size_t n);
int xr_loader_start(struct xr_ctx *c, struct xr_frame *f);
int xr_loader_end(struct xr_ctx *c, struct xr_frame *f, const char *t, size_t n);
int xr_os_text_end(struct xr_ctx *c, struct xr_frame *f, const char *t, size_t n);
int xr_boot_start(struct xr_ctx *c, struct xr_frame *f);
int xr_bootmenu_start(struct xr_ctx *c, struct xr_frame *f);
int xr_acpi_table_start(struct xr_ctx *c, struct xr_frame *f);
int xr_acpi_table_end(struct xr_ctx *c, struct xr_frame *f, const char *t, size_t n);
int xr_feature_start(struct xr_ctx *c, struct xr_frame *f);
int xr_feature_xen_child_start(struct xr_ctx *c, struct xr_frame *f);
int xr_clock_start(struct xr_ctx *c, struct xr_frame *f);
int xr_timer_start(struct xr_ctx *c, struct xr_frame *f);
/* xml_read_cpu.c */
int xr_cpu_start(struct xr_ctx *c, struct xr_frame *f);
int xr_cpu_end(struct xr_ctx *c, struct xr_frame *f, const char *t, size_t n);
int xr_cpu_model_end(struct xr_ctx *c, struct xr_frame *f, const char *t, size_t n);
int xr_cpu_feature_start(struct xr_ctx *c, struct xr_frame *f);
int xr_numa_start(struct xr_ctx *c, struct xr_frame *f);
int xr_numa_end(struct xr_ctx *c, struct xr_frame *f, const char *t, size_t n);
int xr_cell_start(struct xr_ctx *c, struct xr_frame *f);
int xr_cell_end(struct xr_ctx *c, struct xr_frame *f, const char *t, size_t n);
int xr_distances_start(struct xr_ctx *c, struct xr_frame *f);
int xr_sibling_start(struct xr_ctx *c, struct xr_frame *f);
void xr_cpu_free(struct xr_ctx *c);
/* xml_read_disk.c */
int xr_disk_start(struct xr_ctx *c, struct xr_frame *f);
int xr_disk_end(struct xr_ctx *c, struct xr_frame *f, const char *t, size_t n);
int xr_disk_driver_start(struct xr_ctx *c, struct xr_frame *f);
int xr_disk_source_start(struct xr_ctx *c, struct xr_frame *f);
int xr_disk_host_start(struct xr_ctx *c, struct xr_frame *f);
int xr_disk_target_start(struct xr_ctx *c, struct xr_frame *f);
int xr_disk_flag_start(struct xr_ctx *c, struct xr_frame *f);
int xr_disk_address_start(struct xr_ctx *c, struct xr_frame *f);
int xr_disk_source_child_start(struct xr_ctx *c, struct xr_frame *f);
int xr_disk_auth_start(struct xr_ctx *c, struct xr_frame *f);
int xr_disk_secret_start(struct xr_ctx *c, struct xr_frame *f);
int xr_controller_start(struct xr_ctx *c, struct xr_frame *f);
int xr_controller_end(struct xr_ctx *c, struct xr_frame *f, const char *t, size_t n);
/* xml_read_net.c */
int xr_net_start(struct xr_ctx *c, struct xr_frame *f);
int xr_net_end(struct xr_ctx *c, struct xr_frame *f, const char *t, size_t n);
int xr_net_child_start(struct xr_ctx *c, struct xr_frame *f);
int xr_net_source_address_start(struct xr_ctx *c, struct xr_frame *f);
/* xml_read_devices.c */
int xr_emulator_end(struct xr_ctx *c, struct xr_frame *f, const char *t, size_t n);
int xr_input_start(struct xr_ctx *c, struct xr_frame *f);
int xr_graphics_start(struct xr_ctx *c, struct xr_frame *f);
int xr_graphics_end(struct xr_ctx *c, struct xr_frame *f, const char *t, size_t n);
int xr_gfx_child_start(struct xr_ctx *c, struct xr_frame *f);
int xr_video_start(struct xr_ctx *c, struct xr_frame *f);
int xr_video_end(struct xr_ctx *c, struct xr_frame *f, const char *t, size_t n);
int xr_video_model_start(struct xr_ctx *c, struct xr_frame *f);
int xr_sound_start(struct xr_ctx *c, struct xr_frame *f);
int xr_hostdev_start(struct xr_ctx *c, struct xr_frame *f);
int xr_hostdev_end(struct xr_ctx *c, struct xr_frame *f, const char *t, size_t n);
int xr_hostdev_child_start(struct xr_ctx *c, struct xr_frame *f);
int xr_memballoon_start(struct xr_ctx *c, struct xr_frame *f);
/* Shared by hostdev and interface type='hostdev': <address type='pci'>. */
int xr_pci_address(struct xr_ctx *c, struct xc_pos pos, struct xc_pci_addr *a);
/* xml_read_chr.c */
int xr_chr_start(struct xr_ctx *c, struct xr_frame *f);
int xr_chr_end(struct xr_ctx *c, struct xr_frame *f, const char *t, size_t n);
int xr_chr_source_start(struct xr_ctx *c, struct xr_frame *f);
int xr_chr_protocol_start(struct xr_ctx *c, struct xr_frame *f);
int xr_chr_target_start(struct xr_ctx *c, struct xr_frame *f);
/* xml_read_order.c: libvirt's parse-time orderings and defaults, run once
 * the document has been read. */
int xr_finish(struct xr_ctx *c);
/* virDiskNameToIndex */
int xr_disk_name_index(const char *name);

#endif
