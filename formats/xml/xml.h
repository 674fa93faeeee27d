/* libvirt domain XML, as libvirt 9.0.0 parses and formats it. */
#ifndef XC_XML_H
#define XC_XML_H

#include "../format.h"

extern const struct xc_format xc_format_xml;

int xc_xml_read(const struct xc_source *in, const struct xc_settings *set,
                struct xc_domain *out, struct xc_diags *d);
int xc_xml_write(const struct xc_domain *dom, const struct xc_settings *set,
                 struct xc_buf *out, struct xc_diags *d);

#endif
