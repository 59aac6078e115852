# security.encryption on Windows: BitLocker state of each fixed drive, read through the Shell's
# System.Volume.BitLockerProtection property, which standard users can read (Explorer's padlock).
# Prints one JSON document.
$ErrorActionPreference = 'Stop'

$shell = New-Object -ComObject Shell.Application
$computer = $shell.Namespace(17)  # ssfDRIVES: "This PC"
$systemDrive = $env:SystemDrive
$volumes = @(
  Get-CimInstance -ClassName Win32_LogicalDisk -Filter 'DriveType = 3' | ForEach-Object {
    $item = $computer.ParseName($_.DeviceID + '\')
    $protection = if ($item) { $item.ExtendedProperty('System.Volume.BitLockerProtection') } else { $null }
    [ordered]@{
      drive               = $_.DeviceID
      system              = ($_.DeviceID -eq $systemDrive)
      bitLockerProtection = if ($null -ne $protection -and "$protection" -ne '') { [int]$protection } else { $null }
    }
  }
)

[ordered]@{ volumes = $volumes } | ConvertTo-Json -Depth 3 -Compress
