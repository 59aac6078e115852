# network.ntp and os.time on Windows: the Windows Time service's configuration and state, from the
# registry and the service controller (numbers and fixed registry strings, never translated text).
$ErrorActionPreference = 'Stop'

$parameters = Get-ItemProperty -Path 'HKLM:\SYSTEM\CurrentControlSet\Services\W32Time\Parameters' -ErrorAction SilentlyContinue
# Group Policy and Intune write the time source here ("Configure Windows NTP Client"); W32Time uses
# these values instead of its own Parameters key above, so they are reported separately and win.
$policy = Get-ItemProperty -Path 'HKLM:\SOFTWARE\Policies\Microsoft\W32time\Parameters' -ErrorAction SilentlyContinue
$service = Get-Service -Name 'W32Time' -ErrorAction SilentlyContinue
$zone = Get-TimeZone
# The offset now (daylight saving included) from Get-Date's "zzz" format (e.g. "+01:00"):
# TimeZoneInfo.GetUtcOffset() is a method on a non-core type, which ConstrainedLanguage forbids.
$offset = $null
if ((Get-Date -Format 'zzz') -match '^([+-])(\d{2}):(\d{2})$') {
  $offset = [int]$Matches[2] * 60 + [int]$Matches[3]
  if ($Matches[1] -eq '-') { $offset = -$offset }
}

[ordered]@{
  type             = $parameters.Type
  ntpServer        = $parameters.NtpServer
  policyType       = $policy.Type
  policyNtpServer  = $policy.NtpServer
  # ServiceControllerStatus: 1 Stopped, 4 Running (numbers, whatever the display language).
  serviceStatus    = if ($service) { [int]$service.Status } else { $null }
  startType        = if ($service) { [int]$service.StartType } else { $null }
  timeZoneId       = $zone.Id
  utcOffsetMinutes = $offset
} | ConvertTo-Json -Compress
