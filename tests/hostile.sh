#!/bin/sh
# Hostile inputs: each must give a clean, positioned error (or a clean
# conversion where that is the right answer), never a crash, a sanitizer
# report, a partial output file or a touched input.  Run by `make golden`
# (so by `make asan` too).  What is covered and the limits decided are in
# docs/hardening.md.
#
#   empty, NUL bytes, invalid UTF-8     every reader: exit 1, the exact error
#   CRLF line ends                      every reader: same result as with LF
#   1 GiB on one line                   refused from its size (file) or after
#                                       XC_SOURCE_MAX bytes (pipe); peak RSS
#   100,000 nested lists / elements     xl lists, XML elements, sxpr lists
#   1,000,000 disks                     xl -> XML converts them all (100,000
#                                       under a sanitizer build: time)
#   2^64 KiB, unit overflow             xl, xm, sxpr memory; XML memory units
#   a batch with a file that is gone,   those fail with their name, the
#     a directory, an unreadable file   others are converted
#   read-only or full output dir        no output file left, an older output
#                                       and the input untouched (needs root
#                                       for tmpfs mounts; else SKIP, or FAIL
#                                       when CI is set)
#   stdout is /dev/full                 exit 1, error on <stdout>
#   stdout spool (TMPDIR) full or       exit 1, error on <stdout>, nothing
#     read-only                         printed (needs root, as above)
#
# Usage: hostile.sh XENCONV
set -u
xenconv=$(readlink -f "$1")
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
mnts=
cleanup() {
    for m in $mnts; do umount "$m" 2>/dev/null; done
    rm -rf "$work"
}
trap cleanup EXIT
cd "$work" || exit 1
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }

# A sanitizer build is slower and bigger: scale the huge cases down.
san=0
if ldd "$xenconv" 2>/dev/null | grep -q 'libasan\|libubsan'; then san=1; fi

# run NAME CMD...: run with stdout in NAME.out, stderr in NAME.err and the
# exit status in $rc; a sanitizer report or a signal is a failure by itself.
run() {
    n=$1
    shift
    "$@" > "$n.out" 2> "$n.err"
    rc=$?
    if [ "$rc" -ge 86 ] || grep -q 'Sanitizer\|runtime error' "$n.err"; then
        bad "$n: crash or sanitizer report (exit $rc)"
        head -5 "$n.err"
        rc=99
    fi
}

# expect_err NAME FIRST-ERROR-LINE CMD...: exit 1, nothing on stdout, and
# the first error line is exactly FIRST-ERROR-LINE.
expect_err() {
    n=$1 want=$2
    shift 2
    run "$n" "$@"
    [ "$rc" -eq 99 ] && return
    got=$(grep -m1 ': error: ' "$n.err")
    if [ "$rc" -ne 1 ]; then
        bad "$n: exit $rc, expected 1"; head -3 "$n.err"
    elif [ -s "$n.out" ]; then
        bad "$n: output written despite the error"
    elif [ "$got" != "$want" ]; then
        bad "$n: error line"; echo "  want: $want"; echo "  got:  $got"
    else
        ok
    fi
}

from() { "$xenconv" domxml-from-native "$@"; }
to() { "$xenconv" domxml-to-native "$@"; }

# ---- 0 bytes, NUL bytes, invalid UTF-8 -------------------------------------
: > empty
expect_err empty-xl "empty:1:1: error: the required key 'name' is missing [missing-key]" from xen-xl empty
expect_err empty-xm "empty:1:1: error: the required key 'name' is missing [missing-key]" from xen-xm empty
expect_err empty-sxpr "empty:1:1: error: empty input: expected '(' to open the domain [syntax]" from xen-sxpr empty
expect_err empty-xml "empty:1:1: error: malformed XML: no element found [syntax]" to xen-xl empty

printf 'name = "a\000b"\nmemory = 512\n' > nul.cfg
expect_err nul-xl "nul.cfg:1:10: error: NUL byte in input [syntax]" from xen-xl nul.cfg
expect_err nul-xm "nul.cfg:1:10: error: NUL byte in input [syntax]" from xen-xm nul.cfg
printf "(domain (name 'a\000b')(memory 512))\n" > nul.sxpr
expect_err nul-sxpr "nul.sxpr:1:17: error: NUL byte in a string [syntax]" from xen-sxpr nul.sxpr
printf "<domain type='xen'><name>a\000b</name></domain>\n" > nul.xml
expect_err nul-xml "nul.xml:1:27: error: malformed XML: not well-formed (invalid token) [syntax]" to xen-xl nul.xml

