# security.encryption on Windows: BitLocker state of each fixed drive. Prints one JSON document.
# In FullLanguage it is read through the Shell's System.Volume.BitLockerProtection property, which
# standard users can read (Explorer's padlock). ConstrainedLanguage (App Control) forbids creating
# that COM object, so there Win32_EncryptableVolume is asked instead, which answers administrators only.
$ErrorActionPreference = 'Stop'

$errors = @()
$systemDrive = $env:SystemDrive
$disks = @(Get-CimInstance -ClassName Win32_LogicalDisk -Filter 'DriveType = 3')

$shellState = @{}
if ($ExecutionContext.SessionState.LanguageMode -eq 'FullLanguage') {
  try {
    $computer = (New-Object -ComObject Shell.Application).Namespace(17)  # ssfDRIVES: "This PC"
    foreach ($disk in $disks) {
      $item = $computer.ParseName($disk.DeviceID + '\')
      $protection = if ($item) { $item.ExtendedProperty('System.Volume.BitLockerProtection') } else { $null }
      if ($null -ne $protection -and "$protection" -ne '') { $shellState[$disk.DeviceID] = [int]$protection }
    }
  } catch {
    $errors += @{ part = 'BitLocker state (Shell)'; message = "$_" }
  }
} else {
  $errors += @{ part = 'BitLocker state as a standard user'; code = 'needs-full-language'; message = 'needs FullLanguage: the Shell.Application COM object, through which standard users read BitLocker state as Explorer does, cannot be created in ConstrainedLanguage; Win32_EncryptableVolume was asked instead, which answers administrators only.' }
}

# Win32_EncryptableVolume: ProtectionStatus 0 off, 1 on, 2 unknown (locked); ConversionStatus 0
# decrypted, 1 encrypted, 2 encrypting, 3 decrypting, 4 encryption paused, 5 decryption paused.
$cim = @{}
if ($shellState.Count -eq 0) {
  try {
    Get-CimInstance -Namespace 'root\cimv2\Security\MicrosoftVolumeEncryption' -ClassName Win32_EncryptableVolume -ErrorAction Stop | ForEach-Object {
      if ($_.DriveLetter) { $cim[$_.DriveLetter] = [ordered]@{ protectionStatus = [int]$_.ProtectionStatus; conversionStatus = [int]$_.ConversionStatus } }
    }
  } catch {
    $errors += @{ part = 'BitLocker state (Win32_EncryptableVolume)'; code = 'permission-denied'; message = "Win32_EncryptableVolume answers administrators only: $_" }
  }
}

$volumes = @(
  $disks | ForEach-Object {
    $volume = $cim[$_.DeviceID]
    [ordered]@{
      drive               = $_.DeviceID
      system              = ($_.DeviceID -eq $systemDrive)
      bitLockerProtection = $shellState[$_.DeviceID]
      protectionStatus    = if ($volume) { $volume.protectionStatus } else { $null }
      conversionStatus    = if ($volume) { $volume.conversionStatus } else { $null }
    }
  }
)

[ordered]@{ volumes = $volumes; errors = $errors } | ConvertTo-Json -Depth 3 -Compress
