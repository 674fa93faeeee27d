/* Internal interface between the converters/defaults*.c files.  Each file
 * mirrors one part of libvirt 9.0.0's virDomainDefPostParse (with the
 * libxl driver's callbacks) or virDomainDefValidate; defaults.c runs them
 * in libvirt's order. */
#ifndef XC_DEFAULTS_PRIV_H
#define XC_DEFAULTS_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "defaults.h"

/* ---- a small hash map: 64-bit key -> size_t value --------------------
 * Several entries may share a key (e.g. a string hash); lookups then ask
 * `eq` whether a stored value is the one wanted.  Linear-time checks over
 * 100,000 devices are built on this. */
struct dflt_map_ent {
    uint64_t key;
    size_t val;
    bool used;
};
struct dflt_map {
    struct dflt_map_ent *e;
    size_t cap, n;
};
typedef bool (*dflt_map_eq)(size_t val, const void *ctx);

/* Pointer to the stored value of the first entry with this key that eq
 * accepts (eq NULL: any entry with the key); NULL when there is none. */
size_t *dflt_map_find(const struct dflt_map *m, uint64_t key, dflt_map_eq eq,
                      const void *ctx);
void dflt_map_put(struct dflt_map *m, uint64_t key, size_t val);
void dflt_map_free(struct dflt_map *m);
uint64_t dflt_hash_str(const char *s);

/* ---- state of one run ------------------------------------------------ */
struct dflt {
    struct xc_domain *dom;
    const struct xc_settings *set;
    enum xc_origin origin;
    struct xc_diags *d;
    /* (controller type, index) of every controller with an index */
    struct dflt_map ctrl_used;
    /* next candidate for "lowest unused index", per controller type */
    unsigned ctrl_next[XC_CTRL_XENBUS + 1];
};

static inline bool dflt_hvm(const struct dflt *st)
{
    return st->dom->os.type == XC_OS_HVM;
}

static inline bool dflt_streq(const struct xc_str *s, const char *lit)
{
    return s->s && lit && strcmp(s->s, lit) == 0;
}

#define DFLT_CHECK "postparse"
#define DFLT_CHECK_VALIDATE "validate"

/* defaults_os.c: domain-wide parts */
void dflt_os_caps(struct dflt *st);             /* arch / machine fallback */
int dflt_memory(struct dflt *st);               /* virDomainDefPostParseMemory */
void dflt_os_loader(struct dflt *st);           /* virDomainDefPostParseOs */
void dflt_boot_order(struct dflt *st);          /* virDomainDefBootOrderPostParse */
int dflt_timers(struct dflt *st);               /* virDomainDefPostParseTimer */
void dflt_clock_basis(struct dflt *st);
int dflt_cpu(struct dflt *st);                  /* virDomainDefPostParseCPU */
int dflt_name(struct dflt *st);                 /* ...CheckFeatures: name */
void dflt_libxl_features(struct dflt *st);      /* libxl: pae / acpi */

/* defaults_controllers.c */
void dflt_ctrl_init(struct dflt *st);
void dflt_ctrl_fini(struct dflt *st);
void dflt_ctrl_assign_indexes(struct dflt *st); /* virDomainAssignControllerIndexes */
void dflt_ctrl_xenbus(struct dflt *st);         /* libxl: implicit xenbus */
int dflt_ctrl_reject_duplicates(struct dflt *st);
int dflt_ctrl_implicit(struct dflt *st);        /* virDomainDefAddImplicitControllers */

/* defaults_disks.c */
int dflt_disk(struct dflt *st, struct xc_disk *disk);
/* virDiskNameToIndex: -1 when name is not a known disk name. */
long dflt_disk_name_index(const char *name);

/* defaults_devices.c: per-device post-parse of the other device kinds and
 * libxl's implicit inputs / memballoon / video */
void dflt_net(struct dflt *st, struct xc_net *net);
void dflt_hostdev(struct dflt *st, struct xc_hostdev *hd);
void dflt_video(struct dflt *st, struct xc_video *video);
void dflt_inputs(struct dflt *st);              /* xenDomainDefAddImplicitInputDevice */
void dflt_memballoon(struct dflt *st);
void dflt_video_implicit(struct dflt *st);      /* virDomainDefAddImplicitVideo */
void dflt_video_primary(struct dflt *st);       /* virDomainDefPostParseVideo */

/* defaults_console.c: serial / parallel / console / channel */
void dflt_pv_console(struct dflt *st);          /* libxl: PV console */
int dflt_isa_serials(struct dflt *st);          /* virDomainChrIsaSerialDefPostParse */
int dflt_chr_lists(struct dflt *st);            /* per-chr post-parse, all lists */
int dflt_console_compat(struct dflt *st);       /* virDomainDefAddConsoleCompat */
int dflt_serial0(struct dflt *st);              /* re-post-parse serials[0] */

/* defaults_validate.c: virDomainDefValidate + libxlDomainDefValidate */
int dflt_validate(struct dflt *st);

#endif
