/* The writing half shared by the xl and xm writers: libvirt 9.0.0's
 * xen_common.c format side (xenFormatConfigCommon and the spec builders
 * it uses), which both xen_xl.c and xen_xm.c call, parameterised by the
 * flavour (formats/xencommon/xen.h) where libvirt branches on the native
 * format.
 *
 * Conventions: spec builders append to an xc_buf and report through
 * xc_diags.  0 on success, -1 after an error diagnostic (in which case
 * the buffer holds a partial spec that must not be used).  Parts of the
 * model a spec cannot express are loss warnings [not-carried]; values
 * that would change the meaning of a spec are errors [unsafe-value]. */
#ifndef XC_XEN_WRITE_H
#define XC_XEN_WRITE_H

#include <stdbool.h>

#include "../../common/buf.h"
#include "../../common/diag.h"
#include "../../common/model.h"
#include "../../common/settings.h"
#include "../cfg/cfg.h"
#include "xen.h"

/* Check names used by the writers. */
#define XCW_UNSAFE "unsafe-value"
#define XCW_LOST "not-carried"
#define XCW_UNSUPPORTED "unsupported"

/* Characters a plain key=value spec field (vif, vfb, channel, cpuid ...)
 * may not hold: the spec parsers split specs on ',' and options on '='.
 * Control characters are refused everywhere. */
#define XCW_FORBID_SPEC ",="

/* ---- the writing context (xen_write.c) --------------------------------- */

struct xcw {
    const struct xc_domain *dom;
    const struct xc_settings *set;
    struct xc_cfg cfg;
    struct xc_diags *d;
    enum xc_xen_flavor flavor;
    bool hvm;
    bool failed;
};

/* Set up w for dom (libvirt's zero os type is hvm). */
void xcw_init(struct xcw *w, const struct xc_domain *dom,
              const struct xc_settings *set, struct xc_diags *d,
              enum xc_xen_flavor flavor);

/* virConfSetValue: replace in place or append. */
void xcw_set_str(struct xcw *w, const char *key, const char *v,
                 struct xc_pos pos);
void xcw_set_xstr(struct xcw *w, const char *key, const struct xc_str *v);
void xcw_set_num(struct xcw *w, const char *key, long long v);
/* A loss warning [not-carried] for what (e.g. "<title>"). */
void xcw_lost(struct xcw *w, struct xc_pos pos, const char *what);

/* OS keys xenFormatXLOS and xenFormatXMOS write alike: the HVM boot order
 * (`boot`); a PV guest's bootloader, bootargs, kernel, ramdisk and command
 * line (under cmdline_key, xl's "cmdline"; NULL: the caller writes it, as
 * xm does) with what PV cannot
 * carry; and the <os> parts neither format has (nvram, root, dtb). */
void xcw_set_boot(struct xcw *w);
void xcw_set_pv_boot(struct xcw *w, const char *cmdline_key);
void xcw_lost_os_extras(struct xcw *w);

/* A list value built from specs; set under key only when non-empty, as
 * libvirt does ("if (list->list != NULL) virConfSetValue"), and only when
 * nothing failed so far.  Each spec is held once: copied from the
 * caller's (reused) buffer into w->cfg's string store, in a cfg list
 * value that xcw_speclist_set moves into the tree.  Start from
 * XCW_SPECLIST_INIT; always end with xcw_speclist_set. */
struct xcw_speclist {
    struct xc_cfg_value list;
};
#define XCW_SPECLIST_INIT { XC_CFG_LIST_INIT }
/* Room for n specs (a hint: the list of a known device count). */
void xcw_speclist_reserve(struct xcw_speclist *l, size_t n);
void xcw_speclist_add(struct xcw *w, struct xcw_speclist *l,
                      const struct xc_buf *b, struct xc_pos pos);
void xcw_speclist_set(struct xcw *w, const char *key, struct xcw_speclist *l);

/* xenFormatConfigCommon: name, uuid, memory, vcpus, features, timers,
 * time offset, lifecycle, emulator, vnc/sdl/vfb, vif, pci, parallel and
 * serial, soundhw. */
void xcw_format_common(struct xcw *w);

/* Losses of devices neither writer carries beyond the ones the guest gets
 * anyway: consoles, video, a non-xen memballoon. */
void xcw_other_losses(struct xcw *w);

/* ---- output safety (xen_write_safe.c) ---------------------------------- */

/* true when value v may be written where forbid lists the separator
 * characters of the surrounding syntax (control characters are always
 * refused).  Otherwise an error at pos naming what (e.g. "interface
 * bridge") and where (e.g. "a vif spec"), and false. */
