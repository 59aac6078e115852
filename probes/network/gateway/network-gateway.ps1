# network.gateway on Windows: the default routes with their effective metric (route + interface
# metric, which Windows uses to choose). Prints one JSON document.
$ErrorActionPreference = 'Stop'

function Get-DefaultRoutes([string]$prefix) {
  @(
    Get-NetRoute -DestinationPrefix $prefix -ErrorAction SilentlyContinue | ForEach-Object {
      $interface = Get-NetIPInterface -InterfaceIndex $_.InterfaceIndex -AddressFamily $_.AddressFamily -ErrorAction SilentlyContinue
      [ordered]@{
        nextHop        = $_.NextHop
        interfaceAlias = $_.InterfaceAlias
        metric         = [int]$_.RouteMetric + [int]$interface.InterfaceMetric
      }
    }
  )
}

[ordered]@{
  ipv4 = Get-DefaultRoutes '0.0.0.0/0'
  ipv6 = Get-DefaultRoutes '::/0'
} | ConvertTo-Json -Depth 4 -Compress
