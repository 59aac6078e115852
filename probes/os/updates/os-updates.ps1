# os.updates: Windows Update history, updates waiting (offline search of the local cache: no
# contact with Microsoft), the last successful check, and the wuauserv service. One JSON object.
# The Windows Update Agent is a COM API: ConstrainedLanguage (App Control, AppLocker) forbids
# New-Object -ComObject, so there the script says so in its errors and falls back to the hotfix list
# (Win32_QuickFixEngineering, a CIM class: cmdlets only) for when updates were last installed.
$ErrorActionPreference = 'Stop'
$errors = @()
$history = @(); $pending = $null; $lastSearch = $null; $hotfixDate = $null; $hotfixId = $null
$fullLanguage = $ExecutionContext.SessionState.LanguageMode -eq 'FullLanguage'

if ($fullLanguage) {
    try {
        $session = New-Object -ComObject Microsoft.Update.Session
        $searcher = $session.CreateUpdateSearcher()
        $total = $searcher.GetTotalHistoryCount()
        if ($total -gt 0) {
            $count = if ($total -lt 50) { $total } else { 50 }
            $history = @($searcher.QueryHistory(0, $count) | ForEach-Object {
                [ordered]@{
                    date        = $_.Date.ToUniversalTime().ToString('o')
                    title       = $_.Title
                    operation   = [int]$_.Operation
                    resultCode  = [int]$_.ResultCode
                    # Fixed GUIDs (classification and product), never translated: the parser uses them
                    # to tell Defender definition and driver updates from quality and feature updates.
                    categoryIds = @($_.Categories | ForEach-Object { [string]$_.CategoryID })
                }
            })
        }
        # Online = false: search only the metadata Windows Update already downloaded.
        $searcher.Online = $false
        $result = $searcher.Search("IsInstalled=0 and IsHidden=0 and Type='Software'")
        # Category ids are fixed GUIDs; their names are translated. 0FA1201D… = Security Updates.
        $security = @($result.Updates | Where-Object { @($_.Categories | Where-Object { $_.CategoryID -eq '0fa1201d-4330-4fa8-8ae9-b877473b6441' }).Count -gt 0 }).Count
        $pending = [ordered]@{ count = $result.Updates.Count; security = $security }
    } catch {
        $errors += @{ part = 'windowsUpdate'; message = $_.Exception.Message }
    }
    try {
        $date = (New-Object -ComObject Microsoft.Update.AutoUpdate).Results.LastSearchSuccessDate
        if ($date) { $lastSearch = ([datetime]$date).ToUniversalTime().ToString('o') }
    } catch {
        $lastSearch = $null
    }
} else {
    $errors += @{ part = 'windowsUpdate'; code = 'needs-full-language'; message = 'needs FullLanguage: the update history, the updates waiting and the last check come from the Windows Update Agent, a COM API that ConstrainedLanguage does not allow.' }
}

# Installed hotfixes (quality updates only: Defender definitions never appear here). InstalledOn is
# text ("7/15/2026", invariant M/d/yyyy), so it is read as a date before sorting, never sorted as text.
$hotfixes = @(Get-CimInstance -ClassName Win32_QuickFixEngineering -ErrorAction SilentlyContinue | ForEach-Object {
    $on = $null
    if ($_.InstalledOn) { try { $on = [datetime]$_.InstalledOn } catch { $on = $null } }
    if ($on) { @{ id = $_.HotFixID; on = $on } }
})
# Hashtables, not [pscustomobject]: ConstrainedLanguage does not convert a hashtable to an object.
$latest = $hotfixes | Sort-Object -Property { $_.on } -Descending | Select-Object -First 1
if ($latest) { $hotfixDate = $latest.on.ToUniversalTime().ToString('o'); $hotfixId = $latest.id }
$service = Get-Service -Name wuauserv -ErrorAction SilentlyContinue

[ordered]@{
    history               = $history
    pending               = $pending
    lastSearchSuccessDate = $lastSearch
    lastHotfixInstalledOn = $hotfixDate
    lastHotfixId          = $hotfixId
    serviceStartType      = if ($service) { [int]$service.StartType } else { $null }
    serviceStatus         = if ($service) { [int]$service.Status } else { $null }
    errors                = $errors
} | ConvertTo-Json -Depth 4 -Compress
