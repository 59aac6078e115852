# hardware.display: graphics adapters (driver version and date) and monitor names.
# Prints one JSON object. Dates as ISO 8601; monitor names decoded from WmiMonitorID's UInt16 arrays.
param($TriageArgs)
$ErrorActionPreference = 'Stop'
$errors = @()

$adapters = @(Get-CimInstance -ClassName Win32_VideoController | ForEach-Object {
    $memory = $null
    # AdapterRAM is a UInt32 (wraps at 4 GB); the driver's registry key has the real size.
    try {
        $key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Class\{4d36e968-e325-11ce-bfc1-08002be10318}'
        $entry = Get-ChildItem $key -ErrorAction Stop | Where-Object { (Get-ItemProperty $_.PSPath -ErrorAction SilentlyContinue).MatchingDeviceId -eq $_.PNPDeviceID } | Select-Object -First 1
        if ($entry) { $memory = (Get-ItemProperty $entry.PSPath).'HardwareInformation.qwMemorySize' }
    } catch { $memory = $null }
    if (-not $memory) { $memory = $_.AdapterRAM }
    [ordered]@{
        name                 = $_.Name
        vendor               = $_.AdapterCompatibility
        driverVersion        = $_.DriverVersion
        driverDate           = if ($_.DriverDate) { $_.DriverDate.ToUniversalTime().ToString('o') } else { $null }
        memoryBytes          = $memory
        horizontalResolution = $_.CurrentHorizontalResolution
        verticalResolution   = $_.CurrentVerticalResolution
        refreshRate          = $_.CurrentRefreshRate
    }
})

$monitors = @()
try {
    $monitors = @(Get-CimInstance -Namespace 'root\wmi' -ClassName WmiMonitorID | ForEach-Object {
        $name = ($_.UserFriendlyName | Where-Object { $_ -ne 0 } | ForEach-Object { [char]$_ }) -join ''
        # Laptop panels report VideoOutputTechnology 0x80000000 (internal) in WmiMonitorConnectionParams.
        [ordered]@{ name = $name; instance = $_.InstanceName; internal = $null }
    })
    $connections = @(Get-CimInstance -Namespace 'root\wmi' -ClassName WmiMonitorConnectionParams -ErrorAction SilentlyContinue)
    foreach ($monitor in $monitors) {
        $connection = $connections | Where-Object { $_.InstanceName -eq $monitor.instance } | Select-Object -First 1
        if ($connection) { $monitor.internal = ([uint32]$connection.VideoOutputTechnology -eq [uint32]2147483648) }
        $monitor.Remove('instance')
    }
} catch {
    $errors += @{ part = 'monitors'; message = $_.Exception.Message }
}

[ordered]@{ adapters = $adapters; monitors = $monitors; errors = $errors } | ConvertTo-Json -Depth 4 -Compress
