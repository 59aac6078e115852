# Pester tests of deploy/windows/scheduled-task/Register-SendQueuedReports.ps1, the MSI's way to
# register the task that sends queued reports. Each run is a fresh pwsh in FullLanguage or
# ConstrainedLanguage (as App Control imposes), where Get-/Register-/Unregister-ScheduledTask, which
# exist only on Windows, are stand-in functions that record what they were given (returning
# hashtables: ConstrainedLanguage refuses [pscustomobject]). The install folder
# is a temporary one whose name holds a space and "&", which the task's XML must escape.
BeforeAll {
    $script:register = Join-Path $PSScriptRoot '..' '..' 'deploy' 'windows' 'scheduled-task' 'Register-SendQueuedReports.ps1'
    $script:template = Join-Path $PSScriptRoot '..' '..' 'deploy' 'windows' 'scheduled-task' 'send-queued-reports.xml'
    # pwsh from the dotnet tool runs as "dotnet pwsh.dll": its own process path is not a pwsh to start.
    $script:pwsh = if ($env:TRIAGE_PWSH) { $env:TRIAGE_PWSH } else { (Get-Command pwsh).Source }
    $script:programW6432 = $env:ProgramW6432

    $script:stubs = @'
function Get-ScheduledTask {
    [CmdletBinding()] param([string]$TaskPath, [string]$TaskName)
    Add-Content -LiteralPath $env:TRIAGE_TASK_CALLS -Value "Get-ScheduledTask $TaskPath|$TaskName"
    if ($env:TRIAGE_TASK_EXISTS -eq '1') { @{ TaskPath = $TaskPath; TaskName = $TaskName } }
}
function Register-ScheduledTask {
    [CmdletBinding()] param([string]$TaskPath, [string]$TaskName, [string]$Xml, [switch]$Force)
    Add-Content -LiteralPath $env:TRIAGE_TASK_CALLS -Value "Register-ScheduledTask $TaskPath|$TaskName|Force=$Force"
    Set-Content -LiteralPath $env:TRIAGE_TASK_XML -Value $Xml -NoNewline
    @{ TaskPath = $TaskPath; TaskName = $TaskName; State = 'Ready' }
}
function Unregister-ScheduledTask {
    [CmdletBinding(SupportsShouldProcess)] param([string]$TaskPath, [string]$TaskName)
    Add-Content -LiteralPath $env:TRIAGE_TASK_CALLS -Value "Unregister-ScheduledTask $TaskPath|$TaskName|Confirm=$($PSBoundParameters['Confirm'])"
}
'@

    function Invoke-Register([string]$LanguageMode, [string]$Arguments, [switch]$TaskExists) {
        $env:TRIAGE_TASK_EXISTS = if ($TaskExists) { '1' } else { '0' }
        $command = "`$ExecutionContext.SessionState.LanguageMode = '$LanguageMode'`n$script:stubs`n& '$script:register' $Arguments; exit `$LASTEXITCODE"
        $output = & $script:pwsh -NoProfile -NonInteractive -Command $command 2>&1
        $calls = if (Test-Path -LiteralPath $env:TRIAGE_TASK_CALLS) { @(Get-Content -LiteralPath $env:TRIAGE_TASK_CALLS) } else { @() }
        [pscustomobject]@{ Output = ($output | Out-String).Trim(); ExitCode = $LASTEXITCODE; Calls = $calls }
    }
}

