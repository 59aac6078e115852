# os.processes on Windows: every process's CPU (already measured by the performance counters) and
# private working set, by name and id only (never command lines). Prints one JSON document.
# Cmdlets and property reads only: works in ConstrainedLanguage (App Control, AppLocker), which is why
# the processor count comes from Win32_ComputerSystem and not [Environment]::ProcessorCount.
$ErrorActionPreference = 'Stop'

$processes = @(
  Get-CimInstance -ClassName Win32_PerfFormattedData_PerfProc_Process | ForEach-Object {
    [ordered]@{ name = $_.Name; pid = [int]$_.IDProcess; cpu = [double]$_.PercentProcessorTime; workingSetPrivate = [double]$_.WorkingSetPrivate }
  }
)
# PercentProcessorTime is per logical processor (a busy 8-thread CPU shows 800 for _Total).
$logical = (Get-CimInstance -ClassName Win32_ComputerSystem -ErrorAction SilentlyContinue).NumberOfLogicalProcessors
if (-not $logical -and $env:NUMBER_OF_PROCESSORS) { $logical = [int]$env:NUMBER_OF_PROCESSORS }

[ordered]@{
  logicalProcessors = $logical
  processes         = $processes
} | ConvertTo-Json -Depth 3 -Compress
