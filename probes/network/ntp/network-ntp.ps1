# network.ntp and os.time on Windows: the Windows Time service's configuration and state, from the
# registry and the service controller (numbers and fixed registry strings, never translated text).
$ErrorActionPreference = 'Stop'

$parameters = Get-ItemProperty -Path 'HKLM:\SYSTEM\CurrentControlSet\Services\W32Time\Parameters' -ErrorAction SilentlyContinue
$service = Get-Service -Name 'W32Time' -ErrorAction SilentlyContinue
$zone = Get-TimeZone

[ordered]@{
  type           = $parameters.Type
  ntpServer      = $parameters.NtpServer
  # ServiceControllerStatus: 1 Stopped, 4 Running (numbers, whatever the display language).
  serviceStatus  = if ($service) { [int]$service.Status } else { $null }
  startType      = if ($service) { [int]$service.StartType } else { $null }
  timeZoneId     = $zone.Id
  utcOffsetMinutes = [int]$zone.GetUtcOffset((Get-Date)).TotalMinutes
} | ConvertTo-Json -Compress
