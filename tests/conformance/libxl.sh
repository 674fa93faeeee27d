#!/bin/sh
# Conformance: libvirt 9.0.0's tests/libxlxml2domconfigtest.c.  Every
# DO_TEST case of that file (both branches of its #ifdefs: the
# *-legacy-nest cases are the expectations for a libxl without
# LIBXL_HAVE_BUILDINFO_NESTED_HVM and run in that environment), each
# domain XML -> libxl_domain_config -> libxl's JSON, compared with the
# expected JSON after libxl's own from/to JSON round trip, in the test's
# mocked environment (tests/tools/libxl_conform.c says which).
# Usage: libxl.sh TOOLS_DIR   (the build's tools/, holding libxl_conform)
# Prints "libxlxml2domconfig: N passed, M failed"; exit 1 on a failure.
set -u
tool=$(readlink -f "$1")/libxl_conform
top=$(cd "$(dirname "$0")/../.." && pwd)
tree=${XENCONV_LIBVIRT_DIR:-$top/.conformance}/libvirt-9.0.0
src=$tree/tests/libxlxml2domconfigtest.c
data=$tree/tests/libxlxml2domconfigdata

if [ ! -f "$src" ]; then
    echo "libxl.sh: $src missing (make conformance fetches libvirt 9.0.0)" >&2
    exit 1
fi
cases=$(sed -n 's/^ *DO_TEST("\([^"]*\)");.*/\1/p' "$src")
if [ -z "$cases" ]; then
    echo "libxl.sh: no DO_TEST case in $src" >&2
    exit 1
fi
# shellcheck disable=SC2086  # one word per case name
exec "$tool" "$data" $cases
