#!/usr/bin/env bash
# Sets up Triage on a development or CI machine:
#   1. the Debian packages the tests use (as root on Debian/Ubuntu; otherwise it lists them),
#   2. the npm packages (npm ci) — without Electron's own binary download unless you ask for it,
#   3. a build (dist/).
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# chromium: renderer and report.html tests; iputils-ping: the ping probe; iproute2 (ip), dnsmasq-base,
# chrony, isc-dhcp-client, nftables, python3 (the lab's delay bridge): the network lab; xvfb: a real
# Electron window where Electron is installed.
APT_PACKAGES=(chromium iputils-ping iproute2 dnsmasq-base chrony isc-dhcp-client nftables python3 xvfb procps)

missing=()
for package in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "setup: installing ${missing[*]}"
    # Packages such as chrony start their service on install; the tests start their own servers,
    # and a system chronyd would fight over the (shared, un-namespaced) clock. policy-rc.d says no.
    policy=/usr/sbin/policy-rc.d
    [ -e "$policy" ] && had_policy=1 || { had_policy=0; printf '#!/bin/sh\nexit 101\n' > "$policy"; chmod +x "$policy"; }
    apt-get -o DPkg::Lock::Timeout=300 update -qq
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    [ "$had_policy" = 0 ] && rm -f "$policy"
  else
    echo "setup: these packages are missing and need root to install: ${missing[*]}" >&2
    echo "setup: the tests that need them will be skipped (CI installs them)." >&2
  fi
fi

# A real Request Tracker 5 for the connector tests (served only on 127.0.0.1 by the tests themselves).
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  bash scripts/install-request-tracker.sh
else
  echo "setup: the Request Tracker tests need root to install RT (scripts/install-request-tracker.sh); they will be skipped." >&2
fi

# Electron's postinstall downloads a ~100 MB binary from GitHub. The headless CLI and all tests run
# without it, so it is skipped unless you ask: ELECTRON_SKIP_BINARY_DOWNLOAD=0 bash scripts/setup.sh
export ELECTRON_SKIP_BINARY_DOWNLOAD="${ELECTRON_SKIP_BINARY_DOWNLOAD:-1}"
npm ci --no-fund --no-audit
npm run build
echo "setup: done. Try: npm run try   — or run the tests: npm test"
