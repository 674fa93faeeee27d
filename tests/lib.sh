# Shared by the tests/*.sh suites that run xenconv.  Source it after
# setting xenconv (the binary), suite (its name in FAIL lines) and work (a
# scratch directory).  VALGRIND=1 makes run() put every xenconv under
# valgrind, failing on any error or leak (ASan builds fail by their exit
# status).
pass=0 fail=0
ok() { pass=$((pass + 1)); }
failed() { fail=$((fail + 1)); echo "FAIL $suite: $*"; }
bad() { failed "$@"; }

run() {
    if [ "${VALGRIND:-0}" = 1 ]; then
        valgrind -q --error-exitcode=99 --leak-check=full \
            --show-leak-kinds=all --errors-for-leak-kinds=all \
            "$xenconv" "$@"
    else
        "$xenconv" "$@"
    fi
}

# expect_exit CODE DESCRIPTION ARGS...: xenconv ARGS exits CODE (stdout in
# $work/out, stderr in $work/err, shown when it does not)
expect_exit() {
    code=$1 what=$2; shift 2
    run "$@" > "$work/out" 2> "$work/err"
    rc=$?
    if [ $rc -eq "$code" ]; then ok; else failed "$what: exit $rc, expected $code"; head -20 "$work/err"; fi
}
