# Runs one of Triage's collection scripts by path and prints one line of JSON: what the script
# printed ("output") and the errors it reported ("errors"), with every non-ASCII character escaped
# (\uXXXX) so the line survives whatever code page the console uses (Windows PowerShell 5.1 writes
# to a pipe in the OEM code page, and ConstrainedLanguage cannot change that).
# Cmdlets and core types only: it runs in ConstrainedLanguage too.
param([Parameter(Mandatory = $true)][string]$Script)
# Continue: a script's own non-terminating errors must not end it (each script sets its own preference).
$ErrorActionPreference = 'Continue'
$errors = @()
$records = @()
try {
    $records = @(& $Script 2>&1)
} catch {
    $errors += [string]$_
}
$errors += @($records | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | ForEach-Object { [string]$_ })
$output = (@($records | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] }) | Out-String).Trim()
$json = [ordered]@{ output = $output; errors = @($errors) } | ConvertTo-Json -Compress
if ($json -match '[^\x00-\x7E]') {
    $json = -join $(foreach ($c in $json.ToCharArray()) {
            if ($c -gt [char]126) { '\u{0:x4}' -f [int]$c } else { $c }
        })
}
$json
