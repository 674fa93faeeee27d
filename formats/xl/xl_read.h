/* Internal to the xl reader (formats/xl/xl_read*.c): the reading context,
 * typed accessors with libvirt's xenConfigGet* semantics, and the spec
 * parsers (exposed for tests/unit/test_xl_specs.c).
 *
 * Every parser here reports problems through xc_diags at the position of
 * the value (or list item) it was handed and returns -1 on error. */
#ifndef XC_XL_READ_H
#define XC_XL_READ_H

#include <stdbool.h>
#include <stdint.h>

#include "../cfg/cfg.h"
#include "xl.h"

struct xlr {
    struct xc_cfg *cfg;
    struct xc_domain *dom;
    struct xc_diags *d;
    const struct xc_settings *set;
    const struct xc_source *src;  /* for positions inside strings */
    size_t *lines;                /* byte offset of each line, built lazily */
    size_t nlines;
    bool failed;              /* at least one error reported */
};

/* The position of byte off of text, where text starts at start (text is a
 * value's bytes exactly as written, so newlines move to the next line). */
struct xc_pos xlr_pos_at(struct xc_pos start, const char *text, size_t off);

/* The same for many offsets into one text: each call scans on from the
 * previous offset (back from the start only when off goes backwards), so
 * positions asked in increasing order cost one pass over text in all. */
struct xlr_poscur {
    struct xc_pos start, pos;
    const char *text;
    size_t off;
};
void xlr_poscur_init(struct xlr_poscur *pc, struct xc_pos start, const char *text);
struct xc_pos xlr_pos_next(struct xlr_poscur *pc, size_t off);

/* Where a value's contents start: inside the quotes of a string (one
 * byte, or three for a triple-quoted one), else the value's position. */
struct xc_pos xlr_inner(struct xlr *r, const struct xc_cfg_value *v);

/* ---- accessors (xl_read_util.c) --------------------------------------- */

/* The text of a STRING value as libvirt's virConf hands it over (bytes
 * between the quotes, no escapes), or the NUMBER literal. */
const char *xlr_text(const struct xc_cfg_value *v);

/* The value of key, marked used; NULL if absent. */
struct xc_cfg_value *xlr_value(struct xlr *r, const char *key);

/* xenConfigGetString / CopyStringOpt: *out is the text or NULL when
 * absent; a non-string value is an error.  pos (optional) receives the
 * position of the value's contents (xlr_inner). */
int xlr_string(struct xlr *r, const char *key, const char **out,
               struct xc_pos *pos);

/* xenConfigGetBool: number != 0, or the string "1"; def when absent. */
int xlr_bool(struct xlr *r, const char *key, int def, int *out);

/* xenConfigGetULong/ULongLong: a non-negative number or decimal string
 * no larger than max; def when absent.  *found (optional) tells. */
int xlr_ulong(struct xlr *r, const char *key, unsigned long long def,
              unsigned long long max, unsigned long long *out, bool *found);

/* Report an error and mark the read failed. */
#define xlr_error(r, pos, check, ...) \
    ((r)->failed = true, xc_error((r)->d, pos, check, __VA_ARGS__))

/* ---- small parsers (xl_read_util.c) ----------------------------------- */

/* strtoul-like on the whole string (leading blanks and '+' allowed, '-'
 * refused, base 16 takes an optional 0x).  0 or -1. */
int xlr_parse_ull(const char *s, int base, unsigned long long *out);
/* The same for a signed value (virStrToLong_i/ll semantics, '-' allowed). */
int xlr_parse_ll(const char *s, int base, long long *out);

/* virBitmapParse with a bitmap of nbits: "0-3,^2,8".  On success *norm is
 * virBitmapFormat's spelling of the set ("" when empty), *count the
 * number of set bits and *all whether every bit is set. */
int xlr_parse_cpuset(const char *s, unsigned nbits, char **norm,
                     unsigned *count, bool *all);

/* virMacAddrParse, normalized to lower-case "xx:xx:xx:xx:xx:xx". */
int xlr_parse_mac(const char *s, char out[18]);

/* getaddrinfo(AI_NUMERICHOST) + getnameinfo: the canonical spelling of a
 * numeric IPv4/IPv6 address and its family ("ipv4"/"ipv6"). */
int xlr_parse_ip(const char *s, char **canon, const char **family);

/* ---- spec parsers ------------------------------------------------------ */

/* One xl vif spec (xenParseVif); vif_typename is "vif" for xl. */
int xc_xl_parse_vif(const char *spec, struct xc_pos pos,
                    const char *vif_typename, struct xc_net *net,
                    struct xc_diags *d);
/* xenParseSxprVifRate: "10MB/s", "1Gb/s@20ms" -> KB/s. */
int xc_xl_parse_vif_rate(const char *rate, uint64_t *kbytes_per_sec);

/* One pci= list item: [DDDD:]BB:SS.F[,key=value...] (xenParsePCI). */
int xc_xl_parse_pci(const char *spec, struct xc_pos pos,
                    struct xc_hostdev *hd, struct xc_diags *d);

/* A serial/parallel device string (xenParseSxprChar). */
int xc_xl_parse_chr(const char *spec, struct xc_pos pos, struct xc_chr *chr,
                    struct xc_diags *d);

/* An rbd: disk source (virStorageSourceParseRBDColonString after the
 * "\\\\" -> "\\" replacement xen_xl.c applies). */
int xc_xl_parse_rbd(const char *src, struct xc_pos pos, struct xc_disk *disk,
                    struct xc_diags *d);

/* xl disk specs through libxlutil's xlu_disk_parse (xl_read_disk.c).
 * One parser serves any number of specs; its messages are captured and
 * turned into diagnostics. */
struct xc_xl_disk_parser;
struct xc_xl_disk_parser *xc_xl_disk_parser_new(void);
void xc_xl_disk_parser_free(struct xc_xl_disk_parser *p);
/* hvm: the domain is HVM (decides the bus of non-xvd disks). */
int xc_xl_parse_disk(struct xc_xl_disk_parser *p, const char *spec,
                     struct xc_pos pos, bool hvm, struct xc_disk *disk,
                     struct xc_diags *d);

/* ---- section readers (one per libvirt parse function) ------------------ */
int xlr_read_vifs(struct xlr *r);
int xlr_read_pcis(struct xlr *r);
int xlr_read_chardevs(struct xlr *r);
int xlr_read_vfb(struct xlr *r);
int xlr_read_spice(struct xlr *r);
int xlr_read_inputs(struct xlr *r);
int xlr_read_usb(struct xlr *r);
int xlr_read_usbctrl(struct xlr *r);
int xlr_read_channels(struct xlr *r);
int xlr_read_sound(struct xlr *r);
int xlr_read_disks(struct xlr *r);

#endif
