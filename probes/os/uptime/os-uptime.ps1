# os.uptime: last boot time and whether Fast Startup is on (then "Shut down" does not reset uptime).
param($TriageArgs)
$ErrorActionPreference = 'Stop'
$os = Get-CimInstance -ClassName Win32_OperatingSystem
$power = Get-ItemProperty 'HKLM:\SYSTEM\CurrentControlSet\Control\Session Manager\Power' -ErrorAction SilentlyContinue
[ordered]@{
    lastBootUpTime   = $os.LastBootUpTime.ToUniversalTime().ToString('o')
    hiberbootEnabled = if ($null -ne $power.HiberbootEnabled) { [int]$power.HiberbootEnabled } else { $null }
} | ConvertTo-Json -Compress
