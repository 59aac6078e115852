# network.dns on Windows: the DNS servers of each connected interface and the suffix search list.
# Prints one JSON document. Enum values are converted to their numbers by ConvertTo-Json, never to
# (translated) display text.
$ErrorActionPreference = 'Stop'

$up = @(Get-NetAdapter | Where-Object { $_.Status -eq 'Up' } | ForEach-Object { $_.ifIndex })
$interfaces = @(
  Get-DnsClientServerAddress |
    Where-Object { $up -contains $_.InterfaceIndex -and $_.ServerAddresses.Count -gt 0 } |
    ForEach-Object {
      [ordered]@{
        interfaceAlias  = $_.InterfaceAlias
        interfaceIndex  = $_.InterfaceIndex
        addressFamily   = [int]$_.AddressFamily
        serverAddresses = @($_.ServerAddresses)
      }
    }
)
$global = Get-DnsClientGlobalSetting
$primarySuffix = (Get-ItemProperty -Path 'HKLM:\SYSTEM\CurrentControlSet\Services\Tcpip\Parameters' -Name 'Domain' -ErrorAction SilentlyContinue).Domain

[ordered]@{
  interfaces       = $interfaces
  suffixSearchList = @($global.SuffixSearchList)
  primaryDnsSuffix = $primarySuffix
} | ConvertTo-Json -Depth 5 -Compress
