#include "xml.h"

const struct xc_format xc_format_xml = {
    .name = "xml",
    .description = "libvirt domain XML (libvirt 9.0.0)",
    .read = xc_xml_read,
    .write = xc_xml_write,
};
