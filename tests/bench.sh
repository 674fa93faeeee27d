#!/bin/sh
# make bench: see tests/tools/bench.c.  Arguments: corpus size, big disk count.
set -e
"$2/bench" "${BENCH_CONFIGS:-10000}" "${BENCH_DISKS:-100000}"
