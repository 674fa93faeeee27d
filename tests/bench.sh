#!/bin/sh
# make bench: see tests/tools/bench.c.  Arguments: xenconv, tools directory.
# Then the adversarial scaling check (tests/tools/bench_adversarial.c): each
# pathological input shape at size n and 10n; fails when a conversion takes
# more than BENCH_ADV_LIMIT (default 30) times longer for 10x the input.
set -e
"$2/bench" "${BENCH_CONFIGS:-10000}" "${BENCH_DISKS:-100000}"
"$2/bench_adversarial" "${BENCH_ADV_SCALE:-1}" "${BENCH_ADV_LIMIT:-30}"
