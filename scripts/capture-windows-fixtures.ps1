# Captures real Windows output of every Triage probe script as test fixtures.
#
# Run on a Windows machine from the repository root, in Windows PowerShell 5.1 (what Triage uses):
#   powershell -NoProfile -ExecutionPolicy Bypass -File scripts\capture-windows-fixtures.ps1 -Scenario win11-24h2-surface7
# It runs each probes\**\*.ps1 and writes tests\fixtures\windows\<probe-id>\<scenario>.<step>.txt with
# the header the tests read. Review the files before committing them: they hold this machine's
# real names, addresses and serial numbers, which you may want to replace by hand.
param(
    [Parameter(Mandatory = $true)][ValidatePattern('^[a-z0-9][a-z0-9-]+$')][string]$Scenario,
    [string]$Note = ''
)
$ErrorActionPreference = 'Stop'
$root = Split-Path -Parent $PSScriptRoot
$os = Get-CimInstance -ClassName Win32_OperatingSystem
$build = '{0} {1} (build {2}.{3})' -f $os.Caption, (Get-ItemProperty 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion').DisplayVersion, $os.BuildNumber, (Get-ItemProperty 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion').UBR
$model = (Get-CimInstance -ClassName Win32_ComputerSystem).Model
$date = (Get-Date).ToString('yyyy-MM-dd')

# probes\system holds the runner and the worker, not checks.
Get-ChildItem -Path (Join-Path $root 'probes') -Recurse -Filter '*.ps1' | Where-Object { $_.DirectoryName -notlike '*\probes\system' } | ForEach-Object {
    $name = $_.Name
    # hardware-cpu.ps1 -> hardware.cpu ; os-reboot-pending.ps1 -> os.reboot-pending
    $stem = [IO.Path]::GetFileNameWithoutExtension($name)
    $dash = $stem.IndexOf('-')
    $probeId = $stem.Substring(0, $dash) + '.' + $stem.Substring($dash + 1)
    $dir = Join-Path $root (Join-Path 'tests\fixtures\windows' $probeId)
    New-Item -ItemType Directory -Force -Path $dir | Out-Null
    $started = Get-Date
    $output = & $_.FullName 2>$null | Out-String
    # How long the script took here: the Windows bench (scripts/bench-windows.ts) wants real timings.
    $durationMs = [int]((Get-Date) - $started).TotalMilliseconds
    $source = "# source: captured on $build, $model, on $date by scripts/capture-windows-fixtures.ps1"
    if ($Note) { $source += "; $Note" }
    $text = @($source, '# evidence: captured', "# powershell: $name", "# duration-ms: $durationMs", '# ---', $output.Trim(), '') -join "`n"
    $path = Join-Path $dir ('{0}.{1}.txt' -f $Scenario, $stem)
    [IO.File]::WriteAllText($path, $text, (New-Object System.Text.UTF8Encoding($false)))
    Write-Host "wrote $path"
}
