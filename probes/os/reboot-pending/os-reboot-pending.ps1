# os.reboot-pending: the registry signals Windows and ConfigMgr use to say a restart is needed.
# Prints one JSON object of booleans; no translated text involved.
# Cmdlets and property reads only: works in ConstrainedLanguage (App Control, AppLocker).
$ErrorActionPreference = 'Stop'

# Whether a key has a subkey of that name: its parent's listing (a handful of names), read by everyone.
function Test-Subkey([string]$Parent, [string]$Name) {
    [bool](@(Get-ChildItem -Path $Parent -ErrorAction SilentlyContinue | Where-Object { ($_.Name -split '\\')[-1] -eq $Name }).Count)
}

$renames = (Get-ItemProperty 'HKLM:\SYSTEM\CurrentControlSet\Control\Session Manager' -Name PendingFileRenameOperations -ErrorAction SilentlyContinue).PendingFileRenameOperations
$active = (Get-ItemProperty 'HKLM:\SYSTEM\CurrentControlSet\Control\ComputerName\ActiveComputerName' -ErrorAction SilentlyContinue).ComputerName
$pendingName = (Get-ItemProperty 'HKLM:\SYSTEM\CurrentControlSet\Control\ComputerName\ComputerName' -ErrorAction SilentlyContinue).ComputerName
$configMgr = $null
try {
    # Present only where the ConfigMgr client is installed.
    $configMgr = (Invoke-CimMethod -Namespace 'root\ccm\ClientSDK' -ClassName CCM_ClientUtilities -MethodName DetermineIfRebootPending -ErrorAction Stop).RebootPending
} catch {
    $configMgr = $null
}

[ordered]@{
    cbsRebootPending            = Test-Subkey 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Component Based Servicing' 'RebootPending'
    windowsUpdateRebootRequired = Test-Subkey 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\WindowsUpdate\Auto Update' 'RebootRequired'
    pendingFileRenames          = [bool]($renames | Where-Object { $_ })
    computerRenamePending       = [bool]($active -and $pendingName -and ($active -ne $pendingName))
    configMgrRebootPending      = $configMgr
} | ConvertTo-Json -Compress
