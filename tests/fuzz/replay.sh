#!/bin/sh
# Replay the kept fuzz corpus: every file of testdata/fuzz/NAME/ through
# harness NAME's entry point, built without libFuzzer (tests/fuzz/
# replay_main.c) as BUILD/fuzz-replay/NAME; run by `make golden`, so also
# under ASan+UBSan by `make asan` (a sanitizer report fails the run).
# A round-trip harness aborts when its property breaks (tests/fuzz/
# roundtrip.h), so a regression of anything the fuzzers once found fails.
# VALGRIND=1 (make valgrind) runs each harness under valgrind: any
# memory error or leak fails the run.
# Usage: replay.sh BUILD
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=$1/fuzz-replay
fail=0 total=0
for dir in "$top"/testdata/fuzz/*/; do
    [ -d "$dir" ] || continue
    name=$(basename "$dir")
    if [ ! -x "$bin/$name" ]; then
        echo "FAIL replay $name: no harness $bin/$name"
        fail=$((fail + 1))
        continue
    fi
    if [ "${VALGRIND:-0}" = 1 ]; then
        set -- valgrind -q --error-exitcode=99 --leak-check=full \
            --show-leak-kinds=all --errors-for-leak-kinds=all "$bin/$name"
    else
        set -- "$bin/$name"
    fi
    if out=$("$@" "$dir" 2>"$bin/$name.err"); then
        n=${out%% *}
        total=$((total + n))
    else
        fail=$((fail + 1))
        echo "FAIL replay $name (stderr: $bin/$name.err)"
        tail -20 "$bin/$name.err"
    fi
done
echo "fuzz replay: $total inputs, $fail harnesses failed"
[ "$fail" -eq 0 ]
