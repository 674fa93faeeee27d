/* libFuzzer harness: the bytes as an xl.cfg file through the grammar alone:
 * xc_cfg_parse, then xc_cfg_serialize of what was parsed.  Built and run by
 * `make fuzz` (see docs/HACKING.md, "Fuzzing"). */
#include <stddef.h>
#include <stdint.h>

#include "common/buf.h"
#include "common/diag.h"
#include "common/source.h"
#include "formats/cfg/cfg.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct xc_source src = {0};
    struct xc_diags d = {0};
    struct xc_cfg cfg = {0};
    struct xc_buf out = {0};

    xc_source_from_mem(&src, "fuzz.cfg", (const char *)data, size);
    d.file = src.name;
    if (xc_cfg_parse(&src, &cfg, &d) == 0)
        (void)xc_cfg_serialize(&cfg, &out, &d);
    xc_buf_free(&out);
    xc_cfg_free(&cfg);
    xc_diags_free(&d);
    xc_source_free(&src);
    return 0;
}
