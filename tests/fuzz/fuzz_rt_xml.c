/* libFuzzer harness: the bytes as domain XML, read -> write -> read in domain XML
 * (tests/fuzz/roundtrip.h says what must hold).  Built and run by
 * `make fuzz` (see docs/HACKING.md, "Fuzzing"). */
#include "formats/xml/xml.h"
#include "roundtrip.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return writer_roundtrip(&xc_format_xml, data, size);
}
