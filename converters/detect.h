/* --from auto: tell the input format from the content (docs/detect.md).
 *   first non-blank byte '<'  -> "xml"
 *   first non-blank byte '('  -> "xen-sxpr"
 *   otherwise a config file   -> "xen-xl" or "xen-xm" by the keys present
 * The guess is a canonical format name, whether or not it is registered. */
#ifndef XC_DETECT_H
#define XC_DETECT_H

#include "../common/buf.h"
#include "../common/source.h"

/* The format name; *why (appended to) names the deciding evidence and
 * where it is, e.g. "old-style disk spec 'phy:...' at 7:9". */
const char *xc_detect_format(const struct xc_source *src, struct xc_buf *why);

#endif
