#!/bin/sh
# xenconv validate: golden cases (testdata/validate/) and the command line.
# Run by `make golden` (so by asan and, with VALGRIND=1, under valgrind).
#
# testdata/validate/NAME.{cfg,xml,sxpr}: `xenconv validate NAME.EXT`, run
# in testdata/validate/, prints exactly NAME.json (libxl's JSON of the
# libxl_domain_config) and NAME.stderr (diagnostics, positions included);
# exit 1 for bad-* (no JSON: NAME.json absent), else 0.
# UPDATE=1 rewrites the golden files from the current output (review
# every change by hand before committing it).
#
# Usage: validate.sh XENCONV
set -u
xenconv=$(readlink -f "$1")
top=$(cd "$(dirname "$0")/.." && pwd)
dir=$top/testdata/validate
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
suite=validate
. "$top/tests/lib.sh"
same() {    # same EXPECTED ACTUAL WHAT
    if cmp -s "$1" "$2"; then ok; else failed "$3"; diff -u "$1" "$2" | head -20; fi
}

# ---- golden cases ----------------------------------------------------------
cd "$dir" || exit 1
for input in *.cfg *.xml *.sxpr; do
    [ -f "$input" ] || continue
    name=${input%.*}
    run validate "$input" >"$work/out" 2>"$work/err"
    rc=$?
    case $name in bad-*) want=1 ;; *) want=0 ;; esac
    if [ "${UPDATE:-0}" = 1 ]; then
        cp "$work/err" "$name.stderr"
        if [ "$want" = 0 ]; then cp "$work/out" "$name.json"; fi
    fi
    [ "$rc" = "$want" ] && ok || failed "$input: exit $rc, want $want"
    same "$name.stderr" "$work/err" "$input: stderr"
    if [ "$want" = 0 ]; then
        same "$name.json" "$work/out" "$input: JSON"
    else
        [ -s "$work/out" ] && failed "$input: output on failure" || ok
    fi
done

# ---- --quiet: nothing but errors, and the exit status ----------------------
run validate --quiet pv-direct-kernel.cfg >"$work/out" 2>"$work/err"
[ $? = 0 ] && [ ! -s "$work/out" ] && [ ! -s "$work/err" ] && ok ||
    failed "--quiet on a good file printed something or failed"
run validate -q bad-timer.xml >"$work/out" 2>"$work/err"
rc=$?
grep -v ': note: \|: warning: ' bad-timer.stderr >"$work/want"
[ "$rc" = 1 ] && [ ! -s "$work/out" ] && ok || failed "-q bad-timer.xml: exit $rc"
same "$work/want" "$work/err" "-q bad-timer.xml: only the error, with its position"

# ---- standard input, --from ------------------------------------------------
run validate - <pvh.xml >"$work/out" 2>/dev/null
same pvh.json "$work/out" "standard input"
run validate --from xm hvm-legacy.cfg >"$work/out" 2>"$work/err"
same hvm-legacy.json "$work/out" "--from xm"
grep -q 'detect' "$work/err" && failed "--from still guessed" || ok
run validate --from=domxml hvm-legacy.cfg >/dev/null 2>&1
[ $? = 1 ] && ok || failed "an xm config read as domain XML should fail"

# ---- usage -----------------------------------------------------------------
for args in "" "--bogus x.cfg" "a.cfg b.cfg" "--from" "--from nope pvh.xml"; do
    # shellcheck disable=SC2086  # word splitting wanted
    run validate $args >/dev/null 2>&1
    rc=$?
    [ "$rc" = 2 ] && ok || failed "validate $args: exit $rc, want 2"
done
run validate missing.xml >/dev/null 2>"$work/err"
[ $? = 1 ] && grep -q 'missing.xml' "$work/err" && ok || failed "missing file"
run validate --help | grep -q '^Usage: xenconv validate' && ok || failed "validate --help"
run --help | grep -q '  validate ' && ok || failed "--help lists validate"

echo "validate: $pass passed, $fail failed"
[ "$fail" = 0 ]
