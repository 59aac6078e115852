# network.interfaces on Windows: every network adapter with its addresses. Prints one JSON document.
# The Wi-Fi association (network name, signal quality %, band, channel) is read by the collector
# from `netsh wlan show interfaces`, matched to these adapters by InterfaceGuid: the WinRT
# connection profiles this script used to read need FullLanguage (App Control's ConstrainedLanguage
# forbids methods on WinRT types) and give only 0-5 bars, not the quality Windows measures.
$ErrorActionPreference = 'Stop'

# All addresses at once (one CIM query), then per adapter; AddressFamily 2 = IPv4, 23 = IPv6.
$addresses = @(Get-NetIPAddress -ErrorAction SilentlyContinue)
$adapters = @(
  Get-NetAdapter | ForEach-Object {
    $index = [int]$_.ifIndex
    $own = @($addresses | Where-Object { [int]$_.InterfaceIndex -eq $index })
    [ordered]@{
      name             = $_.Name
      description      = $_.InterfaceDescription
      interfaceGuid    = if ($_.InterfaceGuid) { ([string]$_.InterfaceGuid).Trim('{}').ToLowerInvariant() } else { $null }
      operStatus       = [int]$_.InterfaceOperationalStatus
      physicalMedium   = [int]$_.NdisPhysicalMedium
      virtual          = [bool]$_.Virtual
      macAddress       = $_.MacAddress
      receiveLinkSpeed = $_.ReceiveLinkSpeed
      mtu              = $_.MtuSize
      ipv4             = @($own | Where-Object { [int]$_.AddressFamily -eq 2 } | ForEach-Object { [ordered]@{ address = $_.IPAddress; prefixLength = [int]$_.PrefixLength } })
      ipv6             = @($own | Where-Object { [int]$_.AddressFamily -eq 23 } | ForEach-Object { $_.IPAddress })
    }
  }
)

[ordered]@{ adapters = $adapters } | ConvertTo-Json -Depth 6 -Compress
