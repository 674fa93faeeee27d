# xenconv launch of an xl config whose kernel does not exist: libxl fails
# to build the domain; exit 4, libxl's own message, nothing left behind.
cat >/tmp/nokernel.cfg <<'CFG'
name = "nokernel"
type = "pv"
kernel = "/guest/no-such-kernel"
memory = 64
CFG
echo "XENINT case nokernel: xenconv launch of a config libxl refuses"
xenconv launch -q /tmp/nokernel.cfg >/tmp/nokernel.out 2>/tmp/nokernel.err
rc=$?
sed "s/^/XENINT   err: /" /tmp/nokernel.err | head -n 8
if [ $rc -ne 4 ]; then
    ko "nokernel: exit $rc, expected 4"
elif xl domid nokernel >/dev/null 2>&1; then
    ko "nokernel: a domain was left behind"
    xl destroy nokernel
elif ! grep -q "libxl_domain_create_new failed" /tmp/nokernel.err; then
    ko "nokernel: no failure message"
else
    ok "nokernel: exit 4, libxl's messages, no domain left"
fi
