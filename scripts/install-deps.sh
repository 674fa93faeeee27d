#!/bin/sh
# Install the Debian packages the build and tests need, only if missing.
set -e
pkgs="gcc make pkg-config libexpat1-dev libconfig-dev libxen-dev libyajl-dev check valgrind dpkg-dev patch xz-utils libxml2-dev libvirt-clients python3-jsonschema go-md2man"
# go-md2man: the man page xenconv(1) from docs/xenconv.1.md (make man, install).
# libxml2-dev: lint's RelaxNG validation; libvirt-clients (its domain.rng),
# python3-jsonschema and npm (fetches the SARIF 2.1.0 schema): lint tests
# (npm only when no npm is on PATH: a nodejs build may bring its own).
command -v npm >/dev/null 2>&1 || pkgs="$pkgs npm"
# `install-deps.sh fuzz` (make fuzz): also clang and its libFuzzer/sanitizer
# runtimes.
[ "${1:-}" = fuzz ] && pkgs="$pkgs clang libclang-rt-14-dev"
missing=""
for p in $pkgs; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "installing:$missing"
if [ "$(id -u)" != 0 ]; then
    echo "install-deps: need root to apt-get install:$missing" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends $missing >/dev/null
