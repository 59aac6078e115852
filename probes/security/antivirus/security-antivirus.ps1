# security.antivirus on Windows: Microsoft Defender's status and the antivirus products registered
# with Security Center. Booleans, numbers and ISO dates only.
$ErrorActionPreference = 'Stop'

$errors = @()
$defender = $null
try {
  $status = Get-MpComputerStatus
  $defender = [ordered]@{
    antivirusEnabled          = [bool]$status.AntivirusEnabled
    realTimeProtectionEnabled = [bool]$status.RealTimeProtectionEnabled
    signatureLastUpdated      = if ($status.AntivirusSignatureLastUpdated) { ([datetime]$status.AntivirusSignatureLastUpdated).ToUniversalTime().ToString('o') } else { $null }
    runningMode               = [string]$status.AMRunningMode
    isTamperProtected         = [bool]$status.IsTamperProtected
  }
} catch {
  # Defender's service stopped or its WMI provider broken: said as a gap. Security Center's entry
  # for Defender (below) then still shows whether it is on, so Defender does not vanish.
  $errors += @{ part = 'Microsoft Defender status (Get-MpComputerStatus)'; message = "$_" }
}
# root\SecurityCenter2 does not exist on Windows Server.
$products = @(
  Get-CimInstance -Namespace 'root\SecurityCenter2' -ClassName AntiVirusProduct -ErrorAction SilentlyContinue | ForEach-Object {
    [ordered]@{ displayName = $_.displayName; productState = [int]$_.productState }
  }
)

[ordered]@{ defender = $defender; securityCenter = $products; errors = $errors } | ConvertTo-Json -Depth 4 -Compress
