# hardware.battery: charge, charging state, design and full-charge capacity, cycle count.
# Prints one JSON object. The root\wmi battery classes exist only on machines with a battery;
# on desktops and VMs the batteries list is empty, which means "no battery", not an error.
# Cmdlets and property reads only: works in ConstrainedLanguage (App Control, AppLocker).
$ErrorActionPreference = 'Stop'
$errors = @()

# Every battery, not only the first: ThinkPads with a second (bridge) battery, and docks, have two
# Win32_Battery instances, and root\wmi has one instance of each class per battery.
$batteries = @(Get-CimInstance -ClassName Win32_Battery | ForEach-Object {
    [ordered]@{ estimatedChargeRemaining = $_.EstimatedChargeRemaining; batteryStatus = $_.BatteryStatus }
})
$designed = @(); $full = @(); $cycles = @(); $status = @()
if ($batteries.Count -gt 0) {
    try {
        $designed = @(Get-CimInstance -Namespace 'root\wmi' -ClassName BatteryStaticData | ForEach-Object { $_.DesignedCapacity })
        $full = @(Get-CimInstance -Namespace 'root\wmi' -ClassName BatteryFullChargedCapacity | ForEach-Object { $_.FullChargedCapacity })
        $status = @(Get-CimInstance -Namespace 'root\wmi' -ClassName BatteryStatus | ForEach-Object {
            [ordered]@{ powerOnline = $_.PowerOnline; charging = $_.Charging; remainingCapacity = $_.RemainingCapacity }
        })
    } catch {
        $errors += @{ part = 'capacity'; message = $_.Exception.Message }
    }
    try {
        $cycles = @(Get-CimInstance -Namespace 'root\wmi' -ClassName BatteryCycleCount -ErrorAction Stop | ForEach-Object { $_.CycleCount })
    } catch {
        # Many firmwares do not expose a cycle count: not worth a gap.
        $cycles = @()
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
