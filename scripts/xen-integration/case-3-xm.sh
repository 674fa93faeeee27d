# xenconv launch --paused of an xm config (format detected); `xl unpause`
# starts it.
cat >/tmp/xmguest.cfg <<'CFG'
# An old xend guest config.
name = "xmguest"
uuid = "6a9c2c1e-2b0e-4a43-9d55-3f0e6a1b2c02"
kernel = "/guest/vmlinuz"
ramdisk = "/guest/initrd.gz"
extra = "console=hvc0 quiet case=xm"
memory = 256
maxmem = 256
vcpus = 1
on_poweroff = "destroy"
on_reboot = "destroy"
on_crash = "destroy"
vif = []
disk = []
on_xend_start = "ignore"
on_xend_stop = "ignore"
CFG
DOMID_CHECK=1 EXPECT_PAUSED=1
run_case xmguest "xenconv launch --paused of an xm config" xenconv launch --paused /tmp/xmguest.cfg
DOMID_CHECK= EXPECT_PAUSED=
