#!/bin/sh
# tests/example.sh XENCONV EXAMPLE EXAMPLE_SHARED SHLIB: the example of
# libxenconv's public interface (examples/convert_one.c), linked statically
# and against the shared library, gives byte for byte what `xenconv
# convert` gives (output, diagnostics, exit status) in every direction, for
# good, lossy and invalid inputs; its field-by-field diagnostics carry
# positions and the loss flag; the shared library exports nothing but the
# functions of include/xenconv.h and has soname libxenconv.so.0.
set -u
xenconv=$1 example=$2 shared=$3 shlib=$4
libdir=$(dirname "$shlib")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# run NAME PROG ARGS...: stdout, stderr and status into $work/NAME.*
run() {
    name=$1; shift
    "$@" >"$work/$name.out" 2>"$work/$name.err"
    echo $? >"$work/$name.rc"
}

same() {    # same CASE: the three runs of CASE agree
    for k in out err rc; do
        cmp -s "$work/cli.$k" "$work/static.$k" ||
            { bad "$1: static example differs from xenconv ($k)";
              diff "$work/cli.$k" "$work/static.$k" | head -5; return; }
        cmp -s "$work/cli.$k" "$work/shared.$k" ||
            { bad "$1: shared example differs from xenconv ($k)"; return; }
    done
    ok
}

# FROM TO FILE EXPECTED-STATUS (FROM "-": detected)
while read -r from to file want; do
    case $file in ''|'#'*) continue ;; esac
    if [ "$from" = - ]; then fopt=""; else fopt="--from $from"; fi
    # shellcheck disable=SC2086
    run cli "$xenconv" convert $fopt --to "$to" "$file"
    # shellcheck disable=SC2086
    run static "$example" $fopt --to "$to" "$file"
    # shellcheck disable=SC2086
    run shared env LD_LIBRARY_PATH="$libdir" "$shared" $fopt --to "$to" "$file"
    same "$from -> $to $file"
    [ "$(cat "$work/cli.rc")" = "$want" ] || bad "$file: status $(cat "$work/cli.rc"), expected $want"
done <<'CASES'
- xml examples/guest.cfg 0
xen-xl xml examples/guest.cfg 0
- xen-xm examples/guest.cfg 0
xl domxml testdata/xl/hvm-spice.cfg 0
- xml testdata/xl/hvm-pci-short.cfg 0
xml xen-xl testdata/xl/hvm-basic.xml 0
- xen-sxpr testdata/xl/hvm-basic.xml 0
- xml testdata/sxpr/domain-hvm.sxpr 0
xen-sxpr xen-xl testdata/sxpr/domain-pv.sxpr 0
- xml testdata/xm/disk-skipped.cfg 0
- xml testdata/xl/bad/bad-mac.cfg 1
xen-xl xml testdata/xl/bad/bad-memory-unit.xml 1
- xml /nonexistent/guest.cfg 1
- no-such-format examples/guest.cfg 2
bogus xml examples/guest.cfg 2
bogus bogus2 examples/guest.cfg 2
CASES

# Fields one by one: severity, file, line, column, check, lost, message.
"$example" --fields --to xml testdata/xl/bad/bad-mac.cfg >/dev/null 2>"$work/fields"
printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' \
    note testdata/xl/bad/bad-mac.cfg 0 0 detect 0 \
    "input format guessed as xen-xl (no xm-only key or disk spec; xen-xl is the default)" \
    error testdata/xl/bad/bad-mac.cfg 6 28 bad-mac 0 \
    "vif mac: malformed MAC address '00:16:3e:zz:00:01'" >"$work/fields.want"
cmp -s "$work/fields" "$work/fields.want" && ok ||
    { bad "--fields of bad-mac.cfg"; diff "$work/fields.want" "$work/fields"; }
# a loss is flagged lost, with its position
"$example" --fields --from xl --to xml testdata/xl/hvm-spice.cfg >/dev/null 2>"$work/fields"
awk -F '\t' '$6 == 1 && $1 == "warning" && $3 > 0 && $4 > 0 && $7 ~ /is not carried to domain XML$/ {n++}
             END {exit !(n >= 1)}' "$work/fields" && ok || bad "no positioned loss flagged in hvm-spice.cfg"

# usage errors of the example itself
"$example" --to xml >/dev/null 2>&1; [ $? = 2 ] && ok || bad "example without FILE: not status 2"

# The shared library: soname, and only the interface's functions exported.
soname=$(readelf -d "$shlib" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
[ "$soname" = libxenconv.so.0 ] && ok || bad "soname is '$soname'"
nm -D --defined-only "$shlib" | awk '{print $3}' | sed 's/@.*//' |
    grep -v '^XENCONV_0$' | sort >"$work/exported"
sed -n 's/^XENCONV_API [^(]*[ *]\(xenconv_[a-z_]*\)(.*/\1/p' include/xenconv.h |
    sort >"$work/declared"
[ -s "$work/declared" ] && cmp -s "$work/exported" "$work/declared" && ok ||
    { bad "exported symbols differ from include/xenconv.h"; diff "$work/declared" "$work/exported" | head; }

echo "example: $pass passed, $fail failed"
[ "$fail" = 0 ]
