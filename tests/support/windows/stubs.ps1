# Stand-ins for the Windows-only commands our scripts call, for PowerShell on Linux in the tests.
# Each returns objects rebuilt from a scenario file ($env:TRIAGE_STUB_DATA, JSON) whose values were
# captured on real Windows machines (each scenario names its sources). Dot-sourced in FullLanguage,
# like the compiled cmdlets they replace, before the script under test runs (in either language mode).
#
# Scenario format (keys are matched case-insensitively):
#   cim:       { "<namespace>:<class>" | "<class>": [ objects ] }          Get-CimInstance
#   registry:  { "<HKLM:\...>": { values } | { "$error": "..." } }        Get-ItemProperty / Get-ChildItem
#   children:  { "<HKLM:\...>": [ "<child key path>", ... ] }             Get-ChildItem on a key
#   commands:  { "<cmdlet name>": [ objects ] | { "$error": "..." } }     any other cmdlet by name
#   com:       { "<ProgID>": object }                                     New-Object -ComObject
# $env:TRIAGE_STUB_DELAYS optionally makes a stub wait as long as the real command (the bench).
# Values: { "$date": "<ISO 8601>" } becomes a [datetime] (CIM gives DateTime objects, not text);
# objects with a "$methods" map get script methods returning the mapped values.

$global:TriageStubData = Get-Content -Raw -LiteralPath $env:TRIAGE_STUB_DATA | ConvertFrom-Json -AsHashtable

function global:ConvertTo-StubValue($value) {
    if ($value -is [System.Collections.IDictionary]) {
        if ($value.Contains('$date')) { return [datetime]::Parse($value['$date'], [cultureinfo]::InvariantCulture, 'RoundtripKind') }
        $object = [pscustomobject]@{}
        foreach ($key in $value.Keys) {
            if ($key -eq '$methods') { continue }
            $object | Add-Member -NotePropertyName $key -NotePropertyValue (ConvertTo-StubValue $value[$key])
        }
        if ($value.Contains('$methods')) {
            foreach ($name in $value['$methods'].Keys) {
                $result = ConvertTo-StubValue $value['$methods'][$name]
                $object | Add-Member -MemberType ScriptMethod -Name $name -Value { $result }.GetNewClosure()
            }
        }
        return $object
    }
    if ($value -is [System.Collections.IList] -and $value -isnot [string]) {
        return , @($value | ForEach-Object { ConvertTo-StubValue $_ })
    }
    return $value
}

function global:Get-StubEntry([string]$section, [string]$key) {
    $table = $global:TriageStubData[$section]
    if ($null -eq $table) { return $null }
    foreach ($candidate in $table.Keys) {
        if ($candidate -ieq $key) { return , $table[$candidate] }
    }
    return $null
}

# Writes a stubbed failure the way a cmdlet would: terminating with -ErrorAction Stop, else not.
function global:Write-StubError([string]$message, $errorAction) {
    if ($errorAction -eq 'Stop' -or ($null -eq $errorAction -and $ErrorActionPreference -eq 'Stop')) { throw $message }
    if ($errorAction -ne 'SilentlyContinue' -and $errorAction -ne 'Ignore') { Write-Error $message }
}

# How long the real command takes, for the bench ($env:TRIAGE_STUB_DELAYS: JSON of
# "<section>:<key>" -> milliseconds, e.g. "cim:Win32_QuickFixEngineering": 1200).
$global:TriageStubDelays = if ($env:TRIAGE_STUB_DELAYS) { $env:TRIAGE_STUB_DELAYS | ConvertFrom-Json -AsHashtable } else { @{} }
function global:Wait-StubDelay([string]$section, [string]$key) {
    foreach ($candidate in $global:TriageStubDelays.Keys) {
        if ($candidate -ieq "$($section):$key") { Start-Sleep -Milliseconds $global:TriageStubDelays[$candidate]; return }
    }
}

