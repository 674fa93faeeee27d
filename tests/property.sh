#!/bin/sh
# Property: XML -> native -> XML is a fixpoint after one round.  For every
# domain XML in testdata (the good cases): X1 = from(to(X0)); then
# from(to(X1)) must equal X1 byte for byte.  (The first native text may
# differ from the second: libvirt's reader fills in defaults, e.g. a disk
# with no driver name reads back as qemu and then writes backendtype=qdisk.)
# Usage: property.sh XENCONV
set -u
xenconv=$(readlink -f "$1")
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0 fail=0

for casefile in "$top"/testdata/*/CASES; do
    [ -f "$casefile" ] || continue
    dir=$(dirname "$casefile")
    fmt=xen-$(basename "$dir")
    while read -r mode name; do
        case $mode in ''|'#'*) continue ;; esac
        x0=$dir/$name.xml
        [ -f "$x0" ] || continue
        grep -q '@RANDOM@' "$x0" && continue
        if "$xenconv" domxml-to-native "$fmt" "$x0" > "$work/n1" 2>/dev/null &&
           "$xenconv" domxml-from-native "$fmt" "$work/n1" > "$work/x1" 2>/dev/null &&
           "$xenconv" domxml-to-native "$fmt" "$work/x1" > "$work/n2" 2>/dev/null &&
           "$xenconv" domxml-from-native "$fmt" "$work/n2" > "$work/x2" 2>/dev/null; then
            if cmp -s "$work/x1" "$work/x2"; then
                pass=$((pass + 1))
            else
                fail=$((fail + 1))
                echo "FAIL fixpoint $fmt $name"
                diff -u "$work/x1" "$work/x2" | head -30
            fi
        else
            # A case whose XML cannot round-trip must say so in its own
            # golden expectations; here it is a failure.
            fail=$((fail + 1))
            echo "FAIL fixpoint $fmt $name: a conversion step failed"
        fi
    done < "$casefile"
done
echo "property: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
