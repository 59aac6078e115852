# hardware.cpu: processors and whether Windows runs in a virtual machine.
# Prints one JSON object. Numeric codes only (Architecture), so the output does not depend on the UI language.
# Cmdlets and property reads only: works in ConstrainedLanguage (App Control, AppLocker).
$ErrorActionPreference = 'Stop'

# One Win32_Processor instance per socket; every socket is listed (a server can hold two different models).
$processors = @(Get-CimInstance -ClassName Win32_Processor | ForEach-Object {
    [ordered]@{
        name              = $_.Name
        manufacturer      = $_.Manufacturer
        cores             = $_.NumberOfCores
        logicalProcessors = $_.NumberOfLogicalProcessors
        maxClockMHz       = $_.MaxClockSpeed
        loadPercent       = $_.LoadPercentage
        architecture      = $_.Architecture
    }
})
$system = Get-CimInstance -ClassName Win32_ComputerSystem

# HypervisorPresent is also true on a physical PC running Hyper-V, VBS/Core isolation or WSL2 (Windows
# itself then runs on the hypervisor), so the parser judges "virtual machine" from the firmware's
# Manufacturer and Model ("Virtual Machine", "VMware Virtual Platform", QEMU's BXPC…) as well.
[ordered]@{
    processors        = $processors
    hypervisorPresent = $system.HypervisorPresent
    manufacturer      = $system.Manufacturer
    model             = $system.Model
} | ConvertTo-Json -Depth 4 -Compress
