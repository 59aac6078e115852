# security.boot on Windows: firmware type, Secure Boot and the TPM, as a standard user can read them
# (Confirm-SecureBootUEFI, Get-Tpm and Win32_Tpm need administrator rights). Prints one JSON document.
$ErrorActionPreference = 'Stop'

$secureBoot = (Get-ItemProperty -Path 'HKLM:\SYSTEM\CurrentControlSet\Control\SecureBoot\State' -Name 'UEFISecureBootEnabled' -ErrorAction SilentlyContinue).UEFISecureBootEnabled
$tpm = Get-CimInstance -ClassName Win32_PnPEntity -Filter "PNPDeviceID LIKE 'ACPI\\MSFT0101%' OR PNPDeviceID LIKE 'ACPI\\PNP0C31%'" -ErrorAction SilentlyContinue | Select-Object -First 1

[ordered]@{
  firmwareType      = $env:firmware_type
  secureBootEnabled = $secureBoot
  tpmDeviceId       = if ($tpm) { $tpm.PNPDeviceID } else { $null }
  tpmErrorCode      = if ($tpm) { [int]$tpm.ConfigManagerErrorCode } else { $null }
} | ConvertTo-Json -Compress
