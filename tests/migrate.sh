#!/bin/sh
# xenconv migrate: every case of testdata/migrate (the xl written, the
# Markdown report, stderr, the exit status), the JSON report of the whole
# directory, --in-place --backup, the dry run, standard output,
# --normalize, usage errors, atomic output, and a fleet of FLEET_N (default
# 500) generated xm configs in one process with the report totals asserted.
# Usage: migrate.sh XENCONV [TOOLS_DIR].  TOOLS_DIR/xlu_readback (if there)
# also reads every expected .xl with libxlutil.  VALGRIND=1 runs every
# xenconv under valgrind and fails on any error or leak (ASan builds fail by
# their exit status).
set -u
xenconv=$(readlink -f "$1")
tools=${2:+$(readlink -f "$2")}
top=$(cd "$(dirname "$0")/.." && pwd)
data=$top/testdata/migrate
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
suite=migrate
. "$top/tests/lib.sh"
same() {
    if cmp -s "$1" "$2"; then ok; else bad "$3"; diff -u "$2" "$1" | head -30; fi
}

# ---- the golden cases: one file per run, from a copy (names relative) -----
mkdir -p "$work/case"
cp "$data"/*.cfg "$work/case/"
cd "$work/case" || exit 1
ncases=0
for cfg in "$data"/*.cfg; do
    n=$(basename "$cfg" .cfg)
    ncases=$((ncases + 1))
    rm -rf out && mkdir out
    want=0
    [ -f "$data/$n.xl" ] || want=1
    expect_exit $want "case $n" migrate --output-dir out --report "$n.md" "$n.cfg"
    cp "$work/err" "$n.err"
    same "$n.err" "$data/$n.stderr" "case $n: stderr"
    same "$n.md" "$data/$n.report.md" "case $n: report"
    if [ -f "$data/$n.xl" ]; then
        same "out/$n.cfg" "$data/$n.xl" "case $n: xl"
        if [ -n "$tools" ] && [ -x "$tools/xlu_readback" ]; then
            "$tools/xlu_readback" "$data/$n.xl" > /dev/null 2>&1 && ok ||
                bad "case $n: libxlutil cannot read the expected xl"
        fi
    else
        [ -e "out/$n.cfg" ] && bad "case $n: written although it needs hands" || ok
    fi
done
[ $ncases -ge 12 ] && ok || bad "only $ncases cases"

# ---- the whole directory in one run, JSON report --------------------------
rm -rf out && mkdir out "$work/all" && cp "$data"/*.cfg "$work/all/"
expect_exit 1 "directory" migrate -q --output-dir out --report all.md --report-json all.json "$work/all"
nxl=$(ls "$data"/*.xl | wc -l)
[ "$(ls out | wc -l)" -eq "$nxl" ] && ok || bad "directory: $(ls out | wc -l) files written, expected $nxl"
tail -3 all.md | head -1 | grep -q '^| files | migrated | needing hands | failed | keys kept | keys changed | keys lost |$' && ok || bad "summary table header"
summary=$(tail -1 all.md)
[ "$summary" = "| 14 | 11 | 3 | 0 | 89 | 27 | 10 |" ] && ok || bad "summary row: $summary"
grep -q '"summary": {"files": 14, "migrated": 11, "needing_hands": 3, "failed": 0, "kept": 89, "changed": 27, "lost": 10}' all.json && ok || bad "JSON summary"
if command -v python3 > /dev/null; then
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert len(d["files"]) == 14
h=[f for f in d["files"] if f["status"] == "needs-hands"]
assert sorted((f["file"].split("/")[-1], f["hands"]["line"]) for f in h) == [("python-conditional.cfg", 5), ("python-expr.cfg", 2), ("python-import.cfg", 2)], h' all.json && ok || bad "JSON report content"
fi

# ---- --in-place --backup ---------------------------------------------------
mkdir -p "$work/ip" && cp "$data/hvm-qemu-dm.cfg" "$work/ip/win.cfg"
expect_exit 0 "--in-place" migrate -q --in-place --backup .xm "$work/ip/win.cfg"
same "$work/ip/win.cfg" "$data/hvm-qemu-dm.xl" "--in-place result"
same "$work/ip/win.cfg.xm" "$data/hvm-qemu-dm.cfg" "--backup keeps the xm config"
cp "$data/hvm-pci.cfg" "$work/ip/win.cfg"
expect_exit 1 "existing backup" migrate -q --in-place --backup .xm "$work/ip/win.cfg"
grep -q "backup '.*win.cfg.xm' exists" "$work/err" && ok || bad "existing backup message"
same "$work/ip/win.cfg" "$data/hvm-pci.cfg" "refused --in-place left the file alone"
same "$work/ip/win.cfg.xm" "$data/hvm-qemu-dm.cfg" "refused --in-place left the backup alone"
# a directory with --in-place: each file, the backups skipped
mkdir -p "$work/ipd" && cp "$data/pv-vfb.cfg" "$data/tap-aio.cfg" "$work/ipd/"
cp "$data/pv-kernel.cfg" "$work/ipd/old.xm"
expect_exit 0 "--in-place directory" migrate -q --in-place --backup .xm "$work/ipd"
same "$work/ipd/pv-vfb.cfg" "$data/pv-vfb.xl" "--in-place directory: pv-vfb"
same "$work/ipd/tap-aio.cfg" "$data/tap-aio.xl" "--in-place directory: tap-aio"
same "$work/ipd/old.xm" "$data/pv-kernel.cfg" "--in-place directory skips NAME.xm"
[ "$(ls "$work/ipd" | wc -l)" -eq 5 ] && ok || bad "--in-place directory: $(ls "$work/ipd")"

# ---- dry run, standard output, --normalize ----------------------------------
expect_exit 0 "dry run" migrate -q --report dry.md pv-pygrub.cfg pv-kernel.cfg
[ -s "$work/out" ] && bad "dry run wrote to stdout" || ok
grep -q '^## pv-pygrub.cfg: migrated$' dry.md && ok || bad "dry run report"
expect_exit 0 "stdout" migrate pv-pygrub.cfg
same "$work/out" "$data/pv-pygrub.xl" "single file on stdout"
run convert --from xen-xm --to xen-xl pv-pygrub.cfg > conv.cfg 2> /dev/null
expect_exit 0 "--normalize" migrate -q --normalize pv-pygrub.cfg
same "$work/out" conv.cfg "--normalize equals convert --from xm --to xl"
# libvirt writes a shared (w!) disk as access=!, which xl refuses: the check catches it
expect_exit 1 "--normalize w!" migrate -q --normalize shared-disk.cfg
grep -q "xl cannot read disk\[1\] of the migrated config: .*unknown value for access" "$work/err" && ok || bad "--normalize w! message"
[ -s "$work/out" ] && bad "--normalize w! wrote output" || ok

# ---- usage and errors ---------------------------------------------------------
expect_exit 0 "--help" migrate --help
grep -q '^Usage: xenconv migrate --output-dir DIR FILE|DIR...$' "$work/out" && ok || bad "--help text"
expect_exit 0 "help lists migrate" --help
grep -q '^  migrate \[OPTIONS\] FILE|DIR' "$work/out" && ok || bad "--help lists migrate"
expect_exit 2 "no input" migrate --output-dir out
expect_exit 2 "both outputs" migrate --output-dir out --in-place a.cfg
expect_exit 2 "--backup alone" migrate --backup .xm a.cfg
expect_exit 2 "unknown option" migrate --bogus a.cfg
expect_exit 2 "stdin" migrate -
expect_exit 1 "missing file" migrate -q --output-dir out nosuch.cfg
# output is an input: refused, input untouched
cp pv-vfb.cfg self.cfg
expect_exit 1 "output is the input" migrate -q --output-dir . self.cfg
same self.cfg "$data/pv-vfb.cfg" "input left alone"
# a report that cannot be written: exit 1 and no partial file
expect_exit 1 "report in a missing directory" migrate -q --report "$work/nodir/r.md" pv-vfb.cfg
ls "$work" | grep -q nodir && bad "report directory created" || ok
# an output directory that does not exist: the file fails, nothing partial
expect_exit 1 "missing output dir" migrate -q --output-dir "$work/nodir" pv-vfb.cfg

# ---- the fleet -----------------------------------------------------------------
n=${FLEET_N:-500}
sh "$top/tests/gen_batch.sh" "$work/fleet" "$n" xen-xm 250 > /dev/null
mkdir -p "$work/fleet/out" "$work/fleet/norm"
expect_exit 1 "fleet of $n" migrate -q --output-dir "$work/fleet/out" \
    --report-json "$work/fleet/r.json" --report "$work/fleet/r.md" "$work/fleet/in"
m=$((n - 1))
grep -q "\"summary\": {\"files\": $n, \"migrated\": $m, \"needing_hands\": 1, \"failed\": 0, \"kept\": $((m * 12)), \"changed\": $m, \"lost\": 0}" "$work/fleet/r.json" &&
    ok || { bad "fleet totals"; tail -2 "$work/fleet/r.json"; }
[ "$(tail -1 "$work/fleet/r.md")" = "| $n | $m | 1 | 0 | $((m * 12)) | $m | 0 |" ] && ok || bad "fleet Markdown summary"
[ "$(ls "$work/fleet/out" | wc -l)" -eq $m ] && ok || bad "fleet: $(ls "$work/fleet/out" | wc -l) files written"
grep -q 'guest00250.cfg:1:8: error: needs a hand migration' "$work/err" && ok || bad "fleet: the broken file"
# every migrated file differs from its input only in the disk line
diffs=0
for f in "$work/fleet/out"/*.cfg; do
    b=$(basename "$f")
    d=$(diff "$work/fleet/in/$b" "$f" | grep -c '^[<>]')
    [ "$d" -eq 2 ] || diffs=$((diffs + 1))
done
[ $diffs -eq 0 ] && ok || bad "fleet: $diffs files changed more than the disk line"
# --normalize writes exactly libvirt's xenFormatXL output (gen_batch's expectation)
expect_exit 1 "fleet --normalize" migrate -q --normalize --output-dir "$work/fleet/norm" "$work/fleet/in"
rm -f "$work/fleet/exp/guest00250.cfg"
diff -r "$work/fleet/norm" "$work/fleet/exp" > /dev/null && ok || bad "fleet --normalize differs from the expected xl"

echo "migrate: $pass passed, $fail failed"
[ $fail -eq 0 ]
