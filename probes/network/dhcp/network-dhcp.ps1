# network.dhcp on Windows: DHCP state and lease of each IP-enabled adapter, from
# Win32_NetworkAdapterConfiguration. Times leave as ISO 8601 (UTC), never as display text.
$ErrorActionPreference = 'Stop'

$names = @{}
Get-NetAdapter -ErrorAction SilentlyContinue | ForEach-Object { $names[[int]$_.ifIndex] = $_.Name }

$adapters = @(
  Get-CimInstance -ClassName Win32_NetworkAdapterConfiguration -Filter 'IPEnabled = TRUE' | Where-Object { $_.IPEnabled } | ForEach-Object {
    [ordered]@{
      name          = if ($names.ContainsKey([int]$_.InterfaceIndex)) { $names[[int]$_.InterfaceIndex] } else { $_.Description }
      dhcpEnabled   = [bool]$_.DHCPEnabled
      dhcpServer    = $_.DHCPServer
      ipAddress     = @($_.IPAddress)
      leaseObtained = if ($_.DHCPLeaseObtained) { $_.DHCPLeaseObtained.ToUniversalTime().ToString('o') } else { $null }
      leaseExpires  = if ($_.DHCPLeaseExpires) { $_.DHCPLeaseExpires.ToUniversalTime().ToString('o') } else { $null }
    }
  }
)

[ordered]@{ adapters = $adapters } | ConvertTo-Json -Depth 4 -Compress
