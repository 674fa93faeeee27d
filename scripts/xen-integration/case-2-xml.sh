# xenconv launch of libvirt domain XML (format detected): a PV guest.
cat >/tmp/xmlguest.xml <<'XML'
<domain type='xen'>
  <name>xmlguest</name>
  <uuid>6a9c2c1e-2b0e-4a43-9d55-3f0e6a1b2c01</uuid>
  <memory unit='MiB'>256</memory>
  <currentMemory unit='MiB'>256</currentMemory>
  <vcpu placement='static'>1</vcpu>
  <os>
    <type arch='x86_64' machine='xenpv'>linux</type>
    <kernel>/guest/vmlinuz</kernel>
    <initrd>/guest/initrd.gz</initrd>
    <cmdline>console=hvc0 quiet case=xml</cmdline>
  </os>
  <on_poweroff>destroy</on_poweroff>
  <on_reboot>destroy</on_reboot>
  <on_crash>destroy</on_crash>
  <devices>
    <console type='pty'>
      <target type='xen' port='0'/>
    </console>
  </devices>
</domain>
XML
xenconv launch --dry-run /tmp/xmlguest.xml >/tmp/xmlguest.json 2>/tmp/xmlguest.dry &&
    echo "XENINT   dry run: $(tr -d '\n ' </tmp/xmlguest.json | cut -c1-160)..."
DOMID_CHECK=1
run_case xmlguest "xenconv launch of domain XML" xenconv launch /tmp/xmlguest.xml
DOMID_CHECK=
