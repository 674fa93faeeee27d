#!/bin/sh
# The pre-commit hook (.pre-commit-hooks.yaml) on a sample git repository:
# its entry, run as pre-commit runs it (the staged files its `files`
# pattern matches, appended to the command line), fails on a staged bad
# config and passes once it is fixed.  pre-commit itself is not needed.
# Usage: lint_precommit.sh XENCONV
set -u
xenconv=$(readlink -f "$1")
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
failed() { fail=$((fail + 1)); echo "FAIL lint-precommit: $*"; }

hooks=$top/.pre-commit-hooks.yaml
entry=$(sed -n "s/^  entry: *//p" "$hooks")
files=$(sed -n "s/^  files: *'\(.*\)'$/\1/p" "$hooks")
[ "$entry" = "xenconv lint" ] && ok || failed "entry is '$entry'"
[ -n "$files" ] && ok || failed "no files pattern"

mkdir -p "$work/bin" "$work/repo/guests"
ln -s "$xenconv" "$work/bin/xenconv"
cd "$work/repo" || exit 1
git init -q . && git config user.email ci@example.invalid && git config user.name ci
cp "$top/testdata/lint/syntax-neg-xl.cfg" guests/web.cfg
cp "$top/testdata/lint/conflict-pos-xl.cfg" guests/db.cfg
echo "not a config" > README
git add guests README

# hook: run the entry on the staged files that match the pattern
hook() {
    staged=$(git diff --cached --name-only --diff-filter=ACMR | grep -E "$files")
    [ -z "$staged" ] && return 0
    # shellcheck disable=SC2086
    PATH="$work/bin:$PATH" $entry $staged
}
hook > out 2>&1
rc=$?
[ $rc -eq 1 ] && ok || failed "bad config staged: exit $rc, expected 1"
grep -q '^guests/db.cfg:5:10: error: maxmem (1024) is less than memory (2048, line 4) \[conflict\]$' out && ok ||
    { failed "finding not shown"; cat out; }
grep -q README out && failed "README was linted" || ok

cp "$top/testdata/lint/conflict-neg-xl.cfg" guests/db.cfg
git add guests/db.cfg
hook > out 2>&1
rc=$?
[ $rc -eq 0 ] && ok || { failed "fixed config: exit $rc, expected 0"; cat out; }
git commit -q -m sample && ok || failed "commit"

echo "lint-precommit: $pass passed, $fail failed"
[ $fail -eq 0 ]
