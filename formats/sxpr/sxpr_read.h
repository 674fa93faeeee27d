/* Private interface of the xen-sxpr reader (sxpr_read*.c): the reading
 * context, libvirt-style lookups that remember what they read, value
 * accessors with positioned diagnostics, and one entry per section
 * (one per function of libvirt's historical xen_sxpr.c). */
#ifndef XC_SXPR_READ_H
#define XC_SXPR_READ_H

#include <stdbool.h>
#include <stdint.h>

#include "../../common/model.h"
#include "../../common/vec.h"
#include "sxpr_tree.h"

/* A list whose elements after the head are keys (or device kinds): the
 * unused-key report looks at each of them. */
enum sxr_scope_kind {
    SXR_SC_TOP,          /* (domain ...) / (vm ...) */
    SXR_SC_IMAGE,        /* (image ...): its elements are image kinds */
    SXR_SC_IMAGE_KIND,   /* (linux ...) / (hvm ...) */
    SXR_SC_DEVICE,       /* (device ...): its elements are device kinds */
    SXR_SC_DEVICE_KIND,  /* (vbd ...), (vif ...), (vfb ...), (pci ...) ... */
    SXR_SC_PCI_DEV       /* (dev ...) inside (pci ...) */
};

/* Every scope list there is: its kind and the key path shown in
 * messages ("image/hvm/"). */
enum sxr_scope_name {
    SXR_TOP, SXR_IMAGE, SXR_IMAGE_HVM, SXR_IMAGE_LINUX, SXR_DEVICE,
    SXR_DEV_VBD, SXR_DEV_TAP2, SXR_DEV_TAP, SXR_DEV_VIF, SXR_DEV_PCI,
    SXR_DEV_PCI_DEV, SXR_DEV_VFB, SXR_DEV_VKBD, SXR_NSCOPE_NAMES
};

/* A registered scope, as the unused-key report looks at it. */
struct sxr_scope {
    xc_sx_id list;
    enum sxr_scope_kind kind;
    const char *prefix;
};
/* ... and as it is kept (a 100,000-disk dump registers 200,000): the list
 * id (below 2^28: a parsed tree has fewer nodes than half its input's
 * bytes, at most 2^28) and the name above it. */
#define SXR_SCOPE_SHIFT 28

struct sxr {
    const struct xc_sx_tree *t;
    struct xc_domain *dom;
    struct xc_diags *d;
    xc_sx_id root;
    bool hvm;
    const char *image_kind;   /* "hvm" or "linux": image/<kind>/... paths */
    unsigned char *used;      /* 2 bits per node, see sxr_used */
    XC_VEC(uint32_t) scopes;  /* registration order, SXR_SCOPE_SHIFT */
    bool failed;              /* at least one error reported */
};

#define sxr_error(r, pos, check, ...) \
    ((r)->failed = true, xc_error((r)->d, pos, check, __VA_ARGS__))

/* ---- lookups (sxpr_read_util.c) ----------------------------------------
 * PATH is relative to LIST ("image/hvm/kernel" under the domain list):
 * each component selects the first element that is a list headed by it,
 * as libvirt's sexpr_lookup_key.  Every list found on the way is marked
 * read. */

/* The key list found (libvirt's sexpr_has), or 0. */
xc_sx_id sxr_key(struct sxr *r, xc_sx_id list, const char *path);
/* The same without marking anything read. */
xc_sx_id sxr_peek(struct sxr *r, xc_sx_id list, const char *path);
/* libvirt's sexpr_lookup: the key list if it holds at least one element
 * after its head, else 0. */
xc_sx_id sxr_lookup(struct sxr *r, xc_sx_id list, const char *path);
/* libvirt's sexpr_node: the text of the element after the key when it is
 * an atom (marked read; *id receives it when id is not NULL), else NULL.
 * A list there is an error [bad-value] (libvirt read it as absent). */
const char *sxr_node(struct sxr *r, xc_sx_id list, const char *path,
                     xc_sx_id *id);
/* libvirt's sexpr_node_copy: a non-empty value into dst with its atom's
 * position; an empty one leaves dst unset. */
void sxr_copy(struct sxr *r, xc_sx_id list, const char *path,
              struct xc_str *dst);
/* sexpr_int / sexpr_u64, but strict: the whole atom must be a number
 * (base 0: decimal, 0x hex, 0 octal, as strtol(..., 0)) within [min, max],
 * else an error naming the atom.  1 when read, 0 when absent (*out left
 * alone), -1 after an error. */
int sxr_int(struct sxr *r, xc_sx_id list, const char *path, long long min,
            long long max, long long *out);
int sxr_u64(struct sxr *r, xc_sx_id list, const char *path, uint64_t max,
            uint64_t *out);

/* The position of an atom or list; xc_nopos for 0. */
static inline struct xc_pos sxr_pos(const struct sxr *r, xc_sx_id id)
{
    return xc_sx_pos(r->t, id);
}
/* A node's state: 0 unread, 1 read, 2 a registered scope (checked as
 * such); four nodes a byte. */
static inline unsigned sxr_used(const struct sxr *r, xc_sx_id id)
{
    return (r->used[id >> 2] >> ((id & 3) * 2)) & 3u;
}
static inline void sxr_set_used(struct sxr *r, xc_sx_id id, unsigned state)
{
    unsigned shift = (id & 3) * 2;
    r->used[id >> 2] = (unsigned char)((r->used[id >> 2] & ~(3u << shift)) |
                                       state << shift);
}
static inline void sxr_mark(struct sxr *r, xc_sx_id id)
{
    if (id && !sxr_used(r, id))
        sxr_set_used(r, id, 1);
}
/* The element after the head of a list (its first value), or 0. */
xc_sx_id sxr_value_id(const struct sxr *r, xc_sx_id list);
/* Register a list whose elements the unused-key report must check. */
void sxr_scope(struct sxr *r, xc_sx_id list, enum sxr_scope_name name);
/* The i-th registered scope. */
struct sxr_scope sxr_scope_at(const struct sxr *r, size_t i);

/* Every element of a registered scope that no section read: a loss
 * [unused-key] with its position (and a leftover), a note for xend's
 * runtime state [runtime-state], nothing for a value equal to xend's
 * default or an empty one (sxpr_read_unused.c). */
void sxr_report_unused(struct sxr *r);

/* ---- sections ---------------------------------------------------------- */
int sxr_read_os(struct sxr *r);         /* xenParseSxprOS (sxpr_read.c) */
/* The (device ...) elements of the domain: disks, nets, pci, vfb,
 * vkbd, in libvirt's order per kind (sxpr_read_dev.c). */
int sxr_read_devices(struct sxr *r);
/* One (device (vbd|tap|tap2 ...)) (sxpr_read_disk.c); 1 when it was a
 * disk, 0 when not, -1 on error.  *bootable tells `(bootable 1)`. */
int sxr_read_disk(struct sxr *r, xc_sx_id device, struct xc_disk *disk,
                  bool *bootable);
/* One (device (vif ...)) (sxpr_read_net.c), index-th vif. */
int sxr_read_net(struct sxr *r, xc_sx_id device, unsigned index);
/* image/hvm/serial and parallel, or the PV console (sxpr_read_chr.c). */
int sxr_read_chardevs(struct sxr *r);
/* vfb (new style) and image vnc/sdl (old style), HVM usbdevice and
 * soundhw (sxpr_read_dev.c). */
int sxr_read_graphics_new(struct sxr *r, xc_sx_id device);
int sxr_read_graphics_old(struct sxr *r);
int sxr_read_usb(struct sxr *r);
int sxr_read_sound(struct sxr *r);

#endif
