/* Output safety for the xl and xm writers: the one place that decides
 * whether a value may go into a comma-separated spec field.  The spec
 * parsers (xl's vif, vfb, channel, usbctrl, pci, cpuid, xlu_disk_parse;
 * xm's and libvirt's) do no unescaping: a ',' starts another option and a '=' another key, so such
 * a value is refused rather than written the way libvirt writes it.
 * Whole-string quoting of top-level values is the cfg serializer's job. */
#include "xen_write.h"

#include <string.h>

bool xc_xenw_check(const char *v, struct xc_pos pos, const char *what,
                  const char *where, const char *forbid, struct xc_diags *d)
{
    for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
        if (*p < 0x20 || *p == 0x7f) {
            xc_error(d, pos, XCW_UNSAFE,
                     "%s contains the control character 0x%02x, which %s "
                     "cannot hold; refusing to write it", what, *p, where);
            return false;
        }
        if (strchr(forbid, *p)) {
            xc_error(d, pos, XCW_UNSAFE,
                     "%s contains '%c', which has a special meaning in %s; "
                     "refusing to write it", what, *p, where);
            return false;
        }
    }
    return true;
}

void xc_xenw_spec_append(struct xc_buf *spec, bool first, const char *key,
                         const char *v)
{
    if (!first)
        xc_buf_addc(spec, ',');
    xc_buf_add(spec, key);
    xc_buf_addc(spec, '=');
    xc_buf_add(spec, v);
}

int xc_xenw_spec_field(struct xc_buf *spec, bool first, const char *key,
                      const struct xc_str *value, const char *what,
                      const char *where, struct xc_diags *d)
{
    const char *v = value->s ? value->s : "";

    if (!xc_xenw_check(v, value->pos, what, where, XCW_FORBID_SPEC, d))
        return -1;
    xc_xenw_spec_append(spec, first, key, v);
    return 0;
}
