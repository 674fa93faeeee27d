#!/bin/sh
# Obtain libvirt 9.0.0's Debian source package (for its test vectors) into
# $XENCONV_LIBVIRT_DIR (default .conformance/), adding a deb-src entry if
# apt has none.  Nothing from it is copied into the repository.
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
dir=${XENCONV_LIBVIRT_DIR:-$top/.conformance}
tree=$dir/libvirt-9.0.0
[ -f "$tree/tests/xlconfigtest.c" ] && exit 0

if ! apt-get source --print-uris libvirt >/dev/null 2>&1 ||
   ! apt-get source --print-uris libvirt 2>/dev/null | grep -q "libvirt_9.0.0"; then
    if [ "$(id -u)" != 0 ]; then
        echo "fetch-libvirt: need root to add a deb-src entry for apt" >&2
        exit 1
    fi
    echo "fetch-libvirt: adding a deb-src entry for bookworm"
    cat > /etc/apt/sources.list.d/xenconv-deb-src.sources <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb-src
URIs: http://deb.debian.org/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
    apt-get update -qq
fi

mkdir -p "$dir/dl"
cd "$dir/dl"
apt-get source --download-only -qq libvirt >/dev/null 2>&1 || apt-get source --download-only libvirt
dsc=$(ls libvirt_9.0.0-*.dsc 2>/dev/null | tail -n 1)
if [ -z "$dsc" ]; then
    echo "fetch-libvirt: apt did not provide libvirt 9.0.0 (got: $(ls))" >&2
    exit 1
fi
rm -rf "$tree.tmp"
dpkg-source -x "$dsc" "$tree.tmp" >/dev/null
mv "$tree.tmp" "$tree"
echo "fetch-libvirt: libvirt source from $dsc in $tree"
