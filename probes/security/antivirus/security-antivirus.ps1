# security.antivirus on Windows: Microsoft Defender's status and the antivirus products registered
# with Security Center. Booleans, numbers and ISO dates only.
$ErrorActionPreference = 'Stop'

$defender = $null
try {
  $status = Get-MpComputerStatus
  $defender = [ordered]@{
    antivirusEnabled          = [bool]$status.AntivirusEnabled
    realTimeProtectionEnabled = [bool]$status.RealTimeProtectionEnabled
    signatureLastUpdated      = if ($status.AntivirusSignatureLastUpdated) { $status.AntivirusSignatureLastUpdated.ToUniversalTime().ToString('o') } else { $null }
    runningMode               = [string]$status.AMRunningMode
    isTamperProtected         = [bool]$status.IsTamperProtected
  }
} catch {
  # Defender removed or its service stopped: reported as no Defender data, others still listed.
}
# root\SecurityCenter2 does not exist on Windows Server.
$products = @(
  Get-CimInstance -Namespace 'root\SecurityCenter2' -ClassName AntiVirusProduct -ErrorAction SilentlyContinue | ForEach-Object {
    [ordered]@{ displayName = $_.displayName; productState = [int]$_.productState }
  }
)

[ordered]@{ defender = $defender; securityCenter = $products } | ConvertTo-Json -Depth 4 -Compress
