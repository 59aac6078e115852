#!/usr/bin/env bash
# Stands in for powershell.exe, with pwsh (TRIAGE_TEST_PWSH) underneath: it takes powershell.exe's
# arguments and runs everything in TRIAGE_TEST_LANGUAGE (default ConstrainedLanguage: a machine under
# App Control for Business, where code given as text and every unsigned script runs constrained).
# With TRIAGE_STUB_DATA set, the Windows stubs (stubs.ps1) answer as the real cmdlets would.
# Both come from a profile (profile/powershell/), which pwsh runs first in every session: so -File
# scripts still read their input as it arrives, and node-powershell's -Command - session works.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
args=()
for arg in "$@"; do
  # The profile is the point; -NoProfile would skip it.
  [ "$arg" = "-NoProfile" ] || args+=("$arg")
done
XDG_CONFIG_HOME="$here/profile" exec "${TRIAGE_TEST_PWSH:?}" "${args[@]}"
