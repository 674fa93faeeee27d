#!/bin/sh
# Conformance: run every case of libvirt 9.0.0's xlconfigtest.c and
# xmconfigtest.c in the direction(s) that test runs it and compare bytes.
#   DO_TEST(n)            both directions
#   DO_TEST_REPLACE_VARS  both, with /LIBXL_FIRMWARE_DIR replaced
#   DO_TEST_PARSE(n, r)   domain XML -> xl   (xenFormatXL of the parsed XML)
#   DO_TEST_FORMAT(n, r)  xl -> domain XML   (xenParseXL, then the formatter)
# (xmconfigtest's DO_TEST_PARSE(n)/DO_TEST_FORMAT(n) take no second
# argument: no replacement.)
# Cases inside #ifdef LIBXL_HAVE_* run when this machine's libxl.h defines it.
# Usage: run.sh XENCONV [SUITE...]   SUITE is xl or xm (default: both).
# Prints "SUITE: N passed, M failed" per suite, then the total line.
set -u
xenconv=$(readlink -f "$1"); shift
top=$(cd "$(dirname "$0")/../.." && pwd)
tree=${XENCONV_LIBVIRT_DIR:-$top/.conformance}/libvirt-9.0.0
fwdir=${XENCONV_FIRMWARE_DIR:-/usr/lib/xen/boot}
libxl_h=${LIBXL_H:-/usr/include/libxl.h}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

total_pass=0 total_fail=0

# Print "MODE NAME REPLACE" for each case of a libvirt test source.
list_cases() {
    awk -v libxl_h="$libxl_h" '
        function have(m,   line, found) {
            found = 0
            while ((getline line < libxl_h) > 0)
                if (line ~ ("^#define[ \t]+" m "([ \t]|$)")) found = 1
            close(libxl_h)
            return found
        }
        /^#ifdef / { skip = !have($2); next }
        /^#endif/ { skip = 0; next }
        skip { next }
        /^ *DO_TEST(_PARSE|_FORMAT|_REPLACE_VARS)?\("/ {
            macro = $0; sub(/^ */, "", macro); sub(/\(.*/, "", macro)
            name = $0; sub(/^[^"]*"/, "", name); sub(/".*/, "", name)
            repl = ($0 ~ /, *true\)/) ? 1 : 0
            if (macro == "DO_TEST") { print "parse " name " 0"; print "format " name " 0" }
            else if (macro == "DO_TEST_REPLACE_VARS") { print "parse " name " 1"; print "format " name " 1" }
            else if (macro == "DO_TEST_PARSE") print "parse " name " " repl
            else if (macro == "DO_TEST_FORMAT") print "format " name " " repl
        }' "$1"
}

# run_suite LABEL TESTC DATADIR FORMAT
run_suite() {
    label=$1 testc=$2 data=$3 fmt=$4
    pass=0 fail=0
    list_cases "$testc" > "$work/cases"
    while read -r mode name repl; do
        xml=$data/test-$name.xml cfg=$data/test-$name.cfg
        if [ "$repl" = 1 ]; then
            sed "s|/LIBXL_FIRMWARE_DIR|$fwdir|g" "$xml" > "$work/in.xml"
        else
            cp "$xml" "$work/in.xml"
        fi
        if [ "$mode" = parse ]; then
            # XML -> native, compared with the .cfg
            "$xenconv" domxml-to-native "$fmt" "$work/in.xml" > "$work/got" 2> "$work/err"
            expect=$cfg
        else
            "$xenconv" domxml-from-native "$fmt" "$cfg" > "$work/got" 2> "$work/err"
            expect=$work/in.xml
        fi
        rc=$?
        if [ $rc -eq 0 ] && cmp -s "$work/got" "$expect"; then
            pass=$((pass + 1))
        else
            fail=$((fail + 1))
            echo "FAIL $label $mode $name (exit $rc)"
            sed 's/^/  stderr: /' "$work/err" | head -n 20
            diff -u "$expect" "$work/got" | head -n 60
        fi
    done < "$work/cases"
    echo "$label: $pass passed, $fail failed"
    total_pass=$((total_pass + pass)) total_fail=$((total_fail + fail))
}

if [ ! -f "$tree/tests/xlconfigtest.c" ]; then
    echo "conformance: libvirt source not found in $tree (run scripts/fetch-libvirt.sh)" >&2
    exit 2
fi

suites=${*:-xl xm}
for s in $suites; do
    case $s in
        xl) run_suite xlconfigtest "$tree/tests/xlconfigtest.c" "$tree/tests/xlconfigdata" xen-xl ;;
        xm) run_suite xmconfigtest "$tree/tests/xmconfigtest.c" "$tree/tests/xmconfigdata" xen-xm ;;
        *) echo "conformance: unknown suite $s" >&2; exit 2 ;;
    esac
done
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