function global:Get-StubObjects([string]$section, [string]$key, $errorAction) {
    Wait-StubDelay $section $key
    $entry = Get-StubEntry $section $key
    if ($null -eq $entry) { return }
    if ($entry -is [System.Collections.IDictionary] -and $entry.Contains('$error')) {
        Write-StubError $entry['$error'] $errorAction
        return
    }
    foreach ($item in @($entry)) { ConvertTo-StubValue $item }
}

function global:Get-CimInstance {
    [CmdletBinding()]
    param([Parameter(Position = 0)][Alias('Class')][string]$ClassName, [string]$Namespace = 'root/cimv2', [string]$Filter)
    $ns = $Namespace.Replace('\', '/').ToLowerInvariant()
    $entry = Get-StubEntry 'cim' "$($ns):$ClassName"
    $key = if ($null -ne $entry -or $ns -ne 'root/cimv2') { "$($ns):$ClassName" } else { $ClassName }
    if ($null -eq (Get-StubEntry 'cim' $key)) {
        Write-StubError "Invalid class `"$ClassName`" (the scenario has no $key)" $PSBoundParameters['ErrorAction']
        return
    }
    Get-StubObjects 'cim' $key $PSBoundParameters['ErrorAction']
}

function global:Get-ItemProperty {
    [CmdletBinding()]
    param([Parameter(Position = 0)][Alias('PSPath')][string]$Path, [Parameter(Position = 1)][string[]]$Name)
    $key = $Path -replace '^Microsoft\.PowerShell\.Core\\Registry::HKEY_LOCAL_MACHINE', 'HKLM:' -replace '^Microsoft\.PowerShell\.Core\\Registry::HKEY_CURRENT_USER', 'HKCU:'
    $entry = Get-StubEntry 'registry' $key
    if ($null -eq $entry) {
        Write-StubError "Cannot find path '$Path' because it does not exist." $PSBoundParameters['ErrorAction']
        return
    }
    if ($Name) {
        foreach ($n in $Name) {
            if (-not $entry.Contains($n)) {
                Write-StubError "Property $n does not exist at path $Path." $PSBoundParameters['ErrorAction']
                return
            }
        }
    }
    Get-StubObjects 'registry' $key $PSBoundParameters['ErrorAction']
}

function global:Get-ChildItem {
    [CmdletBinding()]
    param([Parameter(Position = 0)][string]$Path)
    if ($Path -notmatch '^HK(LM|CU):') { return Microsoft.PowerShell.Management\Get-ChildItem @PSBoundParameters }
    $children = Get-StubEntry 'children' $Path
    if ($null -eq $children) {
        Write-StubError "Cannot find path '$Path' because it does not exist." $PSBoundParameters['ErrorAction']
        return
    }
    if ($children -is [System.Collections.IDictionary] -and $children.Contains('$error')) {
        Write-StubError $children['$error'] $PSBoundParameters['ErrorAction']
        return
    }
    foreach ($child in $children) { [pscustomobject]@{ PSPath = $child; Name = ($child -split '\\')[-1] } }
}

function global:New-Object {
    [CmdletBinding()]
    param([Parameter(Position = 0)][string]$TypeName, [string]$ComObject, [Parameter(Position = 1)][object[]]$ArgumentList)
    if (-not $ComObject) { return Microsoft.PowerShell.Utility\New-Object @PSBoundParameters }
    Wait-StubDelay 'com' $ComObject
    $entry = Get-StubEntry 'com' $ComObject
    if ($null -eq $entry) { throw "Retrieving the COM class factory for component with CLSID for $ComObject failed (not in the scenario)." }
    ConvertTo-StubValue $entry
}

# Every other Windows cmdlet a scenario names becomes a function returning its objects.
$commands = $global:TriageStubData['commands']
foreach ($name in @(if ($commands) { $commands.Keys })) {
    $body = {
        [CmdletBinding()]
        param([Parameter(ValueFromRemainingArguments = $true)]$Rest)
        Get-StubObjects 'commands' $MyInvocation.MyCommand.Name $PSBoundParameters['ErrorAction']
    }
    Set-Item -Path "function:global:$name" -Value $body
}
