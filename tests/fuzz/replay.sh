#!/bin/sh
# Replay the kept fuzz corpus: every file of testdata/fuzz/NAME/ through
# harness NAME's entry point, built without libFuzzer (tests/fuzz/
# replay_main.c) as BUILD/fuzz-replay/NAME; run by `make golden`, so also
# under ASan+UBSan by `make asan` (a sanitizer report fails the run).
# A round-trip harness aborts when its property breaks (tests/fuzz/
# roundtrip.h), so a regression of anything the fuzzers once found fails.
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
    if out=$("$bin/$name" "$dir" 2>"$bin/$name.err"); then
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
