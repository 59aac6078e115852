# network.interfaces on Windows: every network adapter with its addresses and, for the connected
# Wi-Fi, its network name and signal from the WinRT connection profiles (language-independent,
# unlike `netsh wlan show interfaces`). Prints one JSON document.
$ErrorActionPreference = 'Stop'

# Signal and SSID per adapter, from the connection profiles Windows keeps for connected networks.
$wlan = @{}
try {
  # Loading the WinRT type by its assembly-qualified name makes PowerShell project it.
  $networkInformation = [type]::GetType('Windows.Networking.Connectivity.NetworkInformation, Windows.Networking.Connectivity, ContentType=WindowsRuntime')
  foreach ($connection in $networkInformation::GetConnectionProfiles()) {
    if ($connection.IsWlanConnectionProfile -and $connection.NetworkAdapter) {
      $bars = $connection.GetSignalBars()
      $wlan[[string]$connection.NetworkAdapter.NetworkAdapterId] = [ordered]@{
        ssid          = $connection.WlanConnectionProfileDetails.GetConnectedSsid()
        # Windows shows 0-5 bars; 20 % per bar is how the taskbar maps quality to bars.
        signalQuality = if ($null -ne $bars) { [int]$bars * 20 } else { $null }
      }
    }
  }
} catch {
  # WinRT is missing on Server Core: the adapters are still reported, without Wi-Fi details.
}

$adapters = @(
  Get-NetAdapter | ForEach-Object {
    $index = $_.ifIndex
    [ordered]@{
      name             = $_.Name
      description      = $_.InterfaceDescription
      operStatus       = [int]$_.InterfaceOperationalStatus
      physicalMedium   = [int]$_.NdisPhysicalMedium
      virtual          = [bool]$_.Virtual
      macAddress       = $_.MacAddress
      receiveLinkSpeed = $_.ReceiveLinkSpeed
      mtu              = $_.MtuSize
      ipv4             = @(Get-NetIPAddress -InterfaceIndex $index -AddressFamily IPv4 -ErrorAction SilentlyContinue | ForEach-Object { [ordered]@{ address = $_.IPAddress; prefixLength = $_.PrefixLength } })
      ipv6             = @(Get-NetIPAddress -InterfaceIndex $index -AddressFamily IPv6 -ErrorAction SilentlyContinue | ForEach-Object { $_.IPAddress })
      wifi             = $wlan[[string]$_.InterfaceGuid.Trim('{}')]
    }
  }
)

[ordered]@{ adapters = $adapters } | ConvertTo-Json -Depth 6 -Compress
