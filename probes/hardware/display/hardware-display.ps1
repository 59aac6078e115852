# hardware.display: graphics adapters (driver version and date, current mode) and the monitors Windows sees.
# Prints one JSON object. Dates as ISO 8601. Monitor names stay WmiMonitorID's UInt16 arrays and
# VideoOutputTechnology stays a number: the parser decodes both, so nothing here is translated text.
# Cmdlets and property reads only: works in ConstrainedLanguage (App Control, AppLocker).
$ErrorActionPreference = 'Stop'
$errors = @()

# Display adapters' driver keys hold the real memory size (AdapterRAM is a UInt32 and wraps at 4 GB).
# The class key also has subkeys a standard user may not read ("Properties": access denied). One
# unreadable subkey must not end the listing, so nothing here stops on an error: Get-ChildItem lists
# what it can and each key is read on its own.
$classKey = 'HKLM:\SYSTEM\CurrentControlSet\Control\Class\{4d36e968-e325-11ce-bfc1-08002be10318}'
$driverKeys = @(Get-ChildItem -Path $classKey -ErrorAction SilentlyContinue | ForEach-Object {
    $properties = $null
    try { $properties = Get-ItemProperty -Path $_.PSPath -ErrorAction Stop } catch { $properties = $null }
    if ($properties) { $properties }
})

$adapters = @(Get-CimInstance -ClassName Win32_VideoController | ForEach-Object {
    $controller = $_
    $memory = $null
    $key = $driverKeys | Where-Object { $_.MatchingDeviceId -and $controller.PNPDeviceID -like ('{0}*' -f $_.MatchingDeviceId) } | Select-Object -First 1
    if ($key) {
        $memory = $key.'HardwareInformation.qwMemorySize'
        # Older drivers write only HardwareInformation.MemorySize: a DWORD, or REG_BINARY (4 bytes, little-endian).
        if (-not $memory) {
            $legacy = $key.'HardwareInformation.MemorySize'
            if ($legacy -is [array] -and $legacy.Count -eq 4) { $memory = [int64]$legacy[0] + [int64]$legacy[1] * 256 + [int64]$legacy[2] * 65536 + [int64]$legacy[3] * 16777216 }
            elseif ($legacy -is [int] -or $legacy -is [long]) { $memory = [int64]$legacy }
        }
    }
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
