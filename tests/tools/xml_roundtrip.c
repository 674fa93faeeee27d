/* xml_roundtrip FILE: read domain XML with xc_xml_read, write it back with
 * xc_xml_write, print the result.  Diagnostics go to stderr.  Exit 0 on
 * success, 1 when reading or writing failed. */
#include <stdio.h>

#include "common/diag.h"
#include "common/model.h"
#include "common/settings.h"
#include "common/source.h"
#include "formats/xml/xml.h"

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s FILE.xml\n", argv[0]);
        return 2;
    }
    struct xc_diags d = {0};
    struct xc_settings set;
    struct xc_source src = {0};
    struct xc_domain dom;
    struct xc_buf out = {0};
    int rc = 1;
    xc_settings_init(&set);
    xc_domain_init(&dom);
    d.file = argv[1];
    if (xc_source_load(&src, argv[1], &d) == 0 &&
        xc_xml_read(&src, &set, &dom, &d) == 0 &&
        xc_xml_write(&dom, &set, &out, &d) == 0) {
        fputs(xc_buf_str(&out), stdout);
        rc = 0;
    }
    xc_diags_print(&d, stderr);
    xc_buf_free(&out);
    xc_domain_free(&dom);
    xc_source_free(&src);
    xc_settings_free(&set);
    xc_diags_free(&d);
    return rc;
}