Describe 'Register-SendQueuedReports.ps1 in <Mode>' -ForEach @(@{ Mode = 'FullLanguage' }, @{ Mode = 'ConstrainedLanguage' }) {
    BeforeEach {
        $script:root = Join-Path ([IO.Path]::GetTempPath()) ('triage-task-' + [guid]::NewGuid())
        $script:installDir = Join-Path $script:root 'R&D Tools'
        New-Item -ItemType Directory -Force -Path (Join-Path $script:installDir 'resources') | Out-Null
        Set-Content -LiteralPath (Join-Path $script:installDir 'Triage.exe') -Value 'stand-in'
        $env:TRIAGE_TASK_CALLS = Join-Path $script:root 'calls.txt'
        $env:TRIAGE_TASK_XML = Join-Path $script:root 'registered.xml'
        # What -InstallDir defaults to; Windows always sets it.
        $env:ProgramFiles = Join-Path $script:root 'Program Files'
    }
    AfterEach {
        Remove-Item -Recurse -Force -LiteralPath $script:root
        $env:ProgramW6432 = $script:programW6432
    }

    It 'registers the shipped definition with the install folder put in, as \Triage\Send queued reports' {
        Copy-Item -LiteralPath $script:template -Destination (Join-Path $script:installDir 'resources' 'send-queued-reports.xml')
        $run = Invoke-Register $Mode "-InstallDir '$script:installDir'"
        $run.ExitCode | Should -Be 0
        $run.Output | Should -BeLike 'Registered the scheduled task \Triage\Send queued reports*'
        $run.Calls | Should -Be @('Get-ScheduledTask \Triage\|Send queued reports', 'Register-ScheduledTask \Triage\|Send queued reports|Force=True')

        $text = Get-Content -LiteralPath $env:TRIAGE_TASK_XML -Raw
        $text | Should -BeLike '<?xml version="1.0" encoding="UTF-16"?>*'
        $text | Should -Not -BeLike '*@TRIAGE_INSTALL_DIR@*'
        $text | Should -BeLike '*R&amp;D Tools*'
        $task = [xml]$text
        $task.Task.Actions.Exec.Command | Should -Be ('"' + $script:installDir + '\Triage.exe"')
        $task.Task.Actions.Exec.Arguments | Should -Be '--headless outbox retry'
        $task.Task.Principals.Principal.UserId | Should -Be 'S-1-5-18'
        $task.Task.Settings.MultipleInstancesPolicy | Should -Be 'IgnoreNew'
    }

    It 'uses the definition installed in resources\ over the one beside the script' {
        $installed = (Get-Content -LiteralPath $script:template -Raw).Replace('--headless outbox retry', '--headless outbox retry --all')
        Set-Content -LiteralPath (Join-Path $script:installDir 'resources' 'send-queued-reports.xml') -Value $installed -NoNewline
        $run = Invoke-Register $Mode "-InstallDir '$script:installDir'"
        $run.ExitCode | Should -Be 0
        ([xml](Get-Content -LiteralPath $env:TRIAGE_TASK_XML -Raw)).Task.Actions.Exec.Arguments | Should -Be '--headless outbox retry --all'
    }

    It 'falls back to the definition beside the script when the install has none' {
        $run = Invoke-Register $Mode "-InstallDir '$script:installDir'"
        $run.ExitCode | Should -Be 0
        ([xml](Get-Content -LiteralPath $env:TRIAGE_TASK_XML -Raw)).Task.Actions.Exec.Command | Should -Be ('"' + $script:installDir + '\Triage.exe"')
    }

    It 'finds the 64-bit Program Files by default, also from a 32-bit PowerShell (ProgramW6432)' {
        $env:ProgramW6432 = $script:root
        $env:ProgramFiles = Join-Path $script:root 'Program Files (x86)'
        $script:installDir = Join-Path $script:root 'Triage'
        New-Item -ItemType Directory -Force -Path $script:installDir | Out-Null
        Set-Content -LiteralPath (Join-Path $script:installDir 'Triage.exe') -Value 'stand-in'
        $run = Invoke-Register $Mode ''
        $run.ExitCode | Should -Be 0
        ([xml](Get-Content -LiteralPath $env:TRIAGE_TASK_XML -Raw)).Task.Actions.Exec.Command | Should -Be ('"' + $script:installDir + '\Triage.exe"')
    }

    It 'replaces the task when it is already registered (running it twice is harmless)' {
        $run = Invoke-Register $Mode "-InstallDir '$script:installDir'" -TaskExists
        $run.ExitCode | Should -Be 0
        $run.Output | Should -BeLike 'Replaced the scheduled task \Triage\Send queued reports*'
        $run.Calls[-1] | Should -Be 'Register-ScheduledTask \Triage\|Send queued reports|Force=True'
    }

    It 'fails, registering nothing, when Triage is not in the install folder' {
        $run = Invoke-Register $Mode "-InstallDir '$(Join-Path $script:root 'nowhere')'"
        $run.ExitCode | Should -Be 1
        $run.Output | Should -BeLike '*Triage is not installed in*'
        $run.Calls | Where-Object { $_ -like 'Register-ScheduledTask*' } | Should -BeNullOrEmpty
    }

    It '-Unregister removes the task without asking' {
        $run = Invoke-Register $Mode '-Unregister' -TaskExists
        $run.ExitCode | Should -Be 0
        $run.Output | Should -Be 'Removed the scheduled task \Triage\Send queued reports.'
        $run.Calls[-1] | Should -Be 'Unregister-ScheduledTask \Triage\|Send queued reports|Confirm=False'
    }

    It '-Unregister does nothing when the task is not registered' {
        $run = Invoke-Register $Mode '-Unregister'
        $run.ExitCode | Should -Be 0
        $run.Output | Should -Be 'The scheduled task \Triage\Send queued reports is not registered: nothing to remove.'
        $run.Calls | Should -Be @('Get-ScheduledTask \Triage\|Send queued reports')
    }
}
