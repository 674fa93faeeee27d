#!/bin/sh
# xenconv convert: single file, -o, --output-dir batches, failures among good
# files, refused outputs, name collisions, --from auto notes, the --report
# JSON, progress, and a batch of BATCH_N (default 1000) generated configs in
# one process with one corrupt file.
# Usage: convert.sh XENCONV.  VALGRIND=1 runs every xenconv under valgrind
# and fails on any error or leak (ASan builds fail by their exit status).
set -u
xenconv=$(readlink -f "$1")
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
suite=convert
. "$top/tests/lib.sh"
xl=$top/testdata/xl

# same FILE EXPECTED DESCRIPTION
same() {
    if cmp -s "$1" "$2"; then ok; else bad "$3"; diff -u "$2" "$1" | head -20; fi
}
# has FILE TEXT DESCRIPTION: FILE holds the line TEXT exactly
has() {
    if grep -qxF -- "$2" "$1"; then ok; else bad "$3: no line '$2' in:"; head -20 "$1"; fi
}

# ---- help and usage ------------------------------------------------------
expect_exit 0 "convert --help" convert --help
grep -q '^Usage: xenconv convert \[--from FORMAT\] --to FORMAT FILE' "$work/out" && ok || bad "convert --help text"
expect_exit 0 "--help" --help
grep -q 'convert \[--from F\] --to F' "$work/out" && ok || bad "--help lists convert"
expect_exit 2 "no --to" convert "$xl/pv-bootloader.cfg"
expect_exit 2 "no input" convert --to xl
expect_exit 2 "unknown --to" convert --to vmx "$xl/pv-bootloader.cfg"
has "$work/err" "xenconv: error: unknown output format 'vmx' [usage]" "unknown format message"
expect_exit 2 "two inputs without --output-dir" convert --to xl a.cfg b.cfg
expect_exit 2 "-o with --output-dir" convert --to xl -o x --output-dir "$work" a.cfg
expect_exit 2 "stdin in a batch" convert --to xl --output-dir "$work" -
expect_exit 2 "unknown option" convert --to xl --bogus a.cfg
expect_exit 2 "--from with no value" convert --to xl a.cfg --from

# ---- one file: same bytes as domxml-*, aliases, -o, stdin ------------------
for c in pv-bootloader hvm-basic pvh-guest; do
    run domxml-from-native xen-xl "$xl/$c.cfg" > "$work/native.xml" 2> /dev/null
    expect_exit 0 "convert xl->xml $c" convert --from xen-xl --to xml "$xl/$c.cfg"
    same "$work/out" "$work/native.xml" "convert --to xml $c equals domxml-from-native"
    expect_exit 0 "convert xml->xl $c" convert --from domxml --to xl "$xl/$c.xml"
    same "$work/out" "$xl/$c.cfg" "convert xml->xl $c"
    [ -s "$work/err" ] && bad "explicit --from printed diagnostics" || ok
done
expect_exit 0 "-o" convert --from xl --to xml "$xl/pv-bootloader.cfg" -o "$work/o.xml"
same "$work/o.xml" "$xl/pv-bootloader.xml" "-o output"
[ -s "$work/out" ] && bad "-o wrote to stdout" || ok
run convert --from xl --to xml - < "$xl/pv-bootloader.cfg" > "$work/stdin.xml" 2> "$work/err"
same "$work/stdin.xml" "$xl/pv-bootloader.xml" "stdin"

# a failure leaves an existing -o file alone
printf 'name = "broken\n' > "$work/broken.cfg"
echo keep > "$work/keep.cfg"
expect_exit 1 "bad input with -o" convert --from xl --to xl "$work/broken.cfg" -o "$work/keep.cfg"
[ "$(cat "$work/keep.cfg")" = keep ] && ok || bad "failed conversion touched -o file"
ls "$work" | grep -q '^keep\.cfg\.' && bad "temporary left behind" || ok
# an output that is the input itself is refused, the input untouched
cp "$xl/pv-bootloader.cfg" "$work/self.cfg"
expect_exit 1 "-o input" convert --to xl "$work/self.cfg" -o "$work/self.cfg"
has "$work/err" "$work/self.cfg: error: output '$work/self.cfg' is the input file itself; not converted [output]" "-o input message"
same "$work/self.cfg" "$xl/pv-bootloader.cfg" "refused -o kept the input"

