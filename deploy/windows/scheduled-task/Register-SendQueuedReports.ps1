<#
.SYNOPSIS
    Registers (or, with -Unregister, removes) the scheduled task "\Triage\Send queued reports".

.DESCRIPTION
    The NSIS installer registers this task itself (build/installer.nsh). The MSI cannot (electron-
    builder's MSI has no custom actions): run this script as SYSTEM or an administrator after
    installing the MSI, e.g. as an Intune platform script or a second Win32 app, and with
    -Unregister before or after removing it.

    The task runs "<InstallDir>\Triage.exe" --headless outbox retry as SYSTEM at boot (after two
    minutes), every 15 minutes and when a network connects, which sends the reports that headless runs
    queued in %ProgramData%\Triage\outbox. Its definition is resources\send-queued-reports.xml in the
    install folder; the @TRIAGE_INSTALL_DIR@ placeholder in it is replaced by -InstallDir.

    Running it again is harmless: the task is replaced (or, with -Unregister, already gone). It works
    in ConstrainedLanguage mode (App Control for Business, AppLocker): cmdlets and string operators only.
    Exit code 0 when done, 1 when it could not be done (the reason is written as an error).

.PARAMETER InstallDir
    Where Triage is installed. Default: %ProgramFiles%\Triage (where the MSI installs it), the 64-bit
    Program Files also when this runs in a 32-bit PowerShell.

.PARAMETER Unregister
    Remove the task instead of registering it.

.EXAMPLE
    powershell.exe -NoProfile -ExecutionPolicy Bypass -File Register-SendQueuedReports.ps1
#>
[CmdletBinding()]
param(
    # ProgramW6432 is the 64-bit Program Files also in a 32-bit PowerShell (Intune's default for scripts).
    [string]$InstallDir = (Join-Path $(if ($env:ProgramW6432) { $env:ProgramW6432 } else { $env:ProgramFiles }) 'Triage'),
    [switch]$Unregister
)

$ErrorActionPreference = 'Stop'
$taskPath = '\Triage\'
$taskName = 'Send queued reports'

try {
    $existing = Get-ScheduledTask -TaskPath $taskPath -TaskName $taskName -ErrorAction SilentlyContinue
    if ($Unregister) {
        if ($existing) {
            Unregister-ScheduledTask -TaskPath $taskPath -TaskName $taskName -Confirm:$false
            Write-Output "Removed the scheduled task $taskPath$taskName."
        } else {
            Write-Output "The scheduled task $taskPath$taskName is not registered: nothing to remove."
        }
        exit 0
    }

    $exe = Join-Path $InstallDir 'Triage.exe'
    if (-not (Test-Path -LiteralPath $exe -PathType Leaf)) {
        throw "Triage is not installed in $InstallDir ($exe is missing); pass -InstallDir."
    }
    $template = Join-Path (Join-Path $InstallDir 'resources') 'send-queued-reports.xml'
    if (-not (Test-Path -LiteralPath $template -PathType Leaf)) {
        # Run from a copy of deploy\windows\scheduled-task: the definition is beside the script.
        $template = Join-Path $PSScriptRoot 'send-queued-reports.xml'
    }
    if (-not (Test-Path -LiteralPath $template -PathType Leaf)) {
        throw "The task's definition send-queued-reports.xml is neither in $InstallDir\resources nor beside this script."
    }

    $xml = Get-Content -LiteralPath $template -Raw -Encoding UTF8
    # A folder name can hold "&", which XML needs as "&amp;" ("<", ">" and '"' cannot be in a path).
    # The text is handed over as a string (UTF-16 in memory), so the declaration says UTF-16.
    $xml = $xml.Replace('encoding="UTF-8"', 'encoding="UTF-16"').Replace('@TRIAGE_INSTALL_DIR@', $InstallDir.TrimEnd('\').Replace('&', '&amp;'))

    # -Force replaces the task when it exists (an earlier version, or a run of this script before).
    Register-ScheduledTask -TaskPath $taskPath -TaskName $taskName -Xml $xml -Force | Out-Null
    if ($existing) {
        Write-Output "Replaced the scheduled task $taskPath$taskName (runs `"$exe`" --headless outbox retry)."
    } else {
        Write-Output "Registered the scheduled task $taskPath$taskName (runs `"$exe`" --headless outbox retry)."
    }
    exit 0
} catch {
    Write-Error -ErrorAction Continue "Could not $(if ($Unregister) { 'remove' } else { 'register' }) the scheduled task $taskPath${taskName}: $($_.Exception.Message)"
    exit 1
}
