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
# Electron window where Electron is installed; squid, openssl: the proxy tests (a real proxy with Basic
# sign-in); systemd (systemd-analyze), util-linux (unshare): the tests of the Linux package scripts;
# faketime: senders with a wrong wall clock in the outbox chaos test.
APT_PACKAGES=(chromium squid openssl systemd util-linux faketime iputils-ping iproute2 dnsmasq-base chrony isc-dhcp-client nftables python3 xvfb procps)

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

# A real PowerShell for the Windows scripts' tests (and PowerShell's own parser in the lint), from the
# NuGet feed this machine is configured with, and Pester 5 from the same feed. In CI the tests that
# need them fail without them; elsewhere they are skipped with the reason.
PWSH_VERSION=7.6.9
PESTER_VERSION=5.7.1
if command -v dotnet >/dev/null; then
  export PATH="$PATH:$HOME/.dotnet/tools"
  if ! command -v pwsh >/dev/null || [ "$(pwsh -NoProfile -Command '$PSVersionTable.PSVersion.ToString()')" != "$PWSH_VERSION" ]; then
    echo "setup: installing PowerShell $PWSH_VERSION (dotnet tool)"
    dotnet tool install --global PowerShell --version "$PWSH_VERSION" >/dev/null 2>&1 ||
      dotnet tool update --global PowerShell --version "$PWSH_VERSION" >/dev/null
  fi
  feed=$(dotnet nuget list source --format short | awk '$1 ~ /^E/ {print $2; exit}')
  POWERSHELL_TELEMETRY_OPTOUT=1 TRIAGE_FEED="$feed" TRIAGE_PESTER="$PESTER_VERSION" pwsh -NoProfile -NonInteractive -Command '
    $ErrorActionPreference = "Stop"
    if (Get-Module -ListAvailable Pester | Where-Object { $_.Version -eq $env:TRIAGE_PESTER }) { return }
    Write-Host "setup: installing Pester $env:TRIAGE_PESTER from $env:TRIAGE_FEED"
    if (-not (Get-PSResourceRepository -Name TriageFeed -ErrorAction SilentlyContinue)) {
      Register-PSResourceRepository -Name TriageFeed -Uri $env:TRIAGE_FEED -Trusted
    }
    Install-PSResource Pester -Version $env:TRIAGE_PESTER -Repository TriageFeed -TrustRepository -Scope CurrentUser -Quiet -Reinstall
    # The Pester package of nuget.org lands as pester/<version>/tools/Pester.psd1 (lower-case id, module in
    # tools/): move it to Pester/<version>/ where PowerShell looks on a case-sensitive file system.
    $modules = Join-Path ([Environment]::GetFolderPath("LocalApplicationData")) "powershell/Modules"
    $target = Join-Path $modules "Pester/$env:TRIAGE_PESTER"
    $manifest = Get-ChildItem -LiteralPath $modules -Recurse -Filter Pester.psd1 | Where-Object { $_.FullName -like "*$env:TRIAGE_PESTER*" } | Select-Object -First 1
    if ($manifest -and $manifest.DirectoryName -ne $target) {
      $staging = Join-Path $modules ".pester-$env:TRIAGE_PESTER"
      Move-Item -LiteralPath $manifest.DirectoryName -Destination $staging
      Get-ChildItem -LiteralPath $modules -Directory | Where-Object { $_.Name -ieq "pester" } | Remove-Item -Recurse -Force
      New-Item -ItemType Directory -Force -Path (Split-Path $target) | Out-Null
      Move-Item -LiteralPath $staging -Destination $target
    }
    Import-Module Pester -RequiredVersion $env:TRIAGE_PESTER
  '
else
  echo "setup: no .NET SDK (dotnet), so no PowerShell: the Windows script tests will be skipped." >&2
fi

# Electron's postinstall downloads a ~100 MB binary from GitHub. The headless CLI and all tests run
# without it, so it is skipped unless you ask: ELECTRON_SKIP_BINARY_DOWNLOAD=0 bash scripts/setup.sh
export ELECTRON_SKIP_BINARY_DOWNLOAD="${ELECTRON_SKIP_BINARY_DOWNLOAD:-1}"
npm ci --no-fund --no-audit
npm run build
echo "setup: done. Try: npm run try   — or run the tests: npm test"
command -v pwsh >/dev/null || echo "setup: open a new shell, or add $HOME/.dotnet/tools to PATH, to use pwsh yourself."
