# hardware.battery: charge, charging state, design and full-charge capacity, cycle count.
# Prints one JSON object. The root\wmi battery classes exist only on machines with a battery;
# on desktops and VMs the batteries list is empty, which means "no battery", not an error.
param($TriageArgs)
$ErrorActionPreference = 'Stop'
$errors = @()

$batteries = @(Get-CimInstance -ClassName Win32_Battery | ForEach-Object {
    [ordered]@{ estimatedChargeRemaining = $_.EstimatedChargeRemaining; batteryStatus = $_.BatteryStatus }
})
$designed = $null; $full = $null; $cycles = $null; $status = $null
if ($batteries.Count -gt 0) {
    try {
        $designed = (Get-CimInstance -Namespace 'root\wmi' -ClassName BatteryStaticData | Select-Object -First 1).DesignedCapacity
        $full = (Get-CimInstance -Namespace 'root\wmi' -ClassName BatteryFullChargedCapacity | Select-Object -First 1).FullChargedCapacity
        $s = Get-CimInstance -Namespace 'root\wmi' -ClassName BatteryStatus | Select-Object -First 1
        if ($s) { $status = [ordered]@{ powerOnline = $s.PowerOnline; charging = $s.Charging } }
    } catch {
        $errors += @{ part = 'capacity'; message = $_.Exception.Message }
    }
    try {
        $cycles = (Get-CimInstance -Namespace 'root\wmi' -ClassName BatteryCycleCount -ErrorAction Stop | Select-Object -First 1).CycleCount
    } catch {
        # Many firmwares do not expose a cycle count: not worth a gap.
        $cycles = $null
    }
}

[ordered]@{
    batteries           = $batteries
    designedCapacity    = $designed
    fullChargedCapacity = $full
    cycleCount          = $cycles
    status              = $status
    errors              = $errors
} | ConvertTo-Json -Depth 4 -Compress
