#!/bin/sh
# make demo: convert the bundled example to domain XML and back.
set -e
xenconv=$1
top=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "== xenconv domxml-from-native xen-xl examples/guest.cfg"
"$xenconv" domxml-from-native xen-xl "$top/examples/guest.cfg" -o "$out/guest.xml"
cat "$out/guest.xml"
echo
echo "== xenconv domxml-to-native xen-xl guest.xml   (back to xl)"
"$xenconv" domxml-to-native xen-xl "$out/guest.xml"
