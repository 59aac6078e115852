# os.events on Windows: critical (1) and error (2) events of the last 24 hours from the System and
# Application logs, newest first, capped. Provider names and ids identify events; messages are kept
# short and only for people to read. Prints one JSON document.
# Cmdlets and property reads only: works in ConstrainedLanguage (App Control, AppLocker).
$ErrorActionPreference = 'Stop'
$errors = @()

$since = (Get-Date).AddHours(-24)
$records = @()
try {
  $records = @(Get-WinEvent -FilterHashtable @{ LogName = @('System', 'Application'); Level = @(1, 2); StartTime = $since } -MaxEvents 500 -ErrorAction Stop)
} catch {
  # "No events were found" is Get-WinEvent's way of saying "none": an answer, not a failure.
  # FullyQualifiedErrorId is not translated, unlike the message.
  if ($_.FullyQualifiedErrorId -notlike 'NoMatchingEventsFound*') {
    $errors += @{ part = 'eventLog'; message = $_.Exception.Message }
  }
}
$events = @(
  $records | ForEach-Object {
      $message = $_.Message
      if ($message -and $message.Length -gt 300) { $message = $message.Substring(0, 300) }
      [ordered]@{
        time     = $_.TimeCreated.ToUniversalTime().ToString('o')
        provider = $_.ProviderName
        id       = $_.Id
        level    = [int]$_.Level
        message  = $message
        # Application Error 1000: the faulting application's file name is the first property.
        app      = if ($_.ProviderName -eq 'Application Error' -and $_.Id -eq 1000 -and @($_.Properties).Count -gt 0) { [string]@($_.Properties)[0].Value } else { $null }
      }
    }
)

[ordered]@{ events = $events; errors = $errors } | ConvertTo-Json -Depth 3 -Compress
