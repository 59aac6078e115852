# security.accounts on Windows: the screen lock settings, from policy and from the user's own
# Control Panel. Prints one JSON document. (Who the user is and whether they are an administrator
# come from the collector: `whoami /groups` lists deny-only groups, which WindowsIdentity.Groups
# omits, and WindowsIdentity is a .NET type ConstrainedLanguage does not let scripts call.)
$ErrorActionPreference = 'Stop'

# Group Policy's "Password protect the screen saver" / "Screen saver timeout" write the same value
# names under the user's Policies key; Windows uses them instead of the user's own, so they win.
$policy = Get-ItemProperty -Path 'HKCU:\Software\Policies\Microsoft\Windows\Control Panel\Desktop' -ErrorAction SilentlyContinue
$desktop = Get-ItemProperty -Path 'HKCU:\Control Panel\Desktop' -ErrorAction SilentlyContinue
# "Interactive logon: Machine inactivity limit" (Group Policy or Intune): locks whatever the screen saver says.
$machine = Get-ItemProperty -Path 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Policies\System' -Name 'InactivityTimeoutSecs' -ErrorAction SilentlyContinue

[ordered]@{
  policyScreenSaveActive    = $policy.ScreenSaveActive
  policyScreenSaverIsSecure = $policy.ScreenSaverIsSecure
  policyScreenSaveTimeOut   = $policy.ScreenSaveTimeOut
  screenSaveActive          = $desktop.ScreenSaveActive
  screenSaverIsSecure       = $desktop.ScreenSaverIsSecure
  screenSaveTimeOut         = $desktop.ScreenSaveTimeOut
  inactivityTimeoutSecs     = if ($machine) { [int]$machine.InactivityTimeoutSecs } else { $null }
} | ConvertTo-Json -Compress
