# Intune remediation: remediation script.
# Collects a full report and files it as a ticket in the helpdesk that policy configures (relay or
# helpdesk); when the device is offline it stays in Triage's outbox and is sent later. Exits 0 when
# the report was sent or queued, 1 when it could not be (the output says why).
#   Run this script using the logged-on credentials: No (runs as SYSTEM)
param()
$ErrorActionPreference = 'Stop'
$triage = Join-Path $env:ProgramFiles 'Triage\Triage.exe'
$reports = Join-Path $env:ProgramData 'Triage\reports'
New-Item -ItemType Directory -Force -Path $reports | Out-Null
$output = & $triage --headless collect --output $reports --submit --fail-on never --quiet
$code = $LASTEXITCODE
Write-Output ($output | Out-String)
if ($code -eq 0) { exit 0 }
exit 1
