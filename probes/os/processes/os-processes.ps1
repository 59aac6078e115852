# os.processes on Windows: every process's CPU (already measured by the performance counters) and
# private working set, by name and id only (never command lines). Prints one JSON document.
$ErrorActionPreference = 'Stop'

$processes = @(
  Get-CimInstance -ClassName Win32_PerfFormattedData_PerfProc_Process | ForEach-Object {
    [ordered]@{ name = $_.Name; pid = [int]$_.IDProcess; cpu = [double]$_.PercentProcessorTime; workingSetPrivate = [double]$_.WorkingSetPrivate }
  }
)

[ordered]@{
  logicalProcessors = [Environment]::ProcessorCount
  processes         = $processes
} | ConvertTo-Json -Depth 3 -Compress
