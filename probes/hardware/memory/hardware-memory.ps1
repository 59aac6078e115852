# hardware.memory: physical memory, page files, commit charge and paging rate.
# Prints one JSON object; only numbers, so nothing depends on the UI language.
# Cmdlets and property reads only: works in ConstrainedLanguage (App Control, AppLocker).
$ErrorActionPreference = 'Stop'
$errors = @()

$os = Get-CimInstance -ClassName Win32_OperatingSystem
$perf = $null
try {
    # Formatted counters are already rates/values; no sampling needed.
    $perf = Get-CimInstance -ClassName Win32_PerfFormattedData_PerfOS_Memory
} catch {
    $errors += @{ part = 'counters'; message = $_.Exception.Message }
}
$pageFiles = @(Get-CimInstance -ClassName Win32_PageFileUsage -ErrorAction SilentlyContinue | ForEach-Object {
    [ordered]@{ name = $_.Name; allocatedMb = $_.AllocatedBaseSize; currentUsageMb = $_.CurrentUsage }
})

[ordered]@{
    os        = [ordered]@{
        totalVisibleMemoryKb = $os.TotalVisibleMemorySize
        freePhysicalMemoryKb = $os.FreePhysicalMemory
    }
    perf      = if ($perf) {
        [ordered]@{
            availableBytes   = $perf.AvailableBytes
            committedBytes   = $perf.CommittedBytes
            commitLimit      = $perf.CommitLimit
            pageReadsPerSec  = $perf.PageReadsPersec
            pagesInputPerSec = $perf.PagesInputPersec
        }
    } else { $null }
    pageFiles = $pageFiles
    errors    = $errors
} | ConvertTo-Json -Depth 4 -Compress
