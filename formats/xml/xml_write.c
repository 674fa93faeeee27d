/* Placeholder until the real implementation lands. */
#include "xml.h"

int xc_xml_write(const struct xc_domain *dom, const struct xc_settings *set, struct xc_buf *out, struct xc_diags *d)
{
    (void)set;
    (void)out;
    (void)dom;
    xc_error(d, xc_nopos, "unimplemented", "xc_xml_write is not implemented yet");
    return -1;
}
