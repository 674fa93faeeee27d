#!/bin/busybox sh
# /init of the dom0 initramfs (scripts/xen-integration.sh builds it).
# Brings up the Xen toolstack's daemons, runs /cases/run.sh, powers off.
/bin/busybox --install -s /bin
export PATH=/bin:/sbin:/usr/bin:/usr/sbin:/usr/lib/xen-4.17/bin
export LD_LIBRARY_PATH=/lib/x86_64-linux-gnu:/usr/lib/x86_64-linux-gnu
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mkdir -p /dev/pts /dev/shm /run/xen /var/run/xenstored
mount -t devpts devpts /dev/pts
mount -t tmpfs tmpfs /dev/shm
ln -sf /proc/self/fd/0 /dev/stdin
ln -sf /proc/self/fd/1 /dev/stdout
ln -sf /proc/self/fd/2 /dev/stderr
ln -sf /proc/self/fd /dev/fd
echo "XENINT dom0 up: $(uname -r), uptime $(cut -d' ' -f1 /proc/uptime) s"
for m in xen-privcmd xenfs xen-evtchn xen-gntdev xen-gntalloc; do
    insmod /lib/modules/$m.ko || echo "XENINT insmod $m failed"
done
mount -t xenfs xenfs /proc/xen
[ -e /proc/xen/privcmd ] || echo "XENINT no /proc/xen/privcmd"
xenstored --pid-file /var/run/xenstored.pid
for i in 1 2 3 4 5 6 7 8 9 10; do
    xenstore-read / >/dev/null 2>&1 && break
    sleep 1
done
xen-init-dom0 || echo "XENINT xen-init-dom0 failed"
xenconsoled --pid-file=/var/run/xenconsoled.pid --log=guest --log-dir=/var/log/xen/console
echo "XENINT toolstack up, uptime $(cut -d' ' -f1 /proc/uptime) s"
xl info | grep -E 'xen_version|total_memory|free_memory|nr_cpus' | sed 's/^/XENINT xl info: /'
sh /cases/run.sh
echo "XENINT dom0 done, uptime $(cut -d' ' -f1 /proc/uptime) s"
sync
poweroff -f
