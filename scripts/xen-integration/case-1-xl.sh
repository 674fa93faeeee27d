# Bring-up case: plain xl create of the tiny PV guest.
cat >/tmp/plain.cfg <<'CFG'
name = "plain"
type = "pv"
kernel = "/guest/vmlinuz"
ramdisk = "/guest/initrd.gz"
extra = "console=hvc0 quiet"
memory = 256
vcpus = 1
on_poweroff = "destroy"
CFG
run_case plain "xl create of a plain xl config" xl create /tmp/plain.cfg
