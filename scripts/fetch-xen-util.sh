#!/bin/sh
# Obtain the sources of Xen 4.17's libxlutil (tools/libs/util of Debian's
# xen source package) into $XENCONV_XEN_DIR (default .conformance/xen-util),
# for `make fuzz`, which builds them with the harnesses' sanitizers: the
# library Debian ships is not instrumented, so an overflow inside it (its
# flex disk scanner wrote past a buffer on a long spec) would otherwise
# only show later as a corrupted heap.  Nothing is copied into the
# repository.  Needs a deb-src entry (scripts/fetch-libvirt.sh adds one).
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
dir=${XENCONV_XEN_DIR:-$top/.conformance/xen-util}
[ -f "$dir/libxlu_disk_l.c" ] && exit 0

# the deb-src entry: fetch-libvirt.sh adds it when apt has none
apt-get source --print-uris xen >/dev/null 2>&1 ||
    XENCONV_LIBVIRT_DIR=${XENCONV_LIBVIRT_DIR:-$top/.conformance} sh "$top/scripts/fetch-libvirt.sh"

dl=$dir.dl
rm -rf "$dl"
mkdir -p "$dl"
cd "$dl"
# The newest 4.17 source apt lists first; one listed may be missing from
# the mirror (seen: the security update), so try each in turn.
got=
for v in $(apt-cache showsrc xen 2>/dev/null | sed -n 's/^Version: //p' | sort -r -V); do
    case $v in 4.17.*) ;; *) continue ;; esac
    if apt-get source --download-only -qq "xen=$v" >/dev/null 2>&1; then
        got=$v
        break
    fi
    rm -f ./*
done
orig=$(ls xen_*.orig.tar.* 2>/dev/null | head -n 1)
if [ -z "$got" ] || [ -z "$orig" ]; then
    echo "fetch-xen-util: apt did not provide a Xen 4.17 source package" >&2
    exit 1
fi
tar xf "$orig" --wildcards '*/tools/libs/util/*'
rm -rf "$dir"
mv ./*/tools/libs/util "$dir"
cd "$top"
rm -rf "$dl"
echo "fetch-xen-util: libxlutil sources of xen $got in $dir"
