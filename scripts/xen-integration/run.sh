#!/bin/sh
# The cases, inside dom0.  Each prints XENINT lines; the last line is
# "XENINT RESULT: N passed, M failed".
pass=0 fail=0
ok() { echo "XENINT PASS $*"; pass=$((pass + 1)); }
ko() {
    echo "XENINT FAIL $*"
    fail=$((fail + 1))
    evidence "${1%%:*}"
}
# evidence NAME: what a failed case left behind, as "XENINT evidence"
# lines the host repeats after the result (CI logs keep only a tail):
# the launch's stderr, the guest's console, then Xen's messages about
# guest domains.
evidence() {
    tail -n 4 "/tmp/$1.err" 2>/dev/null | sed "s/^/XENINT evidence $1 stderr: /"
    tr -d '\r' <"/var/log/xen/console/guest-$1.log" 2>/dev/null | grep -a -v '^[[:space:]]*$' |
        tail -n 8 | sed "s/^/XENINT evidence $1 console: /"
    xl dmesg 2>/dev/null | grep -a -E '[( ]d[1-9][0-9]*[v): ]' | tail -n 6 | sed "s/^/XENINT evidence xl dmesg: /"
}
now() { cut -d' ' -f1 /proc/uptime; }

# wait_down NAME SECONDS: until the domain has powered itself off: gone
# (xl create's daemon destroys it, on_poweroff) or shut down (xenconv
# launch does not watch the domain: destroyed here).
wait_down() {
    i=0
    while xl domid "$1" >/dev/null 2>&1; do
        state=$(xl list "$1" 2>/dev/null | awk 'NR == 2 { print $5 }')
        case $state in
        *s*) echo "XENINT   $1 shut down (state $state), destroying it"
             xl destroy "$1"
             return 0 ;;
        esac
        i=$((i + 1))
        [ $i -gt "$2" ] && return 1
        sleep 1
    done
    return 0
}

# check NAME: the guest printed its marker on its console.
check_marker() {
    log=/var/log/xen/console/guest-$1.log
    sed "s/^/XENINT console $1: /" "$log" 2>/dev/null | grep -a -E 'MARKER|Kernel panic' | head -n 5
    grep -a -q "XENCONV-GUEST-MARKER" "$log" 2>/dev/null
}

# case NAME DESCRIPTION COMMAND...: run the launch command, require the
# domain in `xl list`, wait for it to power off, require the marker.
run_case() {
    name=$1 desc=$2
    shift 2
    t=$(now)
    echo "XENINT case $name: $desc"
    if ! "$@" >/tmp/$name.out 2>/tmp/$name.err; then
        sed "s/^/XENINT   /" /tmp/$name.out /tmp/$name.err
        ko "$name: launch failed"
        return
    fi
    sed "s/^/XENINT   out: /" /tmp/$name.out
    sed "s/^/XENINT   err: /" /tmp/$name.err
    xl list >/tmp/$name.list 2>&1
    sed "s/^/XENINT   xl list: /" /tmp/$name.list
    if ! grep -q "^$name " /tmp/$name.list; then
        ko "$name: not in xl list"
        return
    fi
    # xenconv launch prints the domid: it must be the listed domain's.
    if [ "${DOMID_CHECK:-}" ] && [ "$(cat /tmp/$name.out)" != "$(xl domid "$name")" ]; then
        ko "$name: printed domid '$(cat /tmp/$name.out)', xl says $(xl domid "$name")"
        xl destroy "$name"
        return
    fi
    [ "${DOMID_CHECK:-}" ] && echo "XENINT   printed domid $(cat /tmp/$name.out) = xl domid $name"
    if [ "${EXPECT_PAUSED:-}" ]; then
        if ! grep -q "^$name .*--p" /tmp/$name.list; then
            ko "$name: not paused"
            xl destroy "$name"
            return
        fi
        echo "XENINT   $name is paused; xl unpause"
        xl unpause "$name"
    fi
    if ! wait_down "$name" 180; then
        ko "$name: still running after 180 s"
        xl destroy "$name"
    fi
    if check_marker "$name"; then
        ok "$name: listed, guest printed its marker ($(now) - $t s)"
    else
        ko "$name: no marker on the guest console"
    fi
}

for c in /cases/case-*.sh; do
    . "$c"
done
echo "XENINT RESULT: $pass passed, $fail failed"
