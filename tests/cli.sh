#!/bin/sh
# Command-line behaviour: help, version, stdin, -o atomicity, exit codes.
# Usage: cli.sh XENCONV
set -u
xenconv=$(readlink -f "$1")
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL cli: $*"; }

# expect_exit CODE DESCRIPTION CMD...
expect_exit() {
    code=$1 what=$2; shift 2
    "$@" > "$work/out" 2> "$work/err"
    rc=$?
    if [ $rc -eq "$code" ]; then ok; else bad "$what: exit $rc, expected $code"; cat "$work/err"; fi
}

expect_exit 0 "--help" "$xenconv" --help
grep -q 'domxml-from-native' "$work/out" && ok || bad "--help lists commands"
expect_exit 0 "--version" "$xenconv" --version
grep -q '^xenconv [0-9]' "$work/out" && ok || bad "--version prints version"
expect_exit 0 "command --help" "$xenconv" domxml-to-native --help
grep -q 'Usage: xenconv domxml-to-native FORMAT FILE' "$work/out" && ok || bad "command help"
expect_exit 2 "no command" "$xenconv"
expect_exit 2 "unknown command" "$xenconv" frobnicate
expect_exit 2 "unknown option" "$xenconv" domxml-from-native --bogus xen-xl x.cfg
expect_exit 2 "missing file operand" "$xenconv" domxml-from-native xen-xl
expect_exit 2 "unknown format" "$xenconv" domxml-from-native xen-foo "$top/examples/guest.cfg"
grep -q "unknown native format 'xen-foo'" "$work/err" && ok || bad "unknown format message"
expect_exit 1 "missing input file" "$xenconv" domxml-from-native xen-xl "$work/nope.cfg"
grep -q "nope.cfg: error: cannot open" "$work/err" && ok || bad "missing file names the file"

# stdin and file give the same output; -o writes the same bytes atomically.
expect_exit 0 "from file" "$xenconv" domxml-from-native xen-xl "$top/examples/guest.cfg"
cp "$work/out" "$work/from-file.xml"
"$xenconv" domxml-from-native xen-xl - < "$top/examples/guest.cfg" > "$work/from-stdin.xml" 2>/dev/null
cmp -s "$work/from-file.xml" "$work/from-stdin.xml" && ok || bad "stdin output differs from file output"
expect_exit 0 "-o" "$xenconv" domxml-from-native xen-xl "$top/examples/guest.cfg" -o "$work/g.xml"
[ ! -s "$work/out" ] && cmp -s "$work/g.xml" "$work/from-file.xml" && ok || bad "-o output differs or stdout not empty"
ls "$work" | grep -q '\.XXXXXX\|g\.xml\.' && bad "temporary file left behind" || ok

# A failing conversion leaves an existing output file untouched.
printf 'name = "broken\n' > "$work/broken.cfg"
echo keep > "$work/keep.xml"
expect_exit 1 "bad input with -o" "$xenconv" domxml-from-native xen-xl "$work/broken.cfg" -o "$work/keep.xml"
[ "$(cat "$work/keep.xml")" = keep ] && ok || bad "failed conversion touched the output file"
[ "$(ls "$work" | grep -c '^keep\.xml')" -eq 1 ] && ok || bad "temporary left beside keep.xml"

# Settings file: a bad one is a usage error naming file and line.
printf 'firmware_dir = ;\n' > "$work/bad.conf"
expect_exit 2 "bad settings file" "$xenconv" --config "$work/bad.conf" domxml-from-native xen-xl "$top/examples/guest.cfg"
grep -q "bad.conf:1:1: error:" "$work/err" && ok || bad "settings error position"
printf 'firmware_dir = "/opt/fw";\n' > "$work/fw.conf"
printf 'name = "o"\nuuid = "5c8f3a51-8b0e-4f7e-9a43-2f6c1d7e0b92"\nbuilder = "hvm"\nbios = "ovmf"\nmemory = 512\n' > "$work/ovmf.cfg"
XENCONV_CONFIG="$work/fw.conf" "$xenconv" domxml-from-native xen-xl "$work/ovmf.cfg" > "$work/out" 2>&1
grep -q "<loader readonly='yes' type='pflash'>/opt/fw/ovmf.bin</loader>" "$work/out" && ok || bad "firmware_dir from XENCONV_CONFIG"

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
