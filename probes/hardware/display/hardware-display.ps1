# hardware.display: graphics adapters (driver version and date, current mode) and the monitors Windows sees.
# Prints one JSON object. Dates as ISO 8601. Monitor names stay WmiMonitorID's UInt16 arrays and
# VideoOutputTechnology stays a number: the parser decodes both, so nothing here is translated text.
param($TriageArgs)
$ErrorActionPreference = 'Stop'
$errors = @()

# Display adapters' driver keys hold the real memory size (AdapterRAM is a UInt32 and wraps at 4 GB).
$classKey = 'HKLM:\SYSTEM\CurrentControlSet\Control\Class\{4d36e968-e325-11ce-bfc1-08002be10318}'
$driverKeys = @()
try {
    $driverKeys = @(Get-ChildItem -Path $classKey -ErrorAction Stop | ForEach-Object { Get-ItemProperty -Path $_.PSPath -ErrorAction SilentlyContinue })
} catch {
    $driverKeys = @()
}

$adapters = @(Get-CimInstance -ClassName Win32_VideoController | ForEach-Object {
    $controller = $_
    $memory = $null
    $key = $driverKeys | Where-Object { $_.MatchingDeviceId -and $controller.PNPDeviceID -like ('{0}*' -f $_.MatchingDeviceId) } | Select-Object -First 1
    if ($key) { $memory = $key.'HardwareInformation.qwMemorySize' }
    if (-not $memory) { $memory = $controller.AdapterRAM }
    [ordered]@{
        name                 = $controller.Name
        vendor               = $controller.AdapterCompatibility
        driverVersion        = $controller.DriverVersion
        driverDate           = if ($controller.DriverDate) { $controller.DriverDate.ToUniversalTime().ToString('o') } else { $null }
        memoryBytes          = $memory
        horizontalResolution = $controller.CurrentHorizontalResolution
        verticalResolution   = $controller.CurrentVerticalResolution
        refreshRate          = $controller.CurrentRefreshRate
    }
})

$monitors = @()
try {
    $connections = @(Get-CimInstance -Namespace 'root\wmi' -ClassName WmiMonitorConnectionParams -ErrorAction SilentlyContinue)
    $monitors = @(Get-CimInstance -Namespace 'root\wmi' -ClassName WmiMonitorID | ForEach-Object {
        $instance = $_.InstanceName
        $connection = $connections | Where-Object { $_.InstanceName -eq $instance } | Select-Object -First 1
        [ordered]@{
            name                  = @($_.UserFriendlyName)
            manufacturer          = @($_.ManufacturerName)
            videoOutputTechnology = if ($connection) { [int64]$connection.VideoOutputTechnology } else { $null }
        }
    })
} catch {
    $errors += @{ part = 'monitors'; message = $_.Exception.Message }
}

[ordered]@{ adapters = $adapters; monitors = $monitors; errors = $errors } | ConvertTo-Json -Depth 4 -Compress
