#!/bin/sh
# Golden tests: run xenconv on every case under testdata/<format>/ and
# compare stdout, stderr and exit status byte for byte.
#
# testdata/<fmt>/CASES lists the good cases, one per line:
#   both NAME   NAME.cfg -> NAME.xml (from-native) and NAME.xml -> NAME.cfg
#   from NAME   NAME.cfg -> NAME.xml only
#   to   NAME   NAME.xml -> NAME.cfg only
# The native side is NAME.sxpr instead of NAME.cfg for testdata/sxpr
# (xen-sxpr).
# Expected diagnostics, if any, are in NAME.from.stderr / NAME.to.stderr
# (absent means stderr must be empty).  An expected XML may say
# <uuid>@RANDOM@</uuid> where the input has no uuid: any well-formed uuid
# matches.
# testdata/<fmt>/bad/NAME.cfg|.sxpr|.xml with NAME.stderr: must exit 1 with
# exactly those diagnostics and leave no output file (-o) behind.
# testdata/xm2xl/NAME.xm: `convert --from xen-xm --to xen-xl NAME.xm` must
# print NAME.xl and exactly the loss report NAME.report on stderr.
#
# Usage: golden.sh XENCONV TOOLSDIR.  VALGRIND=1 runs xenconv under valgrind
# and fails on any error or leak.
set -u
xenconv=$(readlink -f "$1")
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
suite=golden
. "$top/tests/lib.sh"

# native_ext FMT: the extension of the native side of a good case.
native_ext() {
    case $1 in
        xen-sxpr) echo sxpr ;;
        *) echo cfg ;;
    esac
}

# check_good FMT DIR MODE NAME
check_good() {
    fmt=$1 dir=$2 mode=$3 name=$4
    ext=$(native_ext "$fmt")
    if [ "$mode" = from ]; then
        (cd "$dir" && run domxml-from-native "$fmt" "$name.$ext") > "$work/out" 2> "$work/err"
        rc=$? expect=$dir/$name.xml
    else
        (cd "$dir" && run domxml-to-native "$fmt" "$name.xml") > "$work/out" 2> "$work/err"
        rc=$? expect=$dir/$name.$ext
    fi
    experr=$dir/$name.$mode.stderr
    [ -f "$experr" ] || experr=/dev/null
    if grep -q '@RANDOM@' "$expect"; then
        sed -E 's|<uuid>[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}</uuid>|<uuid>@RANDOM@</uuid>|' \
            "$work/out" > "$work/out.masked"
        mv "$work/out.masked" "$work/out"
    fi
    if [ $rc -ne 0 ]; then
        failed "$fmt $mode $name: exit $rc"; cat "$work/err"
    elif ! cmp -s "$work/out" "$expect"; then
        failed "$fmt $mode $name: output differs"; diff -u "$expect" "$work/out" | head -40
    elif ! cmp -s "$work/err" "$experr"; then
        failed "$fmt $mode $name: diagnostics differ"; diff -u "$experr" "$work/err" | head -20
    else
        pass=$((pass + 1))
    fi
}

# check_bad FMT DIR FILE
check_bad() {
    fmt=$1 dir=$2 file=$3
    base=${file%.*}
    case $file in
        *.xml) cmd=domxml-to-native ;;
        *) cmd=domxml-from-native ;;
    esac
    mkdir -p "$work/outdir"
    (cd "$dir" && run $cmd "$fmt" "bad/$file" -o "$work/outdir/out") > "$work/out" 2> "$work/err"
    rc=$?
    if [ $rc -ne 1 ]; then
        failed "$fmt bad/$file: exit $rc, expected 1"; cat "$work/err"
    elif [ -n "$(ls -A "$work/outdir")" ]; then
        failed "$fmt bad/$file: left output behind: $(ls -A "$work/outdir")"
    elif [ -s "$work/out" ]; then
        failed "$fmt bad/$file: wrote to stdout"
    elif ! cmp -s "$work/err" "$dir/bad/$base.stderr"; then
        failed "$fmt bad/$file: diagnostics differ"; diff -u "$dir/bad/$base.stderr" "$work/err" | head -20
    elif ! grep -Eq '^bad/[^:]+:[0-9]+:[0-9]+: error: ' "$work/err"; then
        failed "$fmt bad/$file: no FILE:LINE:COL error"
    else
        pass=$((pass + 1))
    fi
    rm -rf "$work/outdir"
}

for casefile in "$top"/testdata/*/CASES; do
    [ -f "$casefile" ] || continue
    dir=$(dirname "$casefile")
    fmt=xen-$(basename "$dir")
    while read -r mode name; do
        case $mode in
            ''|'#'*) continue ;;
            both) check_good "$fmt" "$dir" from "$name"; check_good "$fmt" "$dir" to "$name" ;;
            from|to) check_good "$fmt" "$dir" "$mode" "$name" ;;
            *) failed "$casefile: bad line '$mode $name'" ;;
        esac
    done < "$casefile"
    if [ -d "$dir/bad" ]; then
        for f in "$dir"/bad/*; do
            case $f in *.stderr|*.md) continue ;; esac
            [ -f "$f" ] || continue
            check_bad "$fmt" "$dir" "$(basename "$f")"
        done
    fi
done

# Migration: xm -> xl with its loss report.
for xm in "$top"/testdata/xm2xl/*.xm; do
    [ -f "$xm" ] || continue
    name=$(basename "$xm" .xm)
    dir=$(dirname "$xm")
    (cd "$dir" && run convert --from xen-xm --to xen-xl "$name.xm") > "$work/out" 2> "$work/err"
    rc=$?
    if [ $rc -ne 0 ]; then
        failed "xm2xl $name: exit $rc"; cat "$work/err"
    elif ! cmp -s "$work/out" "$dir/$name.xl"; then
        failed "xm2xl $name: xl differs"; diff -u "$dir/$name.xl" "$work/out" | head -40
    elif ! cmp -s "$work/err" "$dir/$name.report"; then
        failed "xm2xl $name: loss report differs"; diff -u "$dir/$name.report" "$work/err" | head -20
    else
        pass=$((pass + 1))
    fi
done

echo "golden: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