# ---- detection notes -----------------------------------------------------
expect_exit 0 "auto xl" convert --to xml "$xl/pv-bootloader.cfg"
has "$work/err" "$xl/pv-bootloader.cfg: note: input format guessed as xen-xl (key=value disk spec 'format=...' at 14:11) [detect]" "xl note"
same "$work/out" "$xl/pv-bootloader.xml" "auto xl output"
expect_exit 0 "auto xml" convert --to xl "$xl/hvm-basic.xml"
has "$work/err" "$xl/hvm-basic.xml: note: input format guessed as xml (first non-blank byte '<' at 1:1) [detect]" "xml note"
same "$work/out" "$xl/hvm-basic.cfg" "auto xml output"
expect_exit 0 "auto xl, --quiet" convert -q --to xml "$xl/pv-bootloader.cfg"
[ -s "$work/err" ] && bad "--quiet printed the note" || ok
printf 'name = "x"\nmemory = 512\n' > "$work/plain.cfg"
expect_exit 0 "auto ambiguous" convert --to xml "$work/plain.cfg"
has "$work/err" "$work/plain.cfg: note: input format guessed as xen-xl (no xm-only key or disk spec; xen-xl is the default) [detect]" "ambiguous note"

# xm: an old-style disk spec decides
cat > "$work/old.cfg" <<'EOF'
name = "old"
uuid = "c7a5fdb0-cdaf-4455-926a-000000000001"
memory = 512
kernel = "/boot/vmlinuz"
disk = [ "phy:/dev/vg0/old,xvda,w" ]
EOF
note="input format guessed as xen-xm (old-style disk spec 'phy:...' at 5:10)"
if "$xenconv" convert --from xm --to xl "$work/old.cfg" > /dev/null 2>&1; then
    expect_exit 0 "auto xm" convert --to xl "$work/old.cfg"
    has "$work/err" "$work/old.cfg: note: $note [detect]" "xm note"
    for f in "$top"/testdata/xm/*.cfg; do
        [ -f "$f" ] || continue
        run convert --to xml "$f" > /dev/null 2> "$work/err"
        # xen-xm, unless nothing tells the formats apart (then xen-xl)
        grep -q -e "^$f: note: input format guessed as xen-xm " \
            -e "^$f: note: input format guessed as xen-xl (no xm-only key or disk spec; xen-xl is the default) " \
            "$work/err" && ok || {
            bad "testdata xm $(basename "$f") not guessed as xen-xm"; head -3 "$work/err"; }
    done
else
    expect_exit 1 "auto xm, not built" convert --to xl "$work/old.cfg"
    has "$work/err" "$work/old.cfg: error: $note, which this build cannot read; name the format with --from [detect]" "xm guess without xm"
fi
for f in "$xl"/*.cfg; do
    run convert -q --to xml "$f" > /dev/null 2> /dev/null
    run convert --to xml "$f" 2>&1 > /dev/null | grep -q "^$f: note: input format guessed as xen-xl " && ok ||
        bad "testdata xl $(basename "$f") not guessed as xen-xl"
done

# libvirt's own vectors, when make conformance has fetched them
lv=$top/.conformance/libvirt-9.0.0/tests
if [ -d "$lv/xmconfigdata" ] && [ "${VALGRIND:-0}" != 1 ]; then
    for pair in xmconfigdata:xen-xm xlconfigdata:xen-xl; do
        d=${pair%%:*} want=${pair#*:}
        for f in "$lv/$d"/*.cfg; do
            "$xenconv" convert --to xml "$f" 2>&1 > /dev/null |
                grep -q "^$f: note: input format guessed as $want " && ok ||
                bad "libvirt $d/$(basename "$f") not guessed as $want"
        done
    done
fi

# ---- a small batch ---------------------------------------------------------
mkdir -p "$work/b/in" "$work/b/in2" "$work/b/out"
cp "$xl/pv-bootloader.cfg" "$xl/hvm-basic.cfg" "$work/b/in/"
printf 'name = "broken\n' > "$work/b/in/corrupt.cfg"
cp "$xl/pvh-guest.cfg" "$work/b/in2/pv-bootloader.cfg"     # same output name
(cd "$work/b" && run convert --from xl --to xml --output-dir out \
    in/pv-bootloader.cfg in/corrupt.cfg in/missing.cfg in/hvm-basic.cfg \
    in2/pv-bootloader.cfg --report report.json) > "$work/out" 2> "$work/err"
rc=$?
[ $rc -eq 1 ] && ok || bad "batch with failures: exit $rc, expected 1"
[ -s "$work/out" ] && bad "batch wrote to stdout" || ok
same "$work/b/out/pv-bootloader.xml" "$xl/pv-bootloader.xml" "batch output 1"
same "$work/b/out/hvm-basic.xml" "$xl/hvm-basic.xml" "batch output 2 (after two failures)"
[ "$(ls "$work/b/out" | wc -l)" -eq 2 ] && ok || bad "batch: unexpected files in out/: $(ls "$work/b/out")"
cat > "$work/expect.err" <<'EOF'
in/corrupt.cfg:1:8: error: unterminated string: end of line at 1:15 [syntax]
in/missing.cfg: error: cannot open: No such file or directory [io]
in2/pv-bootloader.cfg: error: output 'out/pv-bootloader.xml' is already the output of 'in/pv-bootloader.cfg'; not converted [output]
xenconv: error: 3 of 5 files not converted [batch]
EOF
same "$work/err" "$work/expect.err" "batch diagnostics (piped: no progress)"
grep -q "$(printf '\r')" "$work/err" && bad "progress printed when piped" || ok
# the report: valid JSON, exactly this content
if python3 -m json.tool "$work/b/report.json" > /dev/null; then ok; else bad "report is not valid JSON"; fi
cat > "$work/expect.json" <<'EOF'
{
  "xenconv_report": 1,
  "target": "domain XML",
  "losses": [],
  "diagnostics": [
    {"file": "in/corrupt.cfg", "line": 1, "column": 8, "severity": "error", "check": "syntax", "message": "unterminated string: end of line at 1:15"},
    {"file": "in/missing.cfg", "line": null, "column": null, "severity": "error", "check": "io", "message": "cannot open: No such file or directory"},
    {"file": "in2/pv-bootloader.cfg", "line": null, "column": null, "severity": "error", "check": "output", "message": "output 'out/pv-bootloader.xml' is already the output of 'in/pv-bootloader.cfg'; not converted"}
  ],
  "files": 5,
  "failed": 3
}
EOF
same "$work/b/report.json" "$work/expect.json" "report content"
ls "$work/b" | grep -q '^report\.json\.' && bad "report temporary left behind" || ok

# losses land in "losses", each naming the target; notes and bytes escaped
mkdir -p "$work/r"
odd=$(printf 'odd\001\377.cfg')     # a control byte and invalid UTF-8 in the name
printf 'name = "x"\nmemory = 512\nfrobnicate = 1\nsdl = 1\nvnc = 1\n' > "$work/r/$odd"
(cd "$work/r" && run convert --to xml --output-dir . "$odd" "$xl/hvm-spice.cfg" --report r.json) > /dev/null 2>&1
python3 - "$work/r/r.json" <<'EOF' && ok || bad "report losses/diagnostics split"
import json, sys
raw = open(sys.argv[1], "rb").read()
assert b"odd\\u0001\\ufffd.cfg" in raw and max(raw) < 0x80, raw[:300]
r = json.loads(raw.decode("utf-8"))
for e in r["losses"] + r["diagnostics"]:
    if e["file"].startswith("odd"):
        assert e["file"] == "odd\x01\ufffd.cfg", e["file"]
        e["file"] = "odd.cfg"       # a plain name for the checks below
assert r["target"] == "domain XML" and r["files"] == 2, r
for e in r["losses"]:
    assert e["severity"] == "warning", e
    assert e["message"].endswith(" is not carried to domain XML"), e
for e in r["losses"] + r["diagnostics"]:
    assert set(e) == {"file", "line", "column", "severity", "check", "message"}, e
notes = [e for e in r["diagnostics"] if e["check"] == "detect"]
assert len(notes) == 2 and notes[0]["file"] == "odd.cfg", notes
# the xl reader's unused keys are losses, with their positions
keys = [(e["file"].rsplit("/", 1)[-1], e["line"], e["column"], e["check"])
        for e in r["losses"]]
for k in [("odd.cfg", 3, 1, "unused-key"), ("hvm-spice.cfg", 30, 1, "unused-key"),
          ("hvm-spice.cfg", 32, 1, "unused-key")]:
    assert k in keys, (k, keys)
assert not any("is not carried" in e["message"] for e in r["diagnostics"]), r["diagnostics"]
EOF

# domxml-* take --report too
expect_exit 0 "domxml-from-native --report" domxml-from-native xen-xl "$xl/pv-bootloader.cfg" --report "$work/d.json"
same "$work/out" "$xl/pv-bootloader.xml" "domxml --report output"
printf '{\n  "xenconv_report": 1,\n  "target": "domain XML",\n  "losses": [],\n  "diagnostics": [],\n  "files": 1,\n  "failed": 0\n}\n' > "$work/expect.json"
same "$work/d.json" "$work/expect.json" "domxml report, nothing to say"
(cd "$work" && run domxml-to-native xen-xl broken.cfg --report d.json) > /dev/null 2>&1
cat > "$work/expect.json" <<'EOF2'
{
  "xenconv_report": 1,
  "target": "xen-xl",
  "losses": [],
  "diagnostics": [
    {"file": "broken.cfg", "line": 1, "column": 1, "severity": "error", "check": "syntax", "message": "malformed XML: syntax error"}
  ],
  "files": 1,
  "failed": 1
}
EOF2
same "$work/d.json" "$work/expect.json" "domxml report of a failure"

# the input itself and other inputs are never overwritten
mkdir -p "$work/s"
cp "$xl/pv-bootloader.cfg" "$work/s/a.cfg"
cp "$xl/pv-bootloader.xml" "$work/s/b.xml"
cp "$xl/hvm-basic.cfg" "$work/s/b.cfg"
(cd "$work/s" && run convert --to xl --output-dir . a.cfg) > /dev/null 2> "$work/err"
rc=$?
[ $rc -eq 1 ] && ok || bad "output == input: exit $rc"
has "$work/err" "a.cfg: error: output './a.cfg' is the input file itself; not converted [output]" "output == input message"
same "$work/s/a.cfg" "$xl/pv-bootloader.cfg" "input kept"
(cd "$work/s" && run convert -q --to xml --output-dir . b.cfg b.xml) > /dev/null 2> "$work/err"
has "$work/err" "b.cfg: error: output './b.xml' is the input file 'b.xml'; not converted [output]" "output == another input"
same "$work/s/b.xml" "$xl/pv-bootloader.xml" "other input kept"
expect_exit 1 "missing output dir" convert --to xl --output-dir "$work/nodir" "$xl/pv-bootloader.cfg"
has "$work/err" "$work/nodir: error: cannot use as output directory: No such file or directory [output]" "missing output dir message"

# progress on a terminal: shown while running, cleared at the end
if command -v script > /dev/null 2>&1 && [ "${VALGRIND:-0}" != 1 ]; then
    mkdir -p "$work/p"
    script -qec "'$xenconv' convert --from xl --to xml --output-dir '$work/p' '$xl/pv-bootloader.cfg' '$xl/hvm-basic.cfg'" /dev/null > "$work/tty" 2>&1
    grep -q 'xenconv: 2/2 files' "$work/tty" && ok || bad "no progress on a terminal"
    # what is left on screen: the line is cleared (\r ESC[K) at the end
    [ "$(tail -c 4 "$work/tty" | od -An -tx1 | tr -d ' \n')" = 0d1b5b4b ] && ok ||
        bad "progress line not cleared: $(cat -v "$work/tty")"
    script -qec "'$xenconv' convert -q --from xl --to xml --output-dir '$work/p' '$xl/pv-bootloader.cfg'" /dev/null > "$work/tty" 2>&1
    [ -s "$work/tty" ] && bad "--quiet showed progress: $(cat -v "$work/tty")" || ok
fi

# ---- xen-sxpr ------------------------------------------------------------------
# Inputs in tests/sxpr/: pv.sxpr and hvm.sxpr as `xm list -l` prints them,
# pv.xl their expected xl (written by hand from the reader and xl writer
# rules), small.cfg an xl config and small.sxpr its expected sxpr (from
# the writer's rules: xenFormatSxpr's layout, on one line).
sx=$top/tests/sxpr
expect_exit 0 "sxpr -> xl" convert --from xen-sxpr --to xen-xl "$sx/pv.sxpr"
same "$work/out" "$sx/pv.xl" "sxpr -> xl output"
# the same through domain XML, in two runs: sxpr -> XML -> xl
for c in pv hvm; do
    expect_exit 0 "sxpr -> xl $c" convert --from sxpr --to xl "$sx/$c.sxpr"
    cp "$work/out" "$work/$c.direct.xl"
    run domxml-from-native xen-sxpr "$sx/$c.sxpr" > "$work/$c.xml" 2> /dev/null
    expect_exit 0 "XML of $c -> xl" convert --from xml --to xen-xl "$work/$c.xml"
    same "$work/out" "$work/$c.direct.xl" "sxpr -> xl equals sxpr -> XML -> xl ($c)"
    # convert --to xml prints what domxml-from-native prints
    expect_exit 0 "sxpr -> xml $c" convert --from xen-sxpr --to xml "$sx/$c.sxpr"
    same "$work/out" "$work/$c.xml" "convert --to xml equals domxml-from-native ($c)"
done
grep -q '<name>win &quot;desk&quot;</name>' "$work/hvm.xml" && ok || bad "hvm.sxpr: quoted name not in the XML"
# auto-detection: the first non-blank byte is '('
printf '\n\n   ' > "$work/lead.sxpr"
cat "$sx/pv.sxpr" >> "$work/lead.sxpr"
expect_exit 0 "auto sxpr" convert --to xen-xl "$work/lead.sxpr"
has "$work/err" "$work/lead.sxpr: note: input format guessed as xen-sxpr (first non-blank byte '(' at 3:4) [detect]" "sxpr note"
same "$work/out" "$sx/pv.xl" "auto sxpr output"
# a syntax error: FILE:LINE:COL, exit 1, nothing written
printf '(domain (name x)\n  (memory 512\n' > "$work/open.sxpr"
echo keep > "$work/keep.xl"
expect_exit 1 "unbalanced sxpr" convert --to xl "$work/open.sxpr" -o "$work/keep.xl"
has "$work/err" "$work/open.sxpr:2:3: error: unbalanced '(': list not closed before the end of the file (2 lists open) [syntax]" "sxpr syntax error"
[ "$(cat "$work/keep.xl")" = keep ] && ok || bad "failed sxpr conversion touched -o file"
# a batch of .sxpr files, one broken: NAME.cfg for each good one
mkdir -p "$work/sb/in" "$work/sb/out"
cp "$sx/pv.sxpr" "$sx/hvm.sxpr" "$work/sb/in/"
printf "(domain (name 'broken)\n" > "$work/sb/in/broken.sxpr"
(cd "$work/sb" && run convert --to xen-xl --output-dir out in/pv.sxpr in/broken.sxpr in/hvm.sxpr) > "$work/out" 2> "$work/err"
rc=$?
[ $rc -eq 1 ] && ok || bad "sxpr batch: exit $rc, expected 1"
same "$work/sb/out/pv.cfg" "$sx/pv.xl" "sxpr batch output pv"
same "$work/sb/out/hvm.cfg" "$work/hvm.direct.xl" "sxpr batch output hvm"
[ "$(ls "$work/sb/out")" = "$(printf 'hvm.cfg\npv.cfg')" ] && ok || bad "sxpr batch: files in out/: $(ls "$work/sb/out")"
has "$work/err" "in/pv.sxpr: note: input format guessed as xen-sxpr (first non-blank byte '(' at 1:1) [detect]" "sxpr batch note"
has "$work/err" "in/broken.sxpr:1:15: error: unterminated string: no closing ' [syntax]" "sxpr batch error"
has "$work/err" "xenconv: error: 1 of 3 files not converted [batch]" "sxpr batch summary"
# xl -> sxpr, one file and in a batch (extension .sxpr)
expect_exit 0 "xl -> sxpr" convert --from xen-xl --to xen-sxpr "$sx/small.cfg"
same "$work/out" "$sx/small.sxpr" "xl -> sxpr output"
[ -s "$work/err" ] && { bad "xl -> sxpr printed diagnostics"; head -5 "$work/err"; } || ok
mkdir -p "$work/sb2"
expect_exit 0 "xl -> sxpr batch" convert -q --to sxpr --output-dir "$work/sb2" "$sx/small.cfg"
same "$work/sb2/small.sxpr" "$sx/small.sxpr" "xl -> sxpr batch output"
# and back: the sxpr written reads as the same domain
expect_exit 0 "sxpr written -> xl" convert --from sxpr --to xl "$work/sb2/small.sxpr"
run convert --from xl --to xl "$sx/small.cfg" > "$work/small.xl" 2> /dev/null
same "$work/out" "$work/small.xl" "xl -> sxpr -> xl equals xl -> xl"

# ---- a large output: streamed, complete, all or nothing ---------------------
# BIG_N disks (100,000; 10,000 under valgrind or a sanitizer build): most of
# the output leaves memory at the writers' flush points, into the -o
# temporary or, for stdout, an unnamed spool file.  The result must equal
# the one-disk conversion with its disk repeated BIG_N times, and a refusal
# in the last disk, after most of the output left the buffer, must leave no
# file and print nothing.
big=${BIG_N:-100000}
if [ "${VALGRIND:-0}" = 1 ] || ldd "$xenconv" 2>/dev/null | grep -q 'libasan\|libubsan'; then
    big=${BIG_N:-10000}
fi
nm='function nm(i,  s) { s = ""; i++; while (i > 0) { i--; s = sprintf("%c", 97 + i % 26) s; i = int(i / 26) } return s }
function rep(s, a, b,  k) { k = index(s, a); return k ? substr(s, 1, k - 1) b substr(s, k + length(a)) : s }'
# gen_big N [SUFFIX-OF-THE-LAST-PATH]: an xl config with N disks xvda...
gen_big() {
    awk -v n="$1" -v last="${2:-}" "$nm"'
    BEGIN { printf "name = \"big\"\nuuid = \"596a5d21-71f4-8fb2-e068-e2386a5c413e\"\nmemory = 512\nkernel = \"/k\"\ndisk = [ "
            for (i = 0; i < n; i++) printf "%s\"/d/%d%s,raw,xvd%s,w\"", (i ? ", " : ""), i, (i == n - 1 ? last : ""), nm(i)
            printf " ]\n" }'
}
# scale FILE N: a one-disk output (XML or xl) with its disk for 0..N-1
scale() {
    awk -v n="$2" -v q="'" "$nm"'
    /^    <disk / { inb = 1 }
    inb { blk = blk $0 "\n"
          if ($0 ~ /^    <\/disk>/) {
              inb = 0
              for (i = 0; i < n; i++) {
                  printf "%s", rep(rep(blk, "/d/0" q, "/d/" i q), "xvda" q, "xvd" nm(i) q)
              }
          }
          next }
    /^disk = \[ "/ { item = substr($0, 10, length($0) - 11)
          printf "disk = [ "
          for (i = 0; i < n; i++) {
              printf "%s%s", (i ? ", " : ""), rep(rep(item, "vdev=xvda,", "vdev=xvd" nm(i) ","), "/d/0\"", "/d/" i "\"")
          }
          printf " ]\n"; next }
    { print }' "$1"
}
gen_big 1 > "$work/one.cfg"
gen_big "$big" > "$work/big.cfg"
run convert --from xl --to xml "$work/one.cfg" > "$work/one.xml" 2> /dev/null
run convert --from xml --to xl "$work/one.xml" > "$work/one.xl" 2> /dev/null
scale "$work/one.xml" "$big" > "$work/big.want.xml"
scale "$work/one.xl" "$big" > "$work/big.want.xl"
[ "$(grep -c '<disk ' "$work/big.want.xml")" -eq "$big" ] && ok || bad "large: the expected XML has not $big disks"
expect_exit 0 "large xl -> xml, -o" convert --from xl --to xml "$work/big.cfg" -o "$work/big.xml"
same "$work/big.xml" "$work/big.want.xml" "large xl -> xml, -o"
expect_exit 0 "large xl -> xml, stdout" convert --from xl --to xml "$work/big.cfg"
same "$work/out" "$work/big.want.xml" "large xl -> xml, stdout to a file"
run convert --from xl --to xml "$work/big.cfg" 2> /dev/null | cat > "$work/big.pipe.xml"
same "$work/big.pipe.xml" "$work/big.want.xml" "large xl -> xml, stdout to a pipe"
expect_exit 0 "large domxml-from-native" domxml-from-native xen-xl "$work/big.cfg"
same "$work/out" "$work/big.want.xml" "large domxml-from-native"
expect_exit 0 "large xml -> xl, -o" convert --from xml --to xl "$work/big.xml" -o "$work/big.xl"
same "$work/big.xl" "$work/big.want.xl" "large xml -> xl, -o"
expect_exit 0 "large xml -> xl, stdout" convert --from xml --to xl "$work/big.xml"
same "$work/out" "$work/big.want.xl" "large xml -> xl, stdout"
expect_exit 0 "large domxml-to-native" domxml-to-native xen-xl "$work/big.xml"
same "$work/out" "$work/big.want.xl" "large domxml-to-native"

# refused in the last disk: nothing on stdout (a file or a pipe), no file in
# the -o directory; $1 a description, $2 the error's tail, then the args
refused_big() {
    what=$1 tail=$2
    shift 2
    expect_exit 1 "$what, stdout" "$@"
    [ -s "$work/out" ] && bad "$what: printed $(wc -c < "$work/out") bytes" || ok
    grep -qF -- "$tail" "$work/err" && ok || { bad "$what: no '$tail' in:"; head -3 "$work/err"; }
    piped=$(run "$@" 2> /dev/null | wc -c)
    [ "$piped" -eq 0 ] && ok || bad "$what: printed $piped bytes to a pipe"
    rm -rf "$work/bigout" && mkdir "$work/bigout"
    expect_exit 1 "$what, -o" "$@" -o "$work/bigout/big.out"
    [ -z "$(ls -A "$work/bigout")" ] && ok || bad "$what: left $(ls -A "$work/bigout")"
}
gen_big "$big" '\001' > "$work/bigbad.cfg"
refused_big "large xl -> xml, control character in the last disk" \
    "domain XML cannot hold it [unsafe-value]" \
    convert --from xl --to xml "$work/bigbad.cfg"
awk -v n="$big" '/^    <disk /{d++} d == n && /<driver /{sub("qemu", "q:x")} {print}' \
    "$work/big.want.xml" > "$work/bigbad-driver.xml"
refused_big "large xml -> sxpr, ':' in the last disk's driver" \
    "disk driver name contains ':'" \
    convert --from xml --to sxpr "$work/bigbad-driver.xml"
# (the xl and xm writers refuse while they build their key list, before a
# byte is written: the same guarantee, checked for completeness)
awk -v n="$big" -v q="'" '/^    <disk /{d++} d == n && /<source /{sub("/d/" (n - 1) q, "/d/" (n - 1) "\\&#10;x" q)} {print}' \
    "$work/big.want.xml" > "$work/bigbad-source.xml"
refused_big "large xml -> xl, newline in the last disk's source" \
    "an xl disk spec cannot hold" \
    convert --from xml --to xl "$work/bigbad-source.xml"
rm -rf "$work"/big* "$work"/one.*

# ---- BATCH_N generated configs in one process, one corrupt ------------------
# xm -> xl once xen-xm is built in, else xl -> xl; tests/gen_batch.sh writes
# each input with its exact expected xl.
n=${BATCH_N:-1000}
if "$xenconv" convert --from xm --to xl "$work/old.cfg" > /dev/null 2>&1; then from=xen-xm; else from=xen-xl; fi
mkdir -p "$work/n/out"
sh "$top/tests/gen_batch.sh" "$work/n" "$n" "$from" $((n / 2))
bad_in=$(printf 'in/guest%05d.cfg' $((n / 2)))
(cd "$work/n" && run convert --from "$from" --to xen-xl --output-dir out in/*.cfg) > "$work/out" 2> "$work/err"
rc=$?
[ $rc -eq 1 ] && ok || bad "batch of $n ($from): exit $rc, expected 1"
printf '%s:1:8: error: unterminated string: end of line at 1:19 [syntax]\nxenconv: error: 1 of %d files not converted [batch]\n' "$bad_in" "$n" > "$work/expect.err"
same "$work/err" "$work/expect.err" "batch of $n ($from): diagnostics"
if diff -r "$work/n/exp" "$work/n/out" > "$work/diff"; then ok; else bad "batch of $n ($from): outputs differ"; head -20 "$work/diff"; fi
[ "$(ls "$work/n/out" | wc -l)" -eq $((n - 1)) ] && ok || bad "batch of $n: $(ls "$work/n/out" | wc -l) outputs"

echo "convert: $pass passed, $fail failed ($from batch of $n)"
[ "$fail" -eq 0 ]
