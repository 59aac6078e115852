# Intune remediation: detection script.
# Runs Triage's checks with no window and no bundle; exits 1 ("issue found") when a finding is at
# least as severe as $FailOn, so Intune runs the remediation script. Output (JSON) is kept in
# Intune's "pre-remediation detection output" for the device.
#   Run this script using the logged-on credentials: No (runs as SYSTEM)
#   Run script in 64-bit PowerShell: Yes
param()
$ErrorActionPreference = 'Stop'
$FailOn = 'critical'
$triage = Join-Path $env:ProgramFiles 'Triage\Triage.exe'
if (-not (Test-Path $triage)) {
    Write-Output 'Triage is not installed.'
    exit 0
}
$output = & $triage --headless collect --no-bundle --json --fail-on $FailOn --quiet
$code = $LASTEXITCODE
# Intune keeps about 2048 characters of output: the findings' ids and titles fit.
try {
    $result = $output | Out-String | ConvertFrom-Json
    $summary = @($result.findings | Where-Object { $_.severity -ne 'ok' } | ForEach-Object { '{0}: {1}' -f $_.severity, $_.title }) -join '; '
    Write-Output $summary
} catch {
    Write-Output ($output | Out-String)
}
exit $code
