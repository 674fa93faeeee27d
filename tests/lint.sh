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
suite=lint
. "$top/tests/lib.sh"
checks="syntax unknown-key deprecated-key bad-value conflict not-carried schema"

# lib.sh's run(), with the suppressions for libxml2's dlopen (the schema)
run() {
    if [ "${VALGRIND:-0}" = 1 ]; then
        valgrind -q --error-exitcode=99 --leak-check=full \
            --suppressions="$top/tests/valgrind-dlopen.supp" \
            --show-leak-kinds=all --errors-for-leak-kinds=all "$xenconv" "$@"
    else
        "$xenconv" "$@"
    fi
}

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

# ---- exit codes, options, directories --------------------------------------
# expect CODE WHAT ARGS...: run lint in testdata/lint/, output in $work/out.
expect() {
    code=$1 what=$2; shift 2
    (cd "$dir" && run lint "$@") > "$work/out" 2> "$work/err"
    rc=$?
    [ $rc -eq "$code" ] && ok || { failed "$what: exit $rc, expected $code"; cat "$work/err"; }
}
expect 0 "--help" --help
grep -q '^Exit status: 0 no error' "$work/out" && ok || failed "--help gives the exit codes"
grep -q '^  not-carried ' "$work/out" && ok || failed "--help lists the checks"
expect 2 "no path"
expect 2 "unknown option" --bogus x.cfg
expect 2 "unknown check" --disable no-such-check syntax-neg-xl.cfg
expect 2 "unknown output" --output yaml syntax-neg-xl.cfg
expect 2 "unknown format" --format xen-foo syntax-neg-xl.cfg
expect 2 "missing file" no-such-file.cfg
grep -q '^no-such-file.cfg: error: .*\[io\]$' "$work/err" && ok || failed "missing file: io error on stderr"
expect 2 "missing file among good ones" syntax-neg-xl.cfg no-such-file.cfg
expect 0 "warnings only" unknown-key-pos-xl.cfg
expect 1 "warnings only, --werror" --werror unknown-key-pos-xl.cfg
expect 0 "--werror, no finding" --werror syntax-neg-xl.cfg
expect 1 "an error" conflict-pos-xl.cfg
expect 0 "--disable the failing checks" --disable conflict --disable bad-value conflict-pos-xl.cfg
grep -q '\[conflict\]' "$work/out" && failed "--disable conflict still reports it" || ok
expect 1 "--disable all --enable conflict" --disable all --enable conflict conflict-pos-xl.cfg
grep -v '\[conflict\]$' "$work/out" | grep -q . && failed "--enable: other checks reported" || ok
expect 0 "--werror --disable unknown-key" --werror --disable unknown-key --disable not-carried unknown-key-pos-xl.cfg
expect 0 "--format xen-xl on an xm config" --format xen-xl deprecated-key-pos-xm.xm
grep -q "key 'bootentry' is an xm key that xl does not take; use bootloader_args \[deprecated-key\]" "$work/out" && ok ||
    failed "--format xen-xl: xm-only key"
expect 0 "--to xen-xm" --to xen-xm --disable unknown-key syntax-neg-xl.cfg
expect 0 "standard input" - < "$dir/syntax-neg-xl.cfg"
# a directory: config-looking files, recursively, in byte order
mkdir -p "$work/tree/sub/.hidden" "$work/tree/empty"
cp "$dir/conflict-pos-pv.cfg" "$work/tree/b.cfg"
cp "$dir/syntax-pos-xml.xml" "$work/tree/sub/a.xml"
cp "$dir/syntax-pos-xl.cfg" "$work/tree/sub/.hidden/skipped.cfg"
cp "$dir/syntax-pos-xl.cfg" "$work/tree/notes.txt"
run lint "$work/tree" > "$work/out" 2> "$work/err"
rc=$?
[ $rc -eq 1 ] && ok || failed "directory: exit $rc, expected 1"
sed "s|^$work/||" "$work/out" | cut -d: -f1 | uniq > "$work/files"
printf 'tree/b.cfg\ntree/sub/a.xml\n' | cmp -s - "$work/files" && ok ||
    { failed "directory: files linted"; cat "$work/files"; }
run lint --output json "$work/tree" > "$work/out" 2>&1
/usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["files"] == 2 and d["errors"] == 1 and d["warnings"] == 5, d' \
    "$work/out" && ok || failed "directory: JSON totals"

# ---- SARIF 2.1.0 schema ----------------------------------------------------
# The schema is OASIS SARIF 2.1.0's, as Microsoft's SARIF SDK ships it in
# the npm package @microsoft/sarif-multitool-linux (sarif-2.1.0.json);
# fetched once with npm into build/sarif-schema/ (XENCONV_SARIF_SCHEMA
# names another copy), checked with Debian's python3-jsonschema.
schema=${XENCONV_SARIF_SCHEMA:-$top/build/sarif-schema/sarif-schema-2.1.0.json}
if [ ! -f "$schema" ]; then
    mkdir -p "$work/npm" "$(dirname "$schema")"
    if (cd "$work/npm" && npm pack --silent @microsoft/sarif-multitool-linux@5.7.0 \
            > /dev/null 2>&1 && tar xzf microsoft-sarif-multitool-linux-5.7.0.tgz \
            package/sarif-2.1.0.json); then
        cp "$work/npm/package/sarif-2.1.0.json" "$schema"
    fi
fi
if [ -f "$schema" ]; then
    run lint --output sarif "$dir" > "$work/all.sarif" 2> "$work/err"
    if /usr/bin/python3 - "$schema" "$work/all.sarif" "$dir"/*.sarif <<'PY'
import json, sys
import jsonschema
schema = json.load(open(sys.argv[1]))
cls = jsonschema.validators.validator_for(schema)
cls.check_schema(schema)
v = cls(schema, format_checker=jsonschema.FormatChecker())
bad = 0
for path in sys.argv[2:]:
    doc = json.load(open(path))
    for e in v.iter_errors(doc):
        bad += 1
        print("%s: %s at %s" % (path, e.message, list(e.absolute_path)))
    if doc["version"] != "2.1.0":
        bad += 1
sys.exit(1 if bad else 0)
PY
    then ok; else failed "SARIF output does not validate against $schema"; fi
elif [ "${CI:-}" = true ]; then
    failed "no SARIF 2.1.0 schema (npm pack @microsoft/sarif-multitool-linux failed)"
else
    echo "SKIP lint: SARIF schema validation (no npm registry; set XENCONV_SARIF_SCHEMA)"
fi
for f in "$dir"/*.json; do
    /usr/bin/python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$f" && ok ||
        failed "$(basename "$f"): not JSON"
done

# ---- the pre-commit hook on a sample repository ---------------------------
if sh "$top/tests/lint_precommit.sh" "$xenconv" > "$work/hook" 2>&1; then
    ok
else
    failed "pre-commit hook"; cat "$work/hook"
fi

echo "lint: $pass passed, $fail failed"
[ $fail -eq 0 ]
