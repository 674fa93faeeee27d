#!/bin/sh
# Run every libFuzzer harness for FUZZ_SECONDS each; fail if one of them
# finds a crash, leak, undefined behaviour or timeout.
#
# Usage: run.sh FUZZBUILD [SECONDS [RUNS]]   (`make fuzz` builds FUZZBUILD
# first; RUNS, `make fuzz FUZZ_RUNS=N`, stops a harness after N executions
# when that comes before SECONDS; 0 or unset: time only)
#
# Seeds are assembled at run time from the repository's own cases (nothing
# is copied into tests/): testdata/xl/*.cfg, testdata/xl/bad/*.cfg and
# examples/ for the xl harnesses, testdata/xl/*.xml and testdata/xl/bad/*.xml
# for the XML one; testdata/sxpr (every file but .xml, .stderr and .md),
# tests/sxpr/*.sxpr and
# libvirt's historical sxpr vectors in ../shared/reference/sxpr when present
# (backslash-newline pairs joined, as libvirt's test loader did) for
# fuzz_sxpr; fuzz_rt_F gets fuzz_F's seeds; every harness NAME also gets
# its kept corpus testdata/fuzz/NAME/.  FUZZ_ONLY="NAME..." runs only those.  New inputs libFuzzer finds go to FUZZBUILD/corpus/NAME
# and are reused by the next run; crashing inputs are written to
# FUZZBUILD/artifacts/NAME-crash-... (replay one: FUZZBUILD/NAME FILE).
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
fb=$1
secs=${2:-60}
runs=${3:-0}
[ "$runs" -gt 0 ] 2>/dev/null || runs=-1
fail=0

seed() {  # seed NAME PATTERN...
    dir=$fb/seed/$1
    shift
    rm -rf "$dir"
    mkdir -p "$dir"
    for f in "$@"; do
        [ -f "$f" ] && cp "$f" "$dir/"
    done
}

seed fuzz_cfg "$top"/testdata/xl/*.cfg "$top"/testdata/xl/bad/*.cfg "$top"/examples/*
seed fuzz_xl  "$top"/testdata/xl/*.cfg "$top"/testdata/xl/bad/*.cfg "$top"/examples/*
seed fuzz_xm  "$top"/testdata/xm/*.cfg "$top"/testdata/xm/bad/*.cfg "$top"/testdata/xm2xl/*.xm
seed fuzz_xml "$top"/testdata/xl/*.xml "$top"/testdata/xl/bad/*.xml "$top"/testdata/xm/*.xml \
    "$top"/testdata/sxpr/*.xml
seed fuzz_sxpr
for f in "$top"/testdata/sxpr/* "$top"/testdata/sxpr/bad/* "$top"/tests/sxpr/*.sxpr; do
    case $f in *.xml|*.stderr|*.md|*/CASES|*/README*) continue ;; esac
    case $f in */bad/*) pre=bad- ;; *) pre= ;; esac
    [ -f "$f" ] && cp "$f" "$fb/seed/fuzz_sxpr/$pre$(basename "$f")"
done
ref=$top/../shared/reference/sxpr
for f in "$ref"/sexpr2xml/*.sexpr "$ref"/xml2sexpr/*.sexpr; do
    [ -f "$f" ] || continue
    sed -e :a -e '/\\$/{$!N; s/\\\n//; ta' -e '}' -e 's/\\$//' "$f" \
        > "$fb/seed/fuzz_sxpr/ref-$(basename "$(dirname "$f")")-$(basename "$f")"
done
# The round-trip harnesses start from their reader's seeds; every harness
# also from its kept corpus, testdata/fuzz/NAME (what make check replays).
for f in xl xm sxpr xml; do
    rm -rf "$fb/seed/fuzz_rt_$f"
    cp -r "$fb/seed/fuzz_$f" "$fb/seed/fuzz_rt_$f"
done
for d in "$top"/testdata/fuzz/*/; do
    [ -d "$fb/seed/$(basename "$d")" ] && cp "$d"* "$fb/seed/$(basename "$d")/" 2>/dev/null
done

all="fuzz_cfg fuzz_xl fuzz_xm fuzz_sxpr fuzz_xml fuzz_rt_xl fuzz_rt_xm fuzz_rt_sxpr fuzz_rt_xml"
for name in ${FUZZ_ONLY:-$all}; do
    case $name in
        fuzz_xml|fuzz_rt_xml) dict=$top/tests/fuzz/xml.dict ;;
        fuzz_sxpr|fuzz_rt_sxpr) dict=$top/tests/fuzz/sxpr.dict ;;
        *) dict=$top/tests/fuzz/xl.dict ;;
    esac
    mkdir -p "$fb/corpus/$name" "$fb/artifacts"
    echo "== $name: ${secs}s"
    if ! ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
        "$fb/$name" -max_total_time="$secs" -runs="$runs" -max_len=65536 -timeout=10 \
            -rss_limit_mb=2048 -print_final_stats=1 -dict="$dict" \
            -artifact_prefix="$fb/artifacts/$name-" \
            "$fb/corpus/$name" "$fb/seed/$name" > "$fb/$name.log" 2>&1; then
        fail=1
        echo "FAIL $name (log: $fb/$name.log)"
        grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error|artifact_prefix|Test unit written)' "$fb/$name.log" | head -20
    else
        grep -E '^(stat::number_of_executed_units|Done )' "$fb/$name.log"
        grep -E 'DONE' "$fb/$name.log" | tail -1
    fi
done
[ "$fail" -eq 0 ] && echo "fuzz: no crash, leak, UB or timeout"
[ "$fail" -eq 0 ]
