# hardware.disks: fixed volumes and physical disks with their health.
# Prints one JSON object with numeric codes (MediaType, BusType, HealthStatus), never translated text.
param($TriageArgs)
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
$predictions = @()
try {
    $predictions = @(Get-CimInstance -Namespace 'root\wmi' -ClassName MSStorageDriver_FailurePredictStatus | ForEach-Object {
        $index = $null
        if ($_.InstanceName -match '_(\d+)$') { $index = [int]$Matches[1] }
        [ordered]@{ index = $index; predictFailure = $_.PredictFailure }
    })
} catch {
    $errors += @{ part = 'smart'; message = 'Reading SMART failure predictions needs administrator rights.'; code = 'permission-denied' }
}

[ordered]@{
    systemDrive        = $env:SystemDrive
    volumes            = $volumes
    physicalDisks      = $physical
    failurePredictions = $predictions
    errors             = $errors
} | ConvertTo-Json -Depth 4 -Compress
