/* libFuzzer harness: the bytes as xen-sxpr, read -> write -> read in xen-sxpr
 * (tests/fuzz/roundtrip.h says what must hold).  Built and run by
 * `make fuzz` (see docs/HACKING.md, "Fuzzing"). */
#include "formats/sxpr/sxpr.h"
#include "roundtrip.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return writer_roundtrip(&xc_format_sxpr, data, size);
}
