# Runs Triage's collection scripts one after another, for as long as its input stays open: each line
# it reads is a script's path, and for each it prints run-script.ps1's one line of JSON. It lets a
# machine in ConstrainedLanguage (App Control, AppLocker) reuse one PowerShell for many scripts, as
# node-powershell does in FullLanguage. Cmdlets and core types only.
# Each line arrives in the process block as it is written. The end block must name $input: without
# it, PowerShell does not read standard input for a -File script at all.
process {
    if ("$_" -ne '') { & (Join-Path $PSScriptRoot 'run-script.ps1') -Script "$_" }
}
end {
    foreach ($path in $input) {
        if ("$path" -ne '') { & (Join-Path $PSScriptRoot 'run-script.ps1') -Script "$path" }
    }
}
