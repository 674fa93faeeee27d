/* libvirt cpu feature names -> libxl cpuid names (xenFormatXLCPUID). */
#include "xl_write.h"

#include <string.h>

/* libvirt and libxl spell these cpuid features differently. */
static const char *const cpuid_names[][2] = {
    {"clflush", "clfsh"},
    {"cmp_legacy", "cmplegacy"},
    {"cid", "cntxid"},
    {"cr8legacy", "altmovcr8"},
    {"cx16", "cmpxchg16"},
    {"cx8", "cmpxchg8"},
    {"ds_cpl", "dscpl"},
    {"fxsr_opt", "ffxsr"},
    {"ht", "htt"},
    {"lahf_lm", "lahfsahf"},
    {"nodeid_msr", "nodeid"},
    {"pclmuldq", "pclmulqdq"},
    {"pdpe1gb", "page1gb"},
    {"pn", "psn"},
    {"pni", "sse3"},
    {"sep", "sysenter"},
    {"spec-ctrl", "ibrsb"},
};

const char *xc_xlw_cpuid_name(const char *name)
{
    for (size_t i = 0; i < sizeof(cpuid_names) / sizeof(cpuid_names[0]); i++)
        if (strcmp(cpuid_names[i][0], name) == 0)
            return cpuid_names[i][1];
    return name;
}
