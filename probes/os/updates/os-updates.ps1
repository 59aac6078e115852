# os.updates: Windows Update history, updates waiting (offline search of the local cache: no
# contact with Microsoft), the last successful check, and the wuauserv service. One JSON object.
param($TriageArgs)
$ErrorActionPreference = 'Stop'
$errors = @()
$history = @(); $pending = $null; $lastSearch = $null; $hotfixDate = $null; $hotfixId = $null

try {
    $session = New-Object -ComObject Microsoft.Update.Session
    $searcher = $session.CreateUpdateSearcher()
    $total = $searcher.GetTotalHistoryCount()
    if ($total -gt 0) {
        $history = @($searcher.QueryHistory(0, [Math]::Min($total, 50)) | ForEach-Object {
            [ordered]@{ date = $_.Date.ToUniversalTime().ToString('o'); title = $_.Title; operation = [int]$_.Operation; resultCode = [int]$_.ResultCode }
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
if ($history.Count -eq 0) {
    $hotfix = Get-CimInstance -ClassName Win32_QuickFixEngineering | Where-Object { $_.InstalledOn } | Sort-Object InstalledOn -Descending | Select-Object -First 1
    if ($hotfix) { $hotfixDate = ([datetime]$hotfix.InstalledOn).ToUniversalTime().ToString('o'); $hotfixId = $hotfix.HotFixID }
}
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
