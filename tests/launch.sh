#!/bin/sh
# xenconv launch off Xen: the not-a-Xen-host refusal (exit 3, before the
# file is even read), --dry-run (offline: libxl's JSON of the config and
# what would be created, golden), usage errors.  Creating a domain is
# tested inside a real Xen by `make xen-integration`.  Run by
# `make golden` (so by asan and, with VALGRIND=1, under valgrind).
#
# testdata/launch/NAME.{xml,xm,xl}: an input; `xenconv launch --dry-run
# NAME.EXT`, run in testdata/launch/, must print exactly NAME.json on
# stdout and NAME.err on stderr and exit as NAME.rc says (0 when absent).
# UPDATE=1 rewrites the golden files from the current output (review
# every change by hand before committing it).
#
# Usage: launch.sh XENCONV
set -u
xenconv=$(readlink -f "$1")
top=$(cd "$(dirname "$0")/.." && pwd)
dir=$top/testdata/launch
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
suite=launch
. "$top/tests/lib.sh"

# expect NAME RC: the last run ($work/out, $work/err, $rc) exited RC.
expect_rc() {
    [ "$rc" = "$2" ] && ok || { failed "$1: exit $rc, expected $2"; cat "$work/err"; }
}

# ---- not a Xen host ---------------------------------------------------------
if [ -e /proc/xen/privcmd ]; then
    echo "launch: /proc/xen/privcmd exists (a Xen dom0): not-a-Xen-host cases skipped"
else
    msg="xenconv: not a Xen host: /proc/xen/privcmd missing"
    for args in "$dir/pv-xml.xml" "--paused $dir/pv-xm.xm" "-q $dir/pv-xl.xl" \
                "$work/no-such-file.xml"; do
        # shellcheck disable=SC2086
        run launch $args >"$work/out" 2>"$work/err"
        rc=$?
        expect_rc "launch $args" 3
        [ "$(cat "$work/err")" = "$msg" ] && ok ||
            { failed "launch $args: stderr"; cat "$work/err"; }
        [ ! -s "$work/out" ] && ok || failed "launch $args: stdout not empty"
    done
fi

# ---- --dry-run golden cases -------------------------------------------------
cd "$dir" || exit 1
for input in *.xml *.xm *.xl; do
    [ -f "$input" ] || continue
    name=${input%.*}
    run launch --dry-run "$input" >"$work/out" 2>"$work/err"
    rc=$?
    want=0
    [ -f "$name.rc" ] && want=$(cat "$name.rc")
    if [ "${UPDATE:-0}" = 1 ]; then
        cp "$work/out" "$name.json"
        cp "$work/err" "$name.err"
        [ "$rc" = 0 ] && rm -f "$name.rc" || echo "$rc" >"$name.rc"
        want=$rc
    fi
    expect_rc "$input" "$want"
    diff -u "$name.json" "$work/out" && ok || failed "$input: stdout differs from $name.json"
    diff -u "$name.err" "$work/err" && ok || failed "$input: stderr differs from $name.err"
    if [ "$want" = 0 ]; then
        python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$work/out" && ok ||
            failed "$input: stdout is not JSON"
    fi
done

# The dry run reads standard input too, and --paused only changes the note.
run launch --dry-run --paused - <pv-xml.xml >"$work/out" 2>"$work/err"
rc=$?
expect_rc "dry run from stdin" 0
diff -u pv-xml.json "$work/out" && ok || failed "dry run from stdin: stdout"
grep -q "would create pv domain 'xmlguest'.*, left paused; nothing created" "$work/err" && ok ||
    { failed "dry run --paused: note"; cat "$work/err"; }
run launch --dry-run -q pv-xm.xm >"$work/out" 2>"$work/err"
rc=$?
expect_rc "dry run -q" 0
# -q drops the notes (format guessed, what would be created), not warnings.
! grep -q -e "note:" -e "dry run:" "$work/err" && grep -q "on_xend_start" "$work/err" && ok ||
    { failed "dry run -q: stderr"; cat "$work/err"; }

# ---- usage ------------------------------------------------------------------
for args in "" "--bogus pv-xml.xml" "pv-xml.xml pv-xm.xm"; do
    # shellcheck disable=SC2086
    run launch $args >"$work/out" 2>"$work/err"
    rc=$?
    expect_rc "launch $args" 2
    grep -q "Try 'xenconv launch --help'" "$work/err" && ok || failed "launch $args: no hint"
done
run launch --help >"$work/out" 2>"$work/err"
rc=$?
expect_rc "launch --help" 0
grep -q -- "--dry-run" "$work/out" && grep -q "not a Xen host" "$work/out" && ok ||
    failed "launch --help: text"
run --help >"$work/out" 2>&1
grep -q "^  launch " "$work/out" && ok || failed "xenconv --help does not list launch"

echo "launch: $pass passed, $fail failed"
[ $fail -eq 0 ]
