# security.accounts on Windows: the signed-in user, whether they are in BUILTIN\Administrators (by
# SID, whatever the language), and the screen lock settings. Prints one JSON document.
$ErrorActionPreference = 'Stop'

$identity = [Security.Principal.WindowsIdentity]::GetCurrent()
$isAdmin = @($identity.Groups | Where-Object { $_.Value -eq 'S-1-5-32-544' }).Count -gt 0
$desktop = Get-ItemProperty -Path 'HKCU:\Control Panel\Desktop' -ErrorAction SilentlyContinue
$policy = Get-ItemProperty -Path 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Policies\System' -Name 'InactivityTimeoutSecs' -ErrorAction SilentlyContinue

[ordered]@{
  user                  = $identity.Name
  isAdmin               = $isAdmin
  screenSaveActive      = $desktop.ScreenSaveActive
  screenSaverIsSecure   = $desktop.ScreenSaverIsSecure
  screenSaveTimeOut     = $desktop.ScreenSaveTimeOut
  inactivityTimeoutSecs = if ($policy) { [int]$policy.InactivityTimeoutSecs } else { $null }
} | ConvertTo-Json -Compress
