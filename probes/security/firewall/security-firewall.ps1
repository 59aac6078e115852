# security.firewall on Windows: the effective firewall profiles (Group Policy included) and other
# firewall products registered with Security Center. Numbers only, never display text.
$ErrorActionPreference = 'Stop'

$profiles = @(
  Get-NetFirewallProfile -PolicyStore ActiveStore | ForEach-Object {
    [ordered]@{ name = [string]$_.Name; enabled = [int]$_.Enabled; defaultInboundAction = [int]$_.DefaultInboundAction }
  }
)
# SecurityCenter2 does not exist on Windows Server: no products there.
$products = @(
  Get-CimInstance -Namespace 'root\SecurityCenter2' -ClassName FirewallProduct -ErrorAction SilentlyContinue | ForEach-Object {
    [ordered]@{ displayName = $_.displayName; productState = [int]$_.productState }
  }
)

[ordered]@{ profiles = $profiles; products = $products } | ConvertTo-Json -Depth 4 -Compress
