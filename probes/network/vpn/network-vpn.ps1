# network.vpn on Windows: the built-in VPN connections (per user and for all users) and adapters of
# third-party VPN clients, recognised by their driver. Prints one JSON document.
$ErrorActionPreference = 'Stop'

# The user's and the all-users phone books; a connection is listed once (by Guid) whatever asked.
$seen = @{}
$connections = @(
  @(Get-VpnConnection -ErrorAction SilentlyContinue) + @(Get-VpnConnection -AllUserConnection -ErrorAction SilentlyContinue) |
    Where-Object { $_ -and -not $seen.ContainsKey([string]$_.Guid) } |
    ForEach-Object {
      $seen[[string]$_.Guid] = $true
      [ordered]@{ name = $_.Name; tunnelType = [string]$_.TunnelType; status = [string]$_.ConnectionStatus }
    }
)
# Drivers of common VPN clients: WireGuard/Wintun, OpenVPN TAP, Cisco AnyConnect, GlobalProtect, Fortinet, Zscaler.
$pattern = 'Wintun|WireGuard|TAP-Windows|AnyConnect|PANGP|GlobalProtect|Fortinet|Zscaler'
$adapters = @(
  Get-NetAdapter -IncludeHidden -ErrorAction SilentlyContinue |
    Where-Object { $_.InterfaceDescription -match $pattern } |
    ForEach-Object { [ordered]@{ name = $_.Name; description = $_.InterfaceDescription; operStatus = [int]$_.InterfaceOperationalStatus } }
)

[ordered]@{ connections = $connections; adapters = $adapters } | ConvertTo-Json -Depth 4 -Compress
