/* libxml2 loaded on first use: see lint_rng_dl.h.  It stays loaded until
 * the process exits (dlclose cannot unload it anyway: libstdc++, which
 * ICU pulls in, has unique symbols); under valgrind the loader's own
 * bookkeeping for it shows as still reachable (tests/valgrind-dlopen.supp). */
#define XCL_XML2_IMPL
#include "lint_rng_dl.h"

#include <dlfcn.h>
#include <string.h>

struct xcl_xml2 xcl_xml2;
static int state;       /* 0 not tried, 1 loaded, -1 failed */

bool xcl_xml2_load(void)
{
    if (state)
        return state > 0;
    state = -1;
    void *handle = dlopen("libxml2.so.2", RTLD_NOW | RTLD_LOCAL);
    if (!handle)
        return false;
    void *p;
#define XCL_XML2_SYM(f)                                                            \
    if ((p = dlsym(handle, #f)) == NULL)                                           \
        return false;                                                              \
    memcpy(&xcl_xml2.f, &p, sizeof(p));
    XCL_XML2_FUNCS(XCL_XML2_SYM)
#undef XCL_XML2_SYM
    state = 1;
    return true;
}
