# network.gateway on Windows: the default routes with their effective metric (route + interface
# metric, which Windows uses to choose). Prints one JSON document.
$ErrorActionPreference = 'Stop'

# Every route and IP interface once (two CIM queries), joined here; AddressFamily 2 = IPv4, 23 = IPv6.
$routes = @(Get-NetRoute -ErrorAction SilentlyContinue)
$interfaces = @(Get-NetIPInterface -ErrorAction SilentlyContinue)

function Get-DefaultRoutes([string]$prefix) {
  @(
    $routes | Where-Object { $_.DestinationPrefix -eq $prefix } | ForEach-Object {
      $route = $_
      $interface = $interfaces | Where-Object { [int]$_.InterfaceIndex -eq [int]$route.InterfaceIndex -and [int]$_.AddressFamily -eq [int]$route.AddressFamily } | Select-Object -First 1
      [ordered]@{
        nextHop        = $route.NextHop
        interfaceAlias = $route.InterfaceAlias
        metric         = [int]$route.RouteMetric + [int]$interface.InterfaceMetric
      }
    }
  )
}

[ordered]@{
  ipv4 = Get-DefaultRoutes '0.0.0.0/0'
  ipv6 = Get-DefaultRoutes '::/0'
} | ConvertTo-Json -Depth 4 -Compress
