/* Small value parsers the domain XML reader shares with its unit tests:
 * libvirt's scaled integers (virScaleInteger / virDomainParseMemory),
 * strict integer parsing (virStrToLong_*), MAC addresses (virMacAddrParse)
 * and cpuset bitmaps (virBitmapParse syntax). */
#ifndef XC_XML_UNITS_H
#define XC_XML_UNITS_H

#include <stdbool.h>
#include <stdint.h>

/* Scale *value by the unit suffix (NULL or "" means `scale`), refusing a
 * result above limit.  Suffixes as libvirt: b/byte/bytes; k, m, g, t, p, e
 * alone or with "iB" are powers of 1024, with "B" powers of 1000 (case
 * insensitive).  0 on success; -1 unknown suffix; -2 overflow. */
int xc_scale_integer(unsigned long long *value, const char *suffix,
                     unsigned long long scale, unsigned long long limit);

/* virDomainParseMemory: number text + optional unit -> KiB, rounded up.
 * capped: the value must fit an unsigned long of KiB (always true on
 * LP64, kept for parity).  0 ok; -1 bad number; -2 unknown unit;
 * -3 too large. */
int xc_parse_memory_kib(const char *num, const char *unit, uint64_t *kib);

/* Strict decimal/hex/octal parsing like virStrToLong_*: the whole string
 * must be consumed (leading blanks allowed as strtol does).  base 0
 * accepts 0x.. and 0.. prefixes.  0 on success, -1 otherwise. */
int xc_parse_ull(const char *s, int base, unsigned long long *out);   /* rejects '-' */
int xc_parse_uint(const char *s, int base, unsigned *out);           /* rejects '-' */
int xc_parse_int(const char *s, int base, int *out);
int xc_parse_ll(const char *s, int base, long long *out);

/* "AA:0:86:e2:35:72" -> 6 bytes.  libvirt accepts 1 or 2 hex digits per
 * byte separated by ':' (or '-').  0 on success, -1 malformed. */
int xc_mac_parse(const char *s, unsigned char out[6]);
/* 6 bytes -> "aa:00:86:e2:35:72" (lower case, NUL-terminated). */
void xc_mac_format(const unsigned char mac[6], char out[18]);

/* Validate cpuset syntax ("0-3,^2,8"), every id below limit; true if it
 * parses and selects at least one cpu (when nonempty_required). */
bool xc_cpuset_valid(const char *s, unsigned limit, bool nonempty_required);

#endif
