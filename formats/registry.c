#include <string.h>

#include "format.h"
#include "xl/xl.h"
#include "xm/xm.h"
#include "sxpr/sxpr.h"
#include "xml/xml.h"

const struct xc_format *const xc_formats[] = {
    &xc_format_xml,
    &xc_format_xl,
    &xc_format_xm,
    &xc_format_sxpr,
    NULL,
};

const struct xc_format *xc_format_find(const char *name)
{
    for (size_t i = 0; xc_formats[i]; i++)
        if (strcmp(xc_formats[i]->name, name) == 0)
            return xc_formats[i];
    return NULL;
}
