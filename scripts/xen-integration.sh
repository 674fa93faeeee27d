#!/bin/sh
# make xen-integration: boot Debian's Xen 4.17 with a Debian dom0 inside
# qemu-system-x86_64 and launch tiny PV guests in it with `xenconv launch`.
# Everything comes from Debian packages (installed here when missing).
#
#   scripts/xen-integration.sh [XENCONV]
#
# Environment:
#   XEN_INT_DIR      output directory (default build/xen-integration); the
#                    whole serial log is kept there as serial.log
#   XEN_INT_TIMEOUT  hard limit on the QEMU run, seconds (default 900)
#   XEN_INT_ACCEL    auto (default), tcg or kvm.  auto: KVM only when a
#                    probe (the Debian kernel and the guest initramfs booted
#                    under KVM, 30 s) printed the guest's marker, else TCG;
#                    a KVM run that gives no result is retried under TCG.
#                    A /dev/kvm that is not the stock KVM (kvm_pvm) fails
#                    or stalls stock kernels: the probe catches that.
#
# Layout of a run (docs/xen-integration.md):
#   host:  guest initramfs (busybox, /init prints a marker and powers off),
#          dom0 initramfs (busybox, xl, xenstored, xenconsoled, bash, flock,
#          /etc/xen/scripts, the shared libraries, xenconv, the test cases),
#          xen (the ELF from /boot/xen-4.17-amd64.gz, booted by multiboot)
#   dom0:  proc/sys/xenfs, xenstored, xenconsoled, then each case:
#          xenconv convert/launch, `xl list` while the guest runs, the
#          guest's console log checked for its marker
#   host:  the result line in the serial log decides the exit status.
set -eu

XENCONV=${1:-build/xenconv}
OUT=${XEN_INT_DIR:-build/xen-integration}
TIMEOUT=${XEN_INT_TIMEOUT:-900}
ACCEL=${XEN_INT_ACCEL:-auto}
HERE=$(cd "$(dirname "$0")" && pwd)
XENLIB=/usr/lib/xen-4.17

t0=$(date +%s)
say() { echo "xen-integration: $*"; }
die() { echo "xen-integration: $*" >&2; exit 1; }

[ -x "$XENCONV" ] || die "no xenconv binary at $XENCONV (make first)"

# --- Debian packages ------------------------------------------------------
pkgs="xen-hypervisor-4.17-amd64 xen-utils-4.17 xenstore-utils linux-image-amd64 busybox-static qemu-system-x86 cpio util-linux bash"
missing=""
for p in $pkgs; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
        missing="$missing $p"
done
if [ -n "$missing" ]; then
    say "installing:$missing"
    [ "$(id -u)" = 0 ] || die "need root to apt-get install:$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

# The newest Debian kernel that has both its image and its modules here.
KVER=""
for k in $(ls /boot | sed -n 's/^vmlinuz-//p' | sort -V); do
    [ -d "/lib/modules/$k/kernel/drivers/xen" ] && KVER=$k
done
[ -n "$KVER" ] || die "no /boot/vmlinuz-* with its /lib/modules (linux-image-amd64)"
KERNEL=/boot/vmlinuz-$KVER
[ -f /boot/xen-4.17-amd64.gz ] || die "no /boot/xen-4.17-amd64.gz"

rm -rf "$OUT"
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
W=$OUT/work
mkdir -p "$W"

# QEMU's multiboot loader takes the ELF, not the gzip.
gunzip -c /boot/xen-4.17-amd64.gz >"$W/xen"

# --- guest initramfs ------------------------------------------------------
G=$W/guestroot
mkdir -p "$G/bin" "$G/proc" "$G/dev"
cp /bin/busybox "$G/bin/busybox"
cat >"$G/init" <<'EOF'
#!/bin/busybox sh
/bin/busybox mount -t proc proc /proc
/bin/busybox echo "XENCONV-GUEST-MARKER up: $(/bin/busybox cat /proc/cmdline)"
/bin/busybox sleep 2
/bin/busybox poweroff -f
EOF
chmod +x "$G/init"
(cd "$G" && find . | cpio -o -H newc --quiet | gzip -1) >"$W/guest-initrd.gz"

# --- dom0 initramfs -------------------------------------------------------
R=$W/dom0root
mkdir -p "$R/bin" "$R/sbin" "$R/proc" "$R/sys" "$R/dev" "$R/tmp" "$R/etc/xen" \
    "$R/var/lib/xen" "$R/var/log/xen/console" "$R/var/run/xen" "$R/run" \
    "$R/var/lib/xenstored" "$R/lib/modules" "$R/guest" "$R/cases" "$R$XENLIB/bin"
cp /bin/busybox "$R/bin/busybox"

# Binaries, each at its own path, and every shared library ldd names.
bins="$XENLIB/bin/xl $XENLIB/bin/xenstored $XENLIB/bin/xenconsoled \
      $XENLIB/bin/xenconsole $XENLIB/bin/xen-init-dom0 /usr/bin/xenstore \
      /usr/bin/bash /usr/bin/flock"
for b in $bins; do
    mkdir -p "$R$(dirname "$b")"
    cp -L "$b" "$R$b"
