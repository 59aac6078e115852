# os.uptime: last boot time and whether Fast Startup is on (then "Shut down" does not reset uptime).
# Cmdlets and property reads only: works in ConstrainedLanguage (App Control, AppLocker).
$ErrorActionPreference = 'Stop'
$os = Get-CimInstance -ClassName Win32_OperatingSystem
$power = Get-ItemProperty 'HKLM:\SYSTEM\CurrentControlSet\Control\Session Manager\Power' -ErrorAction SilentlyContinue
[ordered]@{
    lastBootUpTime   = if ($os.LastBootUpTime) { $os.LastBootUpTime.ToUniversalTime().ToString('o') } else { $null }
    hiberbootEnabled = if ($null -ne $power.HiberbootEnabled) { [int]$power.HiberbootEnabled } else { $null }
} | ConvertTo-Json -Compress
