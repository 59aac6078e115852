# hardware.disks: fixed volumes and physical disks with their health.
# Prints one JSON object with numeric codes (MediaType, BusType, HealthStatus), never translated text.
# Cmdlets and property reads only: works in ConstrainedLanguage (App Control, AppLocker).
$ErrorActionPreference = 'Stop'
$errors = @()

$volumes = @(Get-CimInstance -ClassName Win32_LogicalDisk -Filter 'DriveType = 3' | ForEach-Object {
    [ordered]@{ deviceId = $_.DeviceID; label = $_.VolumeName; fileSystem = $_.FileSystem; size = $_.Size; freeSpace = $_.FreeSpace }
})

$physical = @()
try {
    $physical = @(Get-CimInstance -Namespace 'root\Microsoft\Windows\Storage' -ClassName MSFT_PhysicalDisk | ForEach-Object {
        [ordered]@{ deviceId = [int]$_.DeviceId; friendlyName = $_.FriendlyName; model = $_.Model; mediaType = $_.MediaType; busType = $_.BusType; size = $_.Size; healthStatus = $_.HealthStatus }
    })
} catch {
    $errors += @{ part = 'physicalDisks'; message = $_.Exception.Message }
}

# SMART's prediction lives in root\wmi and needs administrator rights; users get "Access denied".
# Its InstanceName is the disk's PNP device id plus "_0": that suffix is the WMI instance number, the
# same on every disk, not the disk number. The disk number comes from Win32_DiskDrive (Index, the
# number MSFT_PhysicalDisk.DeviceId also uses), matched on the PNP device id; a prediction whose disk
# cannot be matched for certain keeps diskNumber null and is not pinned on any disk.
$predictions = @()
$smartReadable = $true
try {
    $raw = @(Get-CimInstance -Namespace 'root\wmi' -ClassName MSStorageDriver_FailurePredictStatus)
} catch {
    $raw = @()
    $smartReadable = $false
    $errors += @{ part = 'smart'; message = 'Reading SMART failure predictions needs administrator rights.'; code = 'permission-denied' }
}
if ($raw.Count -gt 0) {
    $drives = @()
    try {
        $drives = @(Get-CimInstance -ClassName Win32_DiskDrive | ForEach-Object { [ordered]@{ index = $_.Index; pnp = [string]$_.PNPDeviceID } })
    } catch {
        $errors += @{ part = 'smart'; message = "SMART predictions could not be matched to disks: $($_.Exception.Message)" }
    }
    $predictions = @($raw | ForEach-Object {
        $pnp = ([string]$_.InstanceName) -replace '_\d+$', ''
        $found = @($drives | Where-Object { $_.pnp -and $_.pnp -ieq $pnp })
        if ($found.Count -ne 1 -and $_.PredictFailure) {
            # Not pinned on a disk, but never dropped: a technician must still hear of it.
            $errors += @{ part = 'smart'; message = "SMART predicts a failure on $($_.InstanceName), which could not be matched to a disk number." }
        }
        [ordered]@{
            instanceName   = $_.InstanceName
            diskNumber     = if ($found.Count -eq 1) { [int]$found[0].index } else { $null }
            predictFailure = $_.PredictFailure
        }
    })
}

[ordered]@{
    systemDrive        = $env:SystemDrive
    volumes            = $volumes
    physicalDisks      = $physical
    smartReadable      = $smartReadable
    failurePredictions = $predictions
    errors             = $errors
} | ConvertTo-Json -Depth 4 -Compress
