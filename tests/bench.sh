#!/bin/sh
# make bench: see tests/tools/bench.c (per direction: conversions per
# second in one process, whole-process time of a typical file, peak memory
# against input size, time ratio for a 10x input; fails with one
# "bench: FAIL" line per missed target).  Arguments: xenconv, tools
# directory.  Then the adversarial scaling check (tests/tools/bench_adversarial.c): each
# pathological input shape at size n and 10n; fails when a conversion takes
# more than BENCH_ADV_LIMIT (default 30) times longer for 10x the input.
set -e
status=0
"$2/bench" "$1" "${BENCH_CONFIGS:-10000}" "${BENCH_DISKS:-100000}" || status=1
"$2/bench_adversarial" "${BENCH_ADV_SCALE:-1}" "${BENCH_ADV_LIMIT:-30}"

# convert batch: BENCH_BATCH (default 10,000) generated files through the CLI
# in one process (xm -> xl once xen-xm is built in, else xl -> xl), outputs
# checked against tests/gen_batch.sh's expected xl.  Wall time is mostly the
# file system's (each output is created, fsync'ed and renamed: set TMPDIR to
# a tmpfs to see xenconv's own cost); user and system CPU are printed apart.
# Peak memory must not grow with the number of files: fails if the full
# batch needs more than twice the peak RSS of a batch a tenth its size.
n=${BENCH_BATCH:-10000}
xenconv=$(readlink -f "$1")
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'disk = [ "phy:/dev/vg0/x,xvda,w" ]\nname = "x"\nmemory = 512\n' > "$work/probe.cfg"
if "$xenconv" convert --from xm --to xl "$work/probe.cfg" > /dev/null 2>&1; then from=xen-xm; else from=xen-xl; fi
batch() {   # prints "wall user sys peak-RSS-KiB" of a batch of $1/in/*.cfg
    mkdir -p "$1/out"
    /usr/bin/time -f '%e %U %S %M' -o "$1/time" "$xenconv" convert -q \
        --from "$from" --to xen-xl --output-dir "$1/out" "$1"/in/*.cfg
    cat "$1/time"
}
sh "$top/tests/gen_batch.sh" "$work/small" $((n / 10)) "$from"
sh "$top/tests/gen_batch.sh" "$work/full" "$n" "$from"
set -- $(batch "$work/small")
small=$4
set -- $(batch "$work/full")
diff -r "$work/full/exp" "$work/full/out" > /dev/null || { echo "bench: convert batch output differs"; exit 1; }
echo "convert batch: $n files $from -> xen-xl in one process: ${1} s wall, ${2} s user, ${3} s sys; peak RSS ${4} KiB (${small} KiB for $((n / 10)) files)"
if [ "$4" -gt $((small * 2)) ]; then
    echo "bench: convert batch memory grows with the number of files"
    exit 1
fi
exit $status