bool xc_xenw_check(const char *v, struct xc_pos pos, const char *what,
                   const char *where, const char *forbid, struct xc_diags *d);

/* Append v's text to b after xc_xenw_check; -1 when refused. */
int xc_xenw_append_checked(struct xc_buf *b, const struct xc_str *v,
                           const char *what, const char *where,
                           const char *forbid, struct xc_diags *d);

/* Append "key=v" to a spec, after a ',' unless first (v already checked). */
void xc_xenw_spec_append(struct xc_buf *spec, bool first, const char *key,
                         const char *v);
/* Append ",key=value" (no leading comma when first) after xc_xenw_check
 * with XCW_FORBID_SPEC.  -1 when refused. */
int xc_xenw_spec_field(struct xc_buf *spec, bool first, const char *key,
                       const struct xc_str *value, const char *what,
                       const char *where, struct xc_diags *d);

/* ---- cpu sets (xen_write_cpu.c) ---------------------------------------- */

/* Parse a libvirt cpuset ("0-3,^2, 5") and append libvirt's canonical
 * form ("0-1,3,5").  An empty set appends nothing.  -1 with an error at
 * the value's position when it is malformed or names a cpu >= 16384
 * (libvirt's VIR_DOMAIN_CPUMASK_LEN). */
int xc_xenw_cpuset(const struct xc_str *set, const char *what,
                   struct xc_buf *out, bool *empty, struct xc_diags *d);

/* ---- device specs (xen_write_dev.c) ------------------------------------ */

/* One vif spec, as xenFormatNet; vif_typename is what a netfront model
 * of an HVM guest is written as (type=vif for xl, type=netfront for xm). */
int xc_xenw_vif(const struct xc_net *net, bool hvm, const char *vif_typename,
                struct xc_buf *out, struct xc_diags *d);

/* One pci spec "DDDD:BB:SS.F[,permissive=N]". */
int xc_xenw_pci(const struct xc_hostdev *hd, struct xc_buf *out,
                struct xc_diags *d);

/* Loss warnings for hostdev attributes no spec carries. */
void xc_xenw_hostdev_warnings(const struct xc_hostdev *hd, struct xc_diags *d);

/* A serial or parallel device as a qemu character device string
 * ("pty", "file:/path", "tcp:host:port,server,nowait", ...), as
 * xenFormatSxprChr.  what names the device in diagnostics. */
int xc_xenw_chr(const struct xc_chr *chr, const char *what,
                struct xc_buf *out, struct xc_diags *d);
/* The same with the bytes a path may not hold given by the caller: xl and
 * xm refuse ',', '\' and ')' (see xen_write_dev.c); the sxpr writer, which
 * quotes the whole string, only ','. */
int xc_xenw_chr_spec(const struct xc_chr *chr, const char *what,
                     const char *path_forbid, struct xc_buf *out,
                     struct xc_diags *d);

/* Serial devices listed by port, as xl and the sxpr write them: element p
 * is the index in dom->serials of the first device on port p, or SIZE_MAX
 * for a gap; *nports = highest port + 1.  A second device on one port is a
 * loss warning.  NULL after an error (a port above 4096: the list would
 * dwarf the input); "fmt" names the format in it.  The caller frees. */
size_t *xc_xenw_serials_by_port(const struct xc_domain *dom, const char *fmt,
                                size_t *nports, struct xc_diags *d);
/* The port of a serial device (0 when none is given). */
unsigned xc_xenw_chr_port(const struct xc_chr *c);

/* The clock as xl/xm/sxpr keys: *localtime, and for HVM *rtc (the
 * rtc_timeoffset).  0, or -1 after an error (an offset or adjustment the
 * keys cannot express, as libvirt refuses them). */
int xc_xenw_clock(const struct xc_clock *c, bool hvm, int *localtime,
                  long long *rtc, struct xc_diags *d);

/* The soundhw value of an HVM guest ("sb16,es1370"; a model libvirt
 * does not know is an error at its position): 0, or -1 after an error. */
int xc_xenw_soundhw(const struct xc_domain *dom, struct xc_buf *out,
                    struct xc_diags *d);

/* The vfb spec of a PV guest's graphics device. */
int xc_xenw_vfb(const struct xc_graphics *g, struct xc_buf *out,
                struct xc_diags *d);

/* The effective vnc autoport flag and port, as libvirt's parser sets
 * them for an inactive definition. */
bool xc_xenw_vnc_autoport(const struct xc_graphics *g);
int xc_xenw_vnc_port(const struct xc_graphics *g);

#endif
