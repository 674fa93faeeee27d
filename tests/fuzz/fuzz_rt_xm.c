/* libFuzzer harness: the bytes as xen-xm, read -> write -> read in xen-xm
 * (tests/fuzz/roundtrip.h says what must hold).  Built and run by
 * `make fuzz` (see docs/HACKING.md, "Fuzzing"). */
#include "formats/xm/xm.h"
#include "roundtrip.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return writer_roundtrip(&xc_format_xm, data, size);
}
