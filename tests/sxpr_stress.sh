#!/bin/sh
# xen-sxpr hostile inputs, generated here at test time (never stored):
#   * a 10 MB atom as the domain name;
#   * 100,000 nesting levels inside a key the reader does not know;
#   * 100,000 '(' never closed, and one ')' too many after 100,000 levels.
# Each goes through domxml-from-native and convert (to xl and to XML).
# Every run must end with exit 0 (output written) or 1 (a FILE:LINE:COL
# error, and no output file left behind), never a signal, a sanitizer or
# valgrind report (exit 86/87/99) or a timeout; peak memory must stay under
# SXPR_STRESS_MAX_KIB (default 256 MiB, 25 times the largest input:
# about 45 MB are used, 110 MB under ASan; not checked under valgrind).  Linear
# time is measured by `make bench` (bench_adversarial), not here.
# Usage: sxpr_stress.sh XENCONV.  VALGRIND=1 runs xenconv under valgrind.
set -u
xenconv=$(readlink -f "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL sxpr-stress: $*"; }
max_kib=${SXPR_STRESS_MAX_KIB:-262144}
timeout=${SXPR_STRESS_TIMEOUT:-600}
memtool=
if [ "${VALGRIND:-0}" != 1 ] && /usr/bin/time -f %M true > /dev/null 2>&1; then
    memtool=/usr/bin/time
fi

run() {
    if [ "${VALGRIND:-0}" = 1 ]; then
        timeout "$timeout" valgrind -q --error-exitcode=99 --leak-check=full \
            --show-leak-kinds=all --errors-for-leak-kinds=all "$xenconv" "$@"
    elif [ -n "$memtool" ]; then
        timeout "$timeout" /usr/bin/time -f %M -o "$work/rss" "$xenconv" "$@"
    else
        timeout "$timeout" "$xenconv" "$@"
    fi
}

# --- inputs ------------------------------------------------------------------
# n copies of a string, in O(log n) shell steps
rep() {  # rep STRING N
    s=$1 n=$2 out=
    while [ "$n" -gt 0 ]; do
        [ $((n % 2)) -eq 1 ] && out=$out$s
        s=$s$s
        n=$((n / 2))
    done
    printf '%s' "$out"
}
big=$((10 * 1024 * 1024))
deep=100000
{
    printf "(domain (name '"
    head -c "$big" /dev/zero | tr '\0' 'a'
    printf "')\n (uuid 'c7a5fdb2-cdaf-9455-926a-d65c16db1809') (memory 512) (vcpus 1)\n"
    printf " (image (linux (kernel '/boot/vmlinuz'))))\n"
} > "$work/huge-name.sxpr"
{
    printf "(domain (name deep) (uuid 'c7a5fdb2-cdaf-9455-926a-d65c16db1809')\n"
    printf " (memory 512) (vcpus 1) (image (linux (kernel '/boot/vmlinuz')))\n (unknown_key "
    rep '(x ' $((deep - 1))
    rep ')' "$deep"
    printf ')\n'
} > "$work/deep-balanced.sxpr"
rep '(' "$deep" > "$work/deep-open.sxpr"
{
    rep '(' "$deep"
    rep ')' $((deep + 1))
} > "$work/deep-extra-close.sxpr"
[ "$(wc -c < "$work/huge-name.sxpr")" -gt "$big" ] && ok || bad "huge-name input not generated"

# --- checks --------------------------------------------------------------------
# check NAME EXPECT ARGS...: EXPECT is 0, 1 or "0|1"; output goes to -o
check() {
    name=$1 expect=$2
    shift 2
    rm -rf "$work/o"
    mkdir -p "$work/o"
    (cd "$work" && run "$@" -o o/out) > "$work/stdout" 2> "$work/err"
    rc=$?
    case "|$expect|" in
        *"|$rc|"*) ok ;;
        *)
            if [ $rc -gt 128 ] && [ $rc -ne 124 ]; then
                bad "$name: killed by signal $((rc - 128))"
            elif [ $rc -eq 124 ]; then
                bad "$name: no result within ${timeout}s"
            else
                bad "$name: exit $rc, expected $expect"
            fi
            head -c 2000 "$work/err"; echo
            return
            ;;
    esac
    [ -s "$work/stdout" ] && bad "$name: wrote to stdout"
    if [ $rc -eq 0 ]; then
        [ -s "$work/o/out" ] && ok || bad "$name: exit 0 without output"
        [ "$(ls -A "$work/o")" = out ] && ok || bad "$name: temporary left: $(ls -A "$work/o")"
    else
        [ -z "$(ls -A "$work/o")" ] && ok || bad "$name: failed but left $(ls -A "$work/o")"
        grep -Eq '^[^:]+\.sxpr:[0-9]+:[0-9]+: error: ' "$work/err" && ok ||
            { bad "$name: no FILE:LINE:COL error"; head -c 2000 "$work/err"; echo; }
    fi
    if [ -n "$memtool" ] && [ -s "$work/rss" ]; then
        kib=$(tail -1 "$work/rss")
        [ "$kib" -le "$max_kib" ] && ok || bad "$name: peak RSS $kib KiB > $max_kib KiB"
        echo "  $name: exit $rc, peak RSS $kib KiB"
    else
        echo "  $name: exit $rc"
    fi
}
# error_at NAME LINE:COL TEXT: the first error is exactly there and says TEXT
error_at() {
    if grep -q "^$1:$2: error: .*$3" "$work/err"; then ok; else
        bad "$1: expected an error at $2 ($3), got:"; head -c 2000 "$work/err"; echo
    fi
}

for f in huge-name deep-balanced; do
    check "$f: from-native" "0|1" domxml-from-native xen-sxpr "$f.sxpr"
    # the deep list inside an unknown key is reported, not silently dropped
    if [ "$f" = deep-balanced ]; then
        grep -q '^deep-balanced\.sxpr:3:' "$work/err" && ok ||
            { bad "deep-balanced: nothing reported at the unknown key (line 3)"; head -c 2000 "$work/err"; echo; }
    fi
    if [ $rc -eq 0 ] && [ "$f" = huge-name ]; then
        # the name is carried whole
        [ "$(grep -c 'aaaaaaaaaaaaaaaa' "$work/o/out")" -ge 1 ] &&
            [ "$(wc -c < "$work/o/out")" -gt "$big" ] && ok || bad "huge-name: name not in the XML"
    fi
    check "$f: convert to xl" "0|1" convert --from xen-sxpr --to xen-xl "$f.sxpr"
    check "$f: convert to xml (auto)" "0|1" convert -q --to xml "$f.sxpr"
done
check "deep-open: from-native" 1 domxml-from-native xen-sxpr deep-open.sxpr
error_at deep-open.sxpr "1:$deep" "unbalanced '('"
check "deep-open: convert to xl" 1 convert --from xen-sxpr --to xen-xl deep-open.sxpr
error_at deep-open.sxpr "1:$deep" "unbalanced '('"
check "deep-extra-close: from-native" 1 domxml-from-native xen-sxpr deep-extra-close.sxpr
error_at deep-extra-close.sxpr "1:$((2 * deep + 1))" "unbalanced ')'"
check "deep-extra-close: convert to xml" 1 convert --from sxpr --to xml deep-extra-close.sxpr
error_at deep-extra-close.sxpr "1:$((2 * deep + 1))" "unbalanced ')'"

echo "sxpr-stress: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
