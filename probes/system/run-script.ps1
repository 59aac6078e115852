# Runs one of Triage's collection scripts by path and prints its JSON with every non-ASCII character
# escaped (\uXXXX), so the result survives whatever code page the console uses: Windows PowerShell
# 5.1 writes to a pipe in the OEM code page, and ConstrainedLanguage cannot change that.
# Cmdlets and core types only: it runs in ConstrainedLanguage too.
param([Parameter(Mandatory = $true)][string]$Script)
# Continue: a script's own non-terminating errors must not end it (each script sets its own preference).
$ErrorActionPreference = 'Continue'
$json = (& $Script | Out-String).Trim()
if ($json -match '[^\x00-\x7E]') {
    $json = -join $(foreach ($c in $json.ToCharArray()) {
            if ($c -gt [char]126) { '\u{0:x4}' -f [int]$c } else { $c }
        })
}
$json
