# network.connectivity on Windows: the signed-in user's proxy settings (WinINET: what Edge, Teams
# and Office use). Prints one JSON document; values are the registry's own, never display text.
$ErrorActionPreference = 'Stop'

$key = 'HKCU:\Software\Microsoft\Windows\CurrentVersion\Internet Settings'
$settings = Get-ItemProperty -Path $key -ErrorAction SilentlyContinue
# Group Policy can pin the settings per machine instead of per user (ProxySettingsPerUser = 0).
$perUser = (Get-ItemProperty -Path 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\CurrentVersion\Internet Settings' -Name 'ProxySettingsPerUser' -ErrorAction SilentlyContinue).ProxySettingsPerUser
if ($perUser -eq 0) {
  $settings = Get-ItemProperty -Path 'HKLM:\Software\Microsoft\Windows\CurrentVersion\Internet Settings' -ErrorAction SilentlyContinue
}
# The "Automatically detect settings" box is bit 0x08 of byte 8 of DefaultConnectionSettings.
$autoDetect = $null
$connections = Get-ItemProperty -Path "$key\Connections" -Name 'DefaultConnectionSettings' -ErrorAction SilentlyContinue
if ($connections -and $connections.DefaultConnectionSettings.Length -gt 8) {
  $autoDetect = [int](($connections.DefaultConnectionSettings[8] -band 0x08) -ne 0)
}

[ordered]@{
  proxyEnable    = $settings.ProxyEnable
  proxyServer    = $settings.ProxyServer
  proxyOverride  = $settings.ProxyOverride
  autoConfigUrl  = $settings.AutoConfigURL
  autoDetect     = $autoDetect
  machineWide    = ($perUser -eq 0)
} | ConvertTo-Json -Compress
