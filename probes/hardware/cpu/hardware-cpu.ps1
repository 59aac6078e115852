# hardware.cpu: processors and whether Windows runs under a hypervisor.
# Prints one JSON object. Numeric codes only (Architecture), so the output does not depend on the UI language.
param($TriageArgs)
$ErrorActionPreference = 'Stop'

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

[ordered]@{
    processors        = $processors
    hypervisorPresent = $system.HypervisorPresent
} | ConvertTo-Json -Depth 4 -Compress
