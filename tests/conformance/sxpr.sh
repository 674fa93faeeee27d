#!/bin/sh
# Conformance: libvirt's historical xen-sxpr test vectors (what its
# sexpr2xmltest.c and xml2sexprtest.c ran before libvirt dropped xend),
# kept outside this repository in ../shared/reference/sxpr (CASES.txt,
# README.md).  Every case runs in its own direction:
#   sexpr2xml  xenconv domxml-from-native xen-sxpr NAME.sexpr  == NAME.xml
#   xml2sexpr  xenconv domxml-to-native   xen-sxpr NAME.xml    == NAME.sexpr
# Both files first lose their backslash-newline pairs (libvirt's test
# loader joined them); one trailing newline is not significant.
# The expected XML was written by an older libvirt: sxpr_rule.awk rewrites
# it into libvirt 9.0.0's formatting, one documented clause per difference
# (docs/sxpr-conformance.md).  Cases whose vector is itself inconsistent
# are listed in sxpr-vector-defects.txt: with a repair of the input, the
# stored input must fail and the repaired one pass; without a repair, the
# case is reported as a known vector defect and must still fail.  An entry
# that is no longer needed is an error, so the list cannot go stale.
# Usage: sxpr.sh XENCONV       (SXPR_VERBOSE=1 also shows defect diffs)
# Reference directory: $XENCONV_SXPR_DIR, else <repo>/../shared/reference/sxpr.
set -u
if [ $# -ne 1 ]; then
    echo "usage: $0 XENCONV" >&2
    exit 2
fi
xenconv=$(readlink -f "$1")
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
ref=${XENCONV_SXPR_DIR:-$(dirname "$top")/shared/reference/sxpr}
rule=$here/sxpr_rule.awk
defects=$here/sxpr-vector-defects.txt
verbose=${SXPR_VERBOSE:-0}

if [ ! -f "$ref/CASES.txt" ]; then
    echo "sxpr: reference vectors not found at $ref; skipped"
    exit 0
fi
if [ ! -x "$xenconv" ]; then
    echo "sxpr: $1 is not an executable" >&2
    exit 2
fi
ref=$(cd "$ref" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# join FILE OUT: drop every backslash-newline pair, as libvirt's
# virTestLoadFile did; the text then ends with exactly one newline
# (a file's final newline was not significant to libvirt's tests).
join() {
    awk '{ while (sub(/\\$/, "")) { if ((getline nxt) <= 0) break; $0 = $0 nxt }
           print }' "$1" > "$2"
}

# one_newline FILE: make FILE end with a newline if it does not.
one_newline() {
    [ -s "$1" ] || return 0
    [ "$(tail -c 1 "$1" | od -An -c | tr -d ' ')" = '\n' ] || echo >> "$1"
}

# defect DIRECTION NAME: print the case's line of the defect list
# ("DIRECTION NAME REPAIR | REASON"), nothing if it is not listed.
defect() {
    [ -f "$defects" ] || return 0
    awk -v d="$1" -v n="$2" '!/^#/ && $1 == d && $2 == n { print; exit }' "$defects"
}

# run_case: run $op on $work/in; true if the output is $work/expect.
# Exit 1 is a diagnosed refusal; any status but 0 or 1 (a crash, a
# sanitizer report, a usage error) sets $abnormal, a failure even where a
# known defect or an unrepaired input is expected to fail.
run_case() {
    "$xenconv" "$op" xen-sxpr "$work/in" < /dev/null > "$work/got" 2> "$work/err"
    rc=$?
    one_newline "$work/got"
    case $rc in 0|1) abnormal=0 ;; *) abnormal=1 ;; esac
    [ $rc -eq 0 ] && cmp -s "$work/got" "$work/expect"
}

# abnormal_fail: count and show a case whose run ended abnormally.
abnormal_fail() {
    bump fail "$dir"
    echo "FAIL $dir $name${1:+ ($1)}: xenconv exited $rc"
    sed 's/^/  stderr: /' "$work/err" | head -n 20
}

# Per direction: pass, fail, defect (known, still failing), repaired
# (passed after a documented repair), missing (listed but not saved).
for dir in sexpr2xml xml2sexpr; do
    eval "pass_$dir=0 fail_$dir=0 defect_$dir=0 repaired_$dir=0 missing_$dir=0"
done
bump() { eval "$1_$2=\$(($1_$2 + 1))"; }

