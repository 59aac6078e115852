# security.boot on Windows: firmware type, Secure Boot and the TPM, as a standard user can read them
# (Confirm-SecureBootUEFI, Get-Tpm and Win32_Tpm need administrator rights). Prints one JSON document.
$ErrorActionPreference = 'Stop'

$secureBoot = (Get-ItemProperty -Path 'HKLM:\SYSTEM\CurrentControlSet\Control\SecureBoot\State' -Name 'UEFISecureBootEnabled' -ErrorAction SilentlyContinue).UEFISecureBootEnabled
# ACPI\MSFT0101 is a TPM 2.0, ACPI\PNP0C31 a TPM 1.2 (their Plug and Play ids, the same on every machine).
$tpm = Get-CimInstance -ClassName Win32_PnPEntity -Filter "PNPDeviceID LIKE 'ACPI\\MSFT0101%' OR PNPDeviceID LIKE 'ACPI\\PNP0C31%'" -ErrorAction SilentlyContinue |
  Where-Object { $_.PNPDeviceID -like 'ACPI\MSFT0101*' -or $_.PNPDeviceID -like 'ACPI\PNP0C31*' } |
  Select-Object -First 1

[ordered]@{
  firmwareType      = $env:firmware_type
  secureBootEnabled = $secureBoot
  tpmDeviceId       = if ($tpm) { $tpm.PNPDeviceID } else { $null }
  tpmErrorCode      = if ($tpm) { [int]$tpm.ConfigManagerErrorCode } else { $null }
} | ConvertTo-Json -Compress