printf 'name = "a\377\376b"\nmemory = 512\n' > utf8.cfg
expect_err utf8-xl "utf8.cfg:1:9: error: name contains a byte sequence that is not valid UTF-8 (byte 2 of the value); domain XML cannot hold it [unsafe-value]" from xen-xl utf8.cfg
expect_err utf8-xm "utf8.cfg:1:9: error: name contains a byte sequence that is not valid UTF-8 (byte 2 of the value); domain XML cannot hold it [unsafe-value]" from xen-xm utf8.cfg
printf "(domain (name 'a\377\376b')(memory 512)(uuid 596a5d2171f48fb2e068e2386a5c413e)(image (hvm (kernel /usr/lib/xen/boot/hvmloader))))\n" > utf8.sxpr
expect_err utf8-sxpr "utf8.sxpr:1:15: error: name contains a byte sequence that is not valid UTF-8 (byte 2 of the value); domain XML cannot hold it [unsafe-value]" from xen-sxpr utf8.sxpr
printf "<domain type='xen'><name>a\377\376b</name></domain>\n" > utf8.xml
expect_err utf8-xml "utf8.xml:1:27: error: malformed XML: not well-formed (invalid token) [syntax]" to xen-xl utf8.xml

# ---- CRLF line ends: the same result as LF -----------------------------------
crlf() {  # crlf NAME FILE CMD...: CMD on FILE and on FILE with CRLF agree
    c=$1 f=$2
    shift 2
    sed 's/$/\r/' "$f" > "$c.crlf"
    run "$c-lf" "$@" "$f"
    lrc=$rc
    run "$c-crlf" "$@" "$c.crlf"
    [ "$rc" -eq 99 ] || [ "$lrc" -eq 99 ] && return
    if [ "$rc" -ne "$lrc" ] || ! cmp -s "$c-lf.out" "$c-crlf.out"; then
        bad "$c: CRLF gives exit $rc, LF $lrc, or other output"
        diff "$c-lf.out" "$c-crlf.out" | head -5; head -3 "$c-crlf.err"
    else
        ok
    fi
}
crlf crlf-xl "$top/testdata/xl/hvm-basic.cfg" from xen-xl
crlf crlf-xm "$top/testdata/xm/hvm-basic.cfg" from xen-xm
crlf crlf-xml "$top/testdata/xl/hvm-basic.xml" to xen-xl
sxpr=$(ls "$top"/testdata/sxpr/*.sxpr | head -1)
crlf crlf-sxpr "$sxpr" from xen-sxpr

# ---- 1 GiB on one line ------------------------------------------------------
# XC_SOURCE_MAX (256 MiB): a regular file beyond it is refused from its
# size, nothing read; a pipe after 256 MiB.  Peak RSS from /usr/bin/time.
rss() {  # rss NAME CMD...: run; peak RSS in KiB in $kb
    n=$1
    shift
    /usr/bin/time -f '%M' -o "$n.rss" "$@" > "$n.out" 2> "$n.err"
    rc=$?
    kb=$(tail -1 "$n.rss")
}
head -c 1073741824 /dev/zero | tr '\0' x > huge.cfg
rss huge-file "$xenconv" domxml-from-native xen-xl huge.cfg
want="huge.cfg: error: input larger than 256 MiB: refused [io]"
if [ "$rc" -ne 1 ] || [ "$(cat huge-file.err)" != "$want" ] || [ -s huge-file.out ]; then
    bad "huge-file: exit $rc: $(head -2 huge-file.err)"
elif [ "$kb" -gt 65536 ]; then
    bad "huge-file: peak RSS $kb KiB for a file refused from its size (limit 64 MiB)"
else
    ok
fi
# Through a pipe: at most 256 MiB read, held once (the 1.3 x file-size
# bound is then 1.3 x 256 MiB plus a constant; a sanitizer build more).
lim=$((256 * 1024 * 13 / 10 + 65536))
[ "$san" -eq 1 ] && lim=$((lim * 3))
rss huge-pipe sh -c "cat huge.cfg | '$xenconv' domxml-from-native xen-xl -"
want="<stdin>: error: input larger than 256 MiB: refused [io]"
if [ "$rc" -ne 1 ] || [ "$(cat huge-pipe.err)" != "$want" ]; then
    bad "huge-pipe: exit $rc: $(head -2 huge-pipe.err)"
elif [ "$kb" -gt "$lim" ]; then
    bad "huge-pipe: peak RSS $kb KiB > $lim KiB"
else
    ok
fi
rm -f huge.cfg

# ---- 100,000 nesting levels ---------------------------------------------------
awk 'BEGIN{printf "name = \"n\"\nmemory = 512\ndisk = "; for(i=0;i<100000;i++) printf "["; for(i=0;i<100000;i++) printf "]"; printf "\n"}' > nest.cfg
expect_err nest-xl "nest.cfg:3:72: error: lists nested more than 64 deep [syntax]" from xen-xl nest.cfg
awk 'BEGIN{printf "(domain (name n)"; for(i=0;i<100000;i++) printf "("; for(i=0;i<100000;i++) printf ")"; printf ")\n"}' > nest.sxpr
expect_err nest-sxpr "nest.sxpr:1:1: error: domain information incomplete, missing uuid: (uuid UUID) is required [missing-key]" from xen-sxpr nest.sxpr
# XML: 100,000 nested unknown elements are one unmodeled element, reported.
awk 'BEGIN{printf "<domain type=\"xen\"><name>n</name><memory>1024</memory><os><type>hvm</type></os><devices>"; for(i=0;i<100000;i++) printf "<a>"; for(i=0;i<100000;i++) printf "</a>"; printf "</devices></domain>\n"}' > nest.xml
run nest-xml to xen-xl nest.xml
if [ "$rc" -eq 0 ] && [ "$(cat nest-xml.err)" = "nest.xml:1:89: warning: /domain/devices/a (not in xenconv's model) is not carried to xen-xl [unmodeled]" ]; then
    ok
elif [ "$rc" -ne 99 ]; then
    bad "nest-xml: exit $rc: $(head -2 nest-xml.err)"
fi
# ... and 100,000 nested known ones (a disk in a disk ...) are refused.
awk 'BEGIN{printf "<domain type=\"xen\"><name>n</name><memory>1024</memory><os><type>hvm</type></os><devices>"; for(i=0;i<100000;i++) printf "<disk>"; for(i=0;i<100000;i++) printf "</disk>"; printf "</devices></domain>\n"}' > nest2.xml
run nest2-xml to xen-xl nest2.xml
if [ "$rc" -eq 1 ] && grep -q '^nest2.xml:1:[0-9]*: error: ' nest2-xml.err && [ ! -s nest2-xml.out ]; then
    ok
elif [ "$rc" -ne 99 ]; then
    bad "nest2-xml: exit $rc: $(head -2 nest2-xml.err)"
fi

# ---- 1,000,000 disks ------------------------------------------------------------
ndisks=1000000
[ "$san" -eq 1 ] && ndisks=100000
awk -v n=$ndisks 'function nm(i,  s){s=""; i++; while(i>0){i--; s=sprintf("%c",97+i%26) s; i=int(i/26)} return s}
    BEGIN{printf "name = \"many\"\nuuid = \"596a5d21-71f4-8fb2-e068-e2386a5c413e\"\nmemory = 512\ndisk = [ "; for(i=0;i<n;i++) printf "%s\"/d/%d,raw,xvd%s,w\"", (i?", ":""), i, nm(i); printf " ]\n"}' > disks.cfg
run disks from xen-xl disks.cfg
if [ "$rc" -eq 0 ] && [ "$(grep -c "<disk type='file' device='disk'>" disks.out)" -eq "$ndisks" ] &&
   [ ! -s disks.err ]; then
    ok
elif [ "$rc" -ne 99 ]; then
    bad "disks: exit $rc, $(grep -c '<disk ' disks.out) disks: $(head -2 disks.err)"
fi
# and back: the XML of a million disks to xl, every disk written
run disks-back to xen-xl disks.out
if [ "$rc" -eq 0 ] && [ "$(grep -o 'vdev=xvd' disks-back.out | wc -l)" -eq "$ndisks" ]; then
    ok
elif [ "$rc" -ne 99 ]; then
    bad "disks-back: exit $rc: $(head -2 disks-back.err)"
fi
rm -f disks.cfg disks.out disks-back.out

# ---- integer overflow in memory and units -----------------------------------
printf 'name = "o"\nmemory = 18446744073709551616\n' > m64.cfg
expect_err mem64-xl "m64.cfg:2:10: error: bad number '18446744073709551616': out of range [syntax]" from xen-xl m64.cfg
expect_err mem64-xm "m64.cfg:2:10: error: bad number '18446744073709551616': out of range [syntax]" from xen-xm m64.cfg
# memory is MiB: 2^54 MiB is 2^64 KiB
printf 'name = "o"\nmemory = 18014398509481984\n' > m54.cfg
expect_err mem54-xl "m54.cfg:2:10: error: memory: 18014398509481984 is out of range (at most 18014398509481983) [bad-number]" from xen-xl m54.cfg
printf 'name = "o"\nmemory = 512\nmaxmem = 9223372036854775807\n' > mmax.cfg
expect_err maxmem-xm "mmax.cfg:3:10: error: maxmem: 9223372036854775807 is out of range (at most 18014398509481983) [bad-number]" from xen-xm mmax.cfg
printf "(domain (name o)(memory 18446744073709551616)(uuid 596a5d2171f48fb2e068e2386a5c413e)(image (hvm (kernel /x))))\n" > m64.sxpr
expect_err mem64-sxpr "m64.sxpr:1:25: error: memory: 18446744073709551616 is out of range (at most 8796093022207) [bad-value]" from xen-sxpr m64.sxpr
memxml() {  # memxml NAME VALUE UNIT ERROR-LINE
    printf "<domain type='xen'>\n  <name>o</name>\n  <memory unit='%s'>%s</memory>\n  <os><type>hvm</type></os>\n</domain>\n" "$3" "$2" > "$1.xml"
    expect_err "$1" "$4" to xen-xl "$1.xml"
}
memxml mem64-xml 18446744073709551616 KiB "mem64-xml.xml:3:22: error: Invalid value '18446744073709551616' for element or attribute './memory[1]' [invalid]"
memxml mem-eib 16 EiB "mem-eib.xml:3:22: error: size value too large: 16EiB [invalid]"
memxml mem-tib 17179869184 TiB "mem-tib.xml:3:22: error: size value too large: 17179869184TiB [invalid]"
memxml mem-kib 18014398509481984 KiB "mem-kib.xml:3:22: error: size value too large: 18014398509481984KiB [invalid]"
memxml mem-unit 1 YiB "mem-unit.xml:3:17: error: unknown unit 'YiB' (expected b, KB, KiB, MB, MiB, GB, GiB, TB, TiB, PB, PiB, EB or EiB) [invalid]"

# ---- a batch with files that are gone or unreadable ---------------------------
mkdir -p batch/in batch/out dir.cfg
cp "$top/testdata/xl/hvm-basic.cfg" batch/in/a.cfg
cp "$top/testdata/xl/hvm-basic.cfg" batch/in/c.cfg
cp "$top/testdata/xl/hvm-basic.cfg" batch/in/gone.cfg
rm batch/in/gone.cfg          # listed, then gone before the batch reads it
mkdir batch/in/dir.cfg         # a directory: open succeeds, read fails
cp "$top/testdata/xl/hvm-basic.cfg" batch/in/noread.cfg
chmod 000 batch/in/noread.cfg
chmod 777 batch/out
files="batch/in/a.cfg batch/in/gone.cfg batch/in/dir.cfg batch/in/c.cfg"
asuser=
if [ "$(id -u)" -eq 0 ] && command -v setpriv > /dev/null; then
    # root reads anything: the unreadable file needs an unprivileged run
    chmod 755 "$work" batch batch/in
    asuser="setpriv --reuid=65534 --regid=65534 --clear-groups"
    files="$files batch/in/noread.cfg"
elif [ "$(id -u)" -ne 0 ]; then
    files="$files batch/in/noread.cfg"
fi
run batch $asuser "$xenconv" convert --from xen-xl --to xml --output-dir batch/out $files
from xen-xl batch/in/a.cfg > want.xml 2>/dev/null
if [ "$rc" -ne 1 ]; then
    bad "batch: exit $rc"; cat batch.err
elif ! cmp -s batch/out/a.xml want.xml || ! cmp -s batch/out/c.xml want.xml; then
    bad "batch: the good files were not converted"
elif [ "$(ls batch/out | tr '\n' ' ')" != "a.xml c.xml " ]; then
    bad "batch: outputs $(ls batch/out | tr '\n' ' ')"
elif ! grep -qx 'batch/in/gone.cfg: error: cannot open: No such file or directory \[io\]' batch.err ||
     ! grep -qx 'batch/in/dir.cfg: error: cannot read: Is a directory \[io\]' batch.err; then
    bad "batch: diagnostics"; cat batch.err
elif case $files in *noread*) ! grep -qx 'batch/in/noread.cfg: error: cannot open: Permission denied \[io\]' batch.err;; *) false;; esac; then
    bad "batch: unreadable file diagnostic"; cat batch.err
else
    ok
fi

# ---- read-only or full output directory ---------------------------------------
# A 64 KiB tmpfs (full: the XML of 2,000 disks is bigger) and a read-only
# tmpfs; an older output already there must survive a failed conversion.
awk 'function nm(i,  s){s=""; i++; while(i>0){i--; s=sprintf("%c",97+i%26) s; i=int(i/26)} return s}
    BEGIN{printf "name = \"big\"\nmemory = 512\ndisk = [ "; for(i=0;i<2000;i++) printf "%s\"/d/%d,raw,xvd%s,w\"", (i?", ":""), i, nm(i); printf " ]\n"}' > big.cfg
sum=$(cksum < big.cfg)
mkdir -p full ro
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=64k tmpfs full 2>/dev/null; then
    mnts="$work/full"
    echo old > full/big.xml
    mount -t tmpfs -o size=1m tmpfs ro && mnts="$mnts $work/ro"
    echo old > ro/big.xml
    mount -o remount,ro ro
    expect_err full-batch "full/big.xml: error: cannot write: No space left on device [io]" \
        "$xenconv" convert --from xen-xl --to xml --output-dir full big.cfg
    expect_err full-o "full/big.xml: error: cannot write: No space left on device [io]" \
        from xen-xl big.cfg -o full/big.xml
    expect_err ro-batch "ro/big.xml: error: cannot create temporary file: Read-only file system [io]" \
        "$xenconv" convert --from xen-xl --to xml --output-dir ro big.cfg
    expect_err ro-o "ro/big.xml: error: cannot create temporary file: Read-only file system [io]" \
        from xen-xl big.cfg -o ro/big.xml
    # stdout: the output passes 64 KiB, so it is spooled in TMPDIR first
    expect_err full-spool "<stdout>: error: cannot write a temporary file in $work/full: No space left on device [io]" \
        env TMPDIR="$work/full" "$xenconv" convert --from xen-xl --to xml big.cfg
    expect_err ro-spool "<stdout>: error: cannot create a temporary file in $work/ro: Read-only file system [io]" \
        env TMPDIR="$work/ro" "$xenconv" convert --from xen-xl --to xml big.cfg
    for d in full ro; do
        if [ "$(ls -A $d)" != "big.xml" ] || [ "$(cat $d/big.xml)" != old ]; then
            bad "$d: left $(ls -A $d | tr '\n' ' ')or changed the older output"
        else
            ok
        fi
    done
    [ "$(cksum < big.cfg)" = "$sum" ] && ok || bad "the input changed"
else
    if [ -n "${CI:-}" ]; then
        bad "full/read-only output dir: needs root for tmpfs mounts"
    else
        echo "SKIP full/read-only output directory (needs root for tmpfs mounts)"
    fi
fi
expect_err dev-full "<stdout>: error: cannot write: No space left on device [io]" \
    sh -c "'$xenconv' domxml-from-native xen-xl big.cfg > /dev/full"

echo "hostile: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
