# os.info: the Windows release (build, UBR, DisplayVersion, EditionID) and the machine's name.
# Prints one JSON object; EditionID and numbers, never the translated Caption, drive the logic.
# Cmdlets and property reads only: works in ConstrainedLanguage (App Control, AppLocker).
$ErrorActionPreference = 'Stop'

$cv = Get-ItemProperty 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion'
$os = Get-CimInstance -ClassName Win32_OperatingSystem
$cs = Get-CimInstance -ClassName Win32_ComputerSystem
# PROCESSOR_ARCHITEW6432 is set when a 32-bit PowerShell runs on 64-bit Windows.
$arch = if ($env:PROCESSOR_ARCHITEW6432) { $env:PROCESSOR_ARCHITEW6432 } else { $env:PROCESSOR_ARCHITECTURE }

[ordered]@{
    currentBuild   = $cv.CurrentBuild
    ubr            = $cv.UBR
    displayVersion = if ($cv.DisplayVersion) { $cv.DisplayVersion } else { $cv.ReleaseId }
    editionId      = $cv.EditionID
    productName    = $cv.ProductName
    productType    = $os.ProductType
    architecture   = $arch
    hostname       = $env:COMPUTERNAME
    domain         = $cs.Domain
    partOfDomain   = $cs.PartOfDomain
    installDate    = if ($os.InstallDate) { $os.InstallDate.ToUniversalTime().ToString('o') } else { $null }
} | ConvertTo-Json -Compress
