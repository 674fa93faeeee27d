/* libFuzzer harness: the bytes as a xen-xm config, to domain XML and back
 * (tests/fuzz/native_roundtrip.h).  Built and run by `make fuzz` (see
 * docs/HACKING.md, "Fuzzing"). */
#include "formats/xm/xm.h"
#include "native_roundtrip.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return native_roundtrip(&xc_format_xm, data, size);
}
