name = "docs-pv"
uuid = "22334455-6677-4889-9aab-bccddeeff001"
memory = 768
bootloader = "/usr/bin/pygrub"
vfb = [ "type=vnc,vncunused=1,vnclisten=0.0.0.0,keymap=de" ]
vif = [ "mac=00:16:3e:5b:21:01,bridge=xenbr0,script=vif-bridge,model=netfront" ]
disk = [ "tap:aio:/srv/xen/docs/root.img,xvda,w", "tap:qcow:/srv/xen/docs/cache.qcow,xvdb,w" ]
