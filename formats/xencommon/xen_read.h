/* The reading half shared by the xl and xm readers: libvirt 9.0.0's
 * xen_common.c parse side (xenParseConfigCommon and the helpers it
 * uses), which both of libvirt's xen_xl.c and xen_xm.c call.  The few
 * places libvirt branches on the native format are the flavour of the
 * reading context (struct xcr.flavor): the vif type name ("vif" for xl,
 * "netfront" for xm) and a serial list, which xm refuses.
 *
 * Every parser here reports problems through xc_diags at the position of
 * the value (or list item) it was handed and returns -1 on error. */
#ifndef XC_XEN_READ_H
#define XC_XEN_READ_H

#include <stdbool.h>
#include <stdint.h>

#include "../cfg/cfg.h"
#include "../format.h"
#include "xen.h"

struct xcr {
    struct xc_cfg *cfg;
    struct xc_domain *dom;
    struct xc_diags *d;
    const struct xc_settings *set;
    enum xc_xen_flavor flavor;
    bool failed;              /* at least one error reported */
};

/* The position of byte off of text, where text starts at start (text is a
 * value's bytes exactly as written, so newlines move to the next line). */
struct xc_pos xcr_pos_at(struct xc_pos start, const char *text, size_t off);

/* The same for many offsets into one text: each call scans on from the
 * previous offset (back from the start only when off goes backwards), so
 * positions asked in increasing order cost one pass over text in all. */
struct xcr_poscur {
    struct xc_pos start, pos;
    const char *text;
    size_t off;
};
void xcr_poscur_init(struct xcr_poscur *pc, struct xc_pos start, const char *text);
struct xc_pos xcr_pos_next(struct xcr_poscur *pc, size_t off);

/* Where a value's contents start: inside the quotes of a string (one
 * byte, or three for a triple-quoted one), else the value's position. */
struct xc_pos xcr_inner(const struct xc_cfg_value *v);

/* ---- accessors (xen_read_util.c) -------------------------------------- */

/* The text of a STRING value as libvirt's virConf hands it over (bytes
 * between the quotes, no escapes), or the NUMBER literal. */
const char *xcr_text(const struct xc_cfg_value *v);

/* The value of key, marked used; NULL if absent. */
struct xc_cfg_value *xcr_value(struct xcr *r, const char *key);

/* xenConfigGetString / CopyStringOpt: *out is the text or NULL when
 * absent; a non-string value is an error.  pos (optional) receives the
 * position of the value's contents (xcr_inner). */
int xcr_string(struct xcr *r, const char *key, const char **out,
               struct xc_pos *pos);

/* xenConfigCopyStringOpt into dst (left alone when absent). */
int xcr_copy_opt(struct xcr *r, const char *key, struct xc_str *dst);

/* xenConfigGetBool: number != 0, or the string "1"; def when absent. */
int xcr_bool(struct xcr *r, const char *key, int def, int *out);

/* xenConfigGetULong/ULongLong: a non-negative number or decimal string
 * no larger than max; def when absent.  *found (optional) tells. */
int xcr_ulong(struct xcr *r, const char *key, unsigned long long def,
              unsigned long long max, unsigned long long *out, bool *found);

/* virConfGetValueStringList(conf, key, false, ..) as xen_common.c uses it:
 * 1 for a list of strings, 0 when absent or not a list (libvirt then
 * ignores that error), -1 (reported) for a list holding a non-string. */
int xcr_string_list(struct xcr *r, const char *key, struct xc_cfg_value **out);

/* Report an error and mark the read failed. */
#define xcr_error(r, pos, check, ...) \
    ((r)->failed = true, xc_error((r)->d, pos, check, __VA_ARGS__))

/* ---- small parsers (xen_read_util.c) ---------------------------------- */

/* strtoul-like on the whole string (leading blanks and '+' allowed, '-'
 * refused, base 16 takes an optional 0x).  0 or -1. */