grep -v '^#' "$ref/CASES.txt" | grep -v '^[[:space:]]*$' > "$work/cases"
while read -r dir name rest; do
    case $dir in
        sexpr2xml) op=domxml-from-native ;;
        xml2sexpr) op=domxml-to-native ;;
        *) echo "sxpr: CASES.txt: unknown direction '$dir'" >&2; exit 2 ;;
    esac
    input= expected= missing=0
    for kv in $rest; do
        case $kv in
            input=*) input=${kv#input=} ;;
            expected=*) expected=${kv#expected=} ;;
            missing) missing=1 ;;
        esac
    done
    if [ "$missing" = 1 ]; then
        bump missing "$dir"
        echo "MISSING $dir $name (listed by libvirt's driver, not saved; see README.md)"
        continue
    fi
    if [ -z "$input" ] || [ -z "$expected" ] || [ ! -f "$ref/$input" ] || [ ! -f "$ref/$expected" ]; then
        bump fail "$dir"
        echo "FAIL $dir $name: vector files not found ($input, $expected)"
        continue
    fi

    join "$ref/$input" "$work/in"
    join "$ref/$expected" "$work/expect.raw"
    # sexpr2xml expects XML: bring an older libvirt's formatting to 9.0.0's.
    if [ "$dir" = sexpr2xml ]; then
        awk -f "$rule" "$work/expect.raw" > "$work/expect"
    else
        cp "$work/expect.raw" "$work/expect"
    fi

    entry=$(defect "$dir" "$name")
    repair= reason=
    if [ -n "$entry" ]; then
        echo "$dir $name" >> "$work/listed"
        repair=$(printf '%s\n' "$entry" | sed 's/^[^ ]* [^ ]* //; s/ | .*//')
        reason=$(printf '%s\n' "$entry" | sed 's/^[^|]*| //')
    fi
    if [ -n "$entry" ] && [ "$repair" != - ]; then
        # A repair is needed only while the stored input fails.
        if run_case; then
            bump fail "$dir"
            echo "FAIL $dir $name: passes without its repair in sxpr-vector-defects.txt; remove the entry"
            continue
        fi
        if [ $abnormal = 1 ]; then abnormal_fail "stored input"; continue; fi
        sed -e "$repair" "$work/in" > "$work/in.repaired"
        if cmp -s "$work/in" "$work/in.repaired"; then
            bump fail "$dir"
            echo "FAIL $dir $name: the repair in sxpr-vector-defects.txt changes nothing"
            continue
        fi
        mv "$work/in.repaired" "$work/in"
    fi

    same=0
    run_case && same=1
    if [ $abnormal = 1 ]; then abnormal_fail "${entry:+listed in sxpr-vector-defects.txt}"; continue; fi

    if [ -z "$entry" ] || [ "$repair" != - ]; then
        if [ $same = 1 ]; then
            bump pass "$dir"
            [ -n "$entry" ] && bump repaired "$dir"
            continue
        fi
        bump fail "$dir"
        if [ -n "$entry" ]; then
            echo "FAIL $dir $name (exit $rc), after the documented repair: $reason"
        else
            echo "FAIL $dir $name (exit $rc)"
        fi
    elif [ $same = 1 ]; then
        bump fail "$dir"
        echo "FAIL $dir $name: listed in sxpr-vector-defects.txt but passes; remove it from the list"
        continue
    else
        bump defect "$dir"
        echo "DEFECT $dir $name: $reason"
        [ "$verbose" = 1 ] || continue
    fi
    sed 's/^/  stderr: /' "$work/err" | head -n 10
    diff -u "$work/expect" "$work/got" | sed '1,2d' | head -n 40
done < "$work/cases"

# An entry of the defect list that names no run case is stale too.
if [ -f "$defects" ]; then
    touch "$work/listed"
    awk '!/^#/ && NF { print $1, $2 }' "$defects" | sort > "$work/entries"
    sort "$work/listed" | comm -23 "$work/entries" - > "$work/stale"
    while read -r d name; do
        case $d in sexpr2xml|xml2sexpr) dir=$d ;; *) dir=sexpr2xml ;; esac
        bump fail "$dir"
        echo "FAIL '$d $name' in sxpr-vector-defects.txt is not a case that ran; remove the entry"
    done < "$work/stale"
fi

total_pass=0 total_fail=0
for dir in sexpr2xml xml2sexpr; do
    eval "p=\$pass_$dir f=\$fail_$dir k=\$defect_$dir r=\$repaired_$dir m=\$missing_$dir"
    echo "$dir: $p passed, $f failed"
    echo "$dir: ($r of the passed after a documented vector repair; $k known vector defects; $m missing)"
    total_pass=$((total_pass + p)) total_fail=$((total_fail + f))
done
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
