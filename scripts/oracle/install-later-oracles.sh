#!/usr/bin/env bash
# Installs the later releases the sweeps measure against (docs/agreement.md, "Later releases"):
# haproxy 3.0 (Debian trixie) and 3.2 (forky) as `haproxy30` and `haproxy32`, keepalived 2.3.3
# (trixie) as `keepalived23`, beside the system's 2.6.12 and 2.2.7. Each is unpacked under
# /opt/lblint-oracles with its suite's libraries and run through that suite's loader, so nothing of
# the system changes. Run as root; takes a minute. Not needed to build or test lblint.
set -euo pipefail
root=/opt/lblint-oracles
mkdir -p "$root"
# The same mirror the machine's own sources use, with the newer suites pinned so that nothing
# installed is ever upgraded from them.
mirror=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources)
cat > /etc/apt/sources.list.d/lblint-later.sources <<SRC
Types: deb
URIs: $mirror
Suites: trixie forky
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
cat > /etc/apt/preferences.d/lblint-later <<'PIN'
Package: *
Pin: release n=trixie
Pin-Priority: 1

Package: *
Pin: release n=forky
Pin-Priority: 1
PIN
apt-get update -qq

download() { apt-get download -q=2 -o APT::Sandbox::User=root "$@" 2>/dev/null || true; }

# unpack NAME VERSION SUITE COMMAND [EXTRA LIBRARY PACKAGES…]
unpack() {
  local name=$1 version=$2 suite=$3 command=$4
  shift 4
  local dir="$root/$command"
  if [ -x "$dir/bin/$command" ] && "$dir/bin/$command" -v >/dev/null 2>&1; then return 0; fi
  rm -rf "$dir"
  mkdir -p "$dir/debs" "$dir/root" "$dir/bin"
  cd "$dir/debs"
  download "$name=$version"
  local deps
  deps=$(apt-cache depends "$name=$version" | awk '/Depends:/ {print $2}' | grep -v '^<' | sort -u)
  for dep in $deps libc6 libgcc-s1 libzstd1 liblz4-1 liblzma5 libcap2 libgcrypt20 libgpg-error0 "$@"; do
    download "$dep/$suite"
  done
  for deb in *.deb; do dpkg-deb -x "$deb" "$dir/root"; done
  local binary loader libs
  binary=$(find "$dir/root" -path "*sbin/$name" -type f | head -1)
  loader=$(find "$dir/root" -name 'ld-linux-x86-64.so.2' | head -1)
  libs="$dir/root/lib/x86_64-linux-gnu:$dir/root/usr/lib/x86_64-linux-gnu"
  # keepalived 2.3 reads its build options from /etc/keepalived or beside its binary.
  if [ -f "$dir/root/etc/keepalived/keepalived.config-opts" ]; then
    cp "$dir/root/etc/keepalived/keepalived.config-opts" "$(dirname "$binary")/"
  fi
  printf '#!/bin/sh\nexec %s --library-path %s %s "$@"\n' "$loader" "$libs" "$binary" > "$dir/bin/$command"
  chmod +x "$dir/bin/$command"
  ln -sf "$dir/bin/$command" "/usr/local/bin/$command"
  cd /
}

unpack haproxy 3.0.11-1+deb13u4 trixie haproxy30
unpack haproxy 3.2.26-1 forky haproxy32
unpack keepalived 1:2.3.3-1 trixie keepalived23 \
  libperl5.40 libsnmp40t64 libsnmp-base libnl-3-200 libnl-genl-3-200 libnl-route-3-200 libmnl0 \
  libnftnl11 libipset13t64 libkmod2 libpci3 libsensors5 libwrap0 libglib2.0-0t64 libmagic1t64 \
  libnsl2 libtirpc3t64 libgssapi-krb5-2 libkrb5-3 libk5crypto3 libkrb5support0 libcom-err2 \
  libkeyutils1 libbz2-1.0 libdb5.3t64 libpcre2-8-0 libssl3t64 libcrypt1 libsystemd0 libudev1 \
  libffi8 libmount1 libblkid1 libselinux1 zlib1g libxtables12 libnfnetlink0
haproxy30 -v | head -1
haproxy32 -v | head -1
keepalived23 -v 2>&1 | head -1