int xcr_parse_ull(const char *s, int base, unsigned long long *out);
/* The same for a signed value (virStrToLong_i/ll semantics, '-' allowed). */
int xcr_parse_ll(const char *s, int base, long long *out);

/* virBitmapParse with a bitmap of nbits: "0-3,^2,8".  On success *norm is
 * virBitmapFormat's spelling of the set ("" when empty), *count the
 * number of set bits and *all whether every bit is set. */
int xcr_parse_cpuset(const char *s, unsigned nbits, char **norm,
                     unsigned *count, bool *all);

/* virMacAddrParse, normalized to lower-case "xx:xx:xx:xx:xx:xx". */
int xcr_parse_mac(const char *s, char out[18]);

/* getaddrinfo(AI_NUMERICHOST) + getnameinfo: the canonical spelling of a
 * numeric IPv4/IPv6 address and its family ("ipv4"/"ipv6"). */
int xcr_parse_ip(const char *s, char **canon, const char **family);

/* ---- spec parsers ------------------------------------------------------ */

/* One vif spec (xenParseVif); vif_typename is "vif" for xl, "netfront"
 * for xm. */
int xc_xen_parse_vif(const char *spec, struct xc_pos pos,
                     const char *vif_typename, struct xc_net *net,
                     struct xc_diags *d);
/* virDomainNetSetModelString: a model libvirt knows takes its spelling
 * (case-insensitively); any other must be letters, digits, '_' and '-'.
 * The spelling to keep, or NULL when the name is refused. */
const char *xc_xen_net_model(const char *model);
/* The sound model named by the n bytes at p (libvirt's soundhw list:
 * sb16, es1370, pcspk, ac97, ich6, ich9, usb, ich7) or NULL. */
const char *xc_xen_sound_model(const char *p, size_t n);
/* Those names, for messages: "sb16, es1370, ...". */
extern const char xc_xen_sound_model_list[];
/* xenParseSxprVifRate: "10MB/s", "1Gb/s@20ms" -> KB/s. */
int xc_xen_parse_vif_rate(const char *rate, uint64_t *kbytes_per_sec);

/* One pci= list item: [DDDD:]BB:SS.F[,key=value...] (xenParsePCI). */
int xc_xen_parse_pci(const char *spec, struct xc_pos pos,
                     struct xc_hostdev *hd, struct xc_diags *d);

/* A serial/parallel device string (xenParseSxprChar). */
int xc_xen_parse_chr(const char *spec, struct xc_pos pos, struct xc_chr *chr,
                     struct xc_diags *d);

/* ---- section readers (one per libvirt parse function) ------------------ */

/* xenParseConfigCommon: meta, memory, lifecycle, vcpus, features, time
 * offset, device_model_override, vif, pci, soundhw, vnc/sdl/vfb, serial
 * and parallel (or the PV console). */
int xcr_read_common(struct xcr *r);

int xcr_read_vifs(struct xcr *r);
int xcr_read_pcis(struct xcr *r);
int xcr_read_chardevs(struct xcr *r);
int xcr_read_vfb(struct xcr *r);
int xcr_read_sound(struct xcr *r);

/* Every entry no reader looked at becomes a leftover and a loss warning
 * [unused-key]. */
void xcr_report_unused(struct xcr *r);

/* The HVM `boot` key ("c" when absent) into os->boot; unknown letters
 * read as c with a warning, letters past the fourth are reported lost. */
int xcr_read_boot(struct xcr *r);

/* The frame of a native reader: parse in with the cfg grammar, read the
 * common keys (xenParseConfigCommon), then the format's own keys with
 * read_own, then report every key never read.  0, or -1 after errors. */
int xcr_read_file(const struct xc_source *in, const struct xc_settings *set,
                  struct xc_domain *out, struct xc_diags *d,
                  enum xc_xen_flavor flavor, void (*read_own)(struct xcr *r));

#endif