done
cp -L "$XENCONV" "$R/bin/xenconv"
for t in read write ls list rm exists; do ln -sf xenstore "$R/usr/bin/xenstore-$t"; done
for lib in $( (for b in $bins "$XENCONV"; do ldd "$b"; done;
               ls /lib/x86_64-linux-gnu/libgcc_s.so.1) |
             sed -n 's/.*=> \(\/[^ ]*\) .*/\1/p; s/^[[:space:]]*\(\/[^ ]*\) (.*/\1/p; s/^\(\/.*\)$/\1/p' |
             sort -u); do
    mkdir -p "$R$(dirname "$lib")"
    cp -L "$lib" "$R$lib"
done
cp -a /etc/xen/scripts "$R/etc/xen/"
[ -f /etc/xen/xl.conf ] && cp /etc/xen/xl.conf "$R/etc/xen/"

for m in xen-privcmd xenfs xen-evtchn xen-gntdev xen-gntalloc; do
    f=$(find "/lib/modules/$KVER" -name "$m.ko*" | head -n 1)
    [ -n "$f" ] || die "no module $m for $KVER"
    case $f in
    *.xz) xz -dc "$f" >"$R/lib/modules/$m.ko" ;;
    *.zst) zstd -qdc "$f" >"$R/lib/modules/$m.ko" ;;
    *) cp "$f" "$R/lib/modules/$m.ko" ;;
    esac
done

cp "$KERNEL" "$R/guest/vmlinuz"
cp "$W/guest-initrd.gz" "$R/guest/initrd.gz"
cp "$HERE/xen-integration/"* "$R/cases/"
cp "$HERE/xen-integration/dom0-init.sh" "$R/init"
chmod +x "$R/init" "$R/cases/"*.sh
(cd "$R" && find . | cpio -o -H newc --quiet | gzip -1) >"$W/dom0-initrd.gz"
t1=$(date +%s)
say "images built in $((t1 - t0)) s (kernel $KVER, dom0 initramfs $(du -h "$W/dom0-initrd.gz" | cut -f1))"

# --- boot -----------------------------------------------------------------
# KVM probe: the stock kernel with the guest initramfs, which prints its
# marker on ttyS0 and powers off.
kvm_works() {
    [ -w /dev/kvm ] || return 1
    timeout -k 5 30 qemu-system-x86_64 -accel kvm -cpu host -m 256 -nographic \
        -no-reboot -monitor none -serial "file:$OUT/kvm-probe.log" \
        -kernel "$KERNEL" -initrd "$W/guest-initrd.gz" \
        -append "console=ttyS0 quiet panic=-1" </dev/null >"$OUT/kvm-probe.out" 2>&1 || true
    grep -a -q XENCONV-GUEST-MARKER "$OUT/kvm-probe.log" 2>/dev/null
}
if [ "$ACCEL" = auto ]; then
    if kvm_works; then ACCEL=kvm; else ACCEL=tcg; fi
    say "KVM probe: $( [ $ACCEL = kvm ] && echo works || echo "fails ($(tail -n 1 "$OUT/kvm-probe.out" 2>/dev/null | cut -c1-100)), using TCG")"
    auto=1
fi
LOG=$OUT/serial.log

# boot ACCEL: one qemu run; sets rc.
boot() {
    case $1 in
    kvm) accel="-accel kvm -cpu host" ;;
    tcg) accel="-accel tcg,thread=multi -cpu max,-smap,-rdtscp" ;;
    *) die "XEN_INT_ACCEL must be auto, tcg or kvm" ;;
    esac
    say "booting Xen 4.17 + dom0 under qemu ($1), timeout ${TIMEOUT}s; log $LOG"
    rc=0
    # shellcheck disable=SC2086
    timeout --foreground -k 10 "$TIMEOUT" qemu-system-x86_64 $accel -smp 2 -m 2048 \
        -nographic -no-reboot -monitor none -serial "file:$LOG" \
        -kernel "$W/xen" \
        -append "console=com1 com1=115200,8n1 dom0_mem=768M dom0_max_vcpus=2 loglvl=all guest_loglvl=all noreboot" \
        -initrd "$KERNEL console=hvc0 earlyprintk=xen rdinit=/init quiet loglevel=4,$W/dom0-initrd.gz" \
        </dev/null >"$OUT/qemu.out" 2>&1 || rc=$?
}
boot "$ACCEL"
if [ "$ACCEL" = kvm ] && [ "${auto:-}" ] && ! grep -a -q 'XENINT RESULT:' "$LOG"; then
    say "no result under KVM (qemu exit $rc); again under TCG"
    mv "$LOG" "$OUT/serial-kvm.log"
    boot tcg
fi
t2=$(date +%s)
say "qemu ran $((t2 - t1)) s (exit $rc; 124 = timed out)"

grep -a 'XENINT' "$LOG" | tr -d '\r' || true
result=$(grep -a 'XENINT RESULT:' "$LOG" | tr -d '\r' | tail -n 1 | sed 's/.*XENINT RESULT: *//')
say "total $((t2 - t0)) s"
[ -n "$result" ] || die "no result line in $LOG (dom0 did not finish)"
# A failure's own lines again, last, where a truncated CI log still shows them.
case $result in
*" 0 failed"*) ;;
*) grep -a -E 'XENINT (FAIL|evidence)' "$LOG" | tr -d '\r' | tail -n 16 ;;
esac
echo "$result"
case $result in
*" 0 failed"*) exit 0 ;;
*) exit 1 ;;
esac
