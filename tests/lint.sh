#!/bin/sh
# xenconv lint: golden findings for every check (testdata/lint/), exit
# codes, options, directories.  Run by `make golden` (so by asan and,
# with VALGRIND=1, under valgrind).
#
# testdata/lint/NAME.{cfg,xm,xml,sxpr}: an input; NAME.args (optional):
# options put before it.  `xenconv lint ARGS --output FORM NAME.EXT`, run
# in testdata/lint/, must print exactly NAME.text, NAME.json and
# NAME.sarif, and exit 1 when NAME.text holds an error, else 0.
# NAME is CHECK-pos-* (the check must fire: "[CHECK]" in NAME.text) or
# CHECK-neg-* (it must not); every check has at least one of each.
# UPDATE=1 rewrites the golden files from the current output (review
# every change by hand before committing it).
#
# Usage: lint.sh XENCONV
set -u
xenconv=$(readlink -f "$1")
top=$(cd "$(dirname "$0")/.." && pwd)
dir=$top/testdata/lint
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0 fail=0
checks="syntax unknown-key deprecated-key bad-value conflict not-carried schema"

run() {
    if [ "${VALGRIND:-0}" = 1 ]; then
        valgrind -q --error-exitcode=99 --leak-check=full \
            --show-leak-kinds=all --errors-for-leak-kinds=all "$xenconv" "$@"
    else
        "$xenconv" "$@"
    fi
}
ok() { pass=$((pass + 1)); }
failed() { fail=$((fail + 1)); echo "FAIL lint: $*"; }

# ---- golden cases ----------------------------------------------------------
for input in "$dir"/*.cfg "$dir"/*.xm "$dir"/*.xml "$dir"/*.sxpr; do
    [ -f "$input" ] || continue
    file=$(basename "$input")
    name=${file%.*}
    args=
    [ -f "$dir/$name.args" ] && args=$(cat "$dir/$name.args")
    want=0
    for form in text json sarif; do
        # shellcheck disable=SC2086
        (cd "$dir" && run lint $args --output $form "$file") > "$work/out" 2> "$work/err"
        rc=$?
        if [ "${UPDATE:-0}" = 1 ]; then
            cp "$work/out" "$dir/$name.$form"
        fi
        [ $form = text ] && grep -q ': error: ' "$dir/$name.text" 2>/dev/null && want=1
        if [ $rc -ne $want ]; then
            failed "$name ($form): exit $rc, expected $want"; cat "$work/err"
        elif [ -s "$work/err" ]; then
            failed "$name ($form): wrote to stderr"; cat "$work/err"
        elif ! cmp -s "$work/out" "$dir/$name.$form"; then
            failed "$name ($form): output differs"
            diff -u "$dir/$name.$form" "$work/out" | head -30
        else
            ok
        fi
    done
    # every text finding is FILE:LINE:COL: severity: message [check]
    if grep -Ev '^[^:]+:[0-9]+:[0-9]+: (error|warning|note): .* \[[a-z-]+\]$' \
            "$dir/$name.text" | grep -q .; then
        failed "$name: a finding without FILE:LINE:COL or [check]"
    else
        ok
    fi
    check=${name%%-pos-*}
    if [ "$check" != "$name" ]; then
        grep -q "\[$check\]\$" "$dir/$name.text" && ok ||
            failed "$name: [$check] does not fire"
    else
        check=${name%%-neg-*}
        if [ "$check" = "$name" ]; then
            failed "$name: not named CHECK-pos-* or CHECK-neg-*"
        elif grep -q "\[$check\]\$" "$dir/$name.text"; then
            failed "$name: [$check] fires on a negative case"
        else
            ok
        fi
    fi
done
for check in $checks; do
    for kind in pos neg; do
        set -- "$dir/$check-$kind-"*
        [ -f "$1" ] && ok || failed "no $kind case for $check"
    done
done

echo "lint: $pass passed, $fail failed"
[ $fail -eq 0 ]
