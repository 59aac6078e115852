# Pester tests of the Intune remediation pair (deploy/windows/intune), run for real under pwsh in
# FullLanguage and ConstrainedLanguage. Triage.exe is a stand-in that records its arguments and
# answers with the output and exit code a test gives it; $env:ProgramFiles/$env:ProgramData point at
# a temporary folder, as they point at C:\Program Files and C:\ProgramData under Intune's agent.
BeforeAll {
    $script:intune = Join-Path $PSScriptRoot '..' '..' 'deploy' 'windows' 'intune'
    # pwsh from the dotnet tool runs as "dotnet pwsh.dll": its own process path is not a pwsh to start.
    $script:pwsh = if ($env:TRIAGE_PWSH) { $env:TRIAGE_PWSH } else { (Get-Command pwsh).Source }

    function Invoke-IntuneScript([string]$Name, [string]$LanguageMode) {
        $path = Join-Path $script:intune $Name
        $command = "`$ExecutionContext.SessionState.LanguageMode = '$LanguageMode'; & '$path'; exit `$LASTEXITCODE"
        $output = & $script:pwsh -NoProfile -NonInteractive -Command $command 2>&1
        [pscustomobject]@{ Output = ($output | Out-String).Trim(); ExitCode = $LASTEXITCODE }
    }

    function Install-FakeTriage([string]$Stdout, [int]$ExitCode) {
        $folder = Join-Path $env:ProgramFiles 'Triage'
        New-Item -ItemType Directory -Force -Path $folder | Out-Null
        Set-Content -LiteralPath (Join-Path $folder 'answer.json') -Value $Stdout -NoNewline
        $fake = Join-Path $folder 'Triage.exe'
        Set-Content -LiteralPath $fake -Value @"
#!/usr/bin/env bash
printf '%s\n' "`$@" > '$folder/args.txt'
cat '$folder/answer.json'
exit $ExitCode
"@
        chmod +x $fake
    }
}

Describe 'the Intune remediation pair in <Mode>' -ForEach @(@{ Mode = 'FullLanguage' }, @{ Mode = 'ConstrainedLanguage' }) {
    BeforeEach {
        $script:root = Join-Path ([IO.Path]::GetTempPath()) ('triage-intune-' + [guid]::NewGuid())
        $env:ProgramFiles = Join-Path $script:root 'Program Files'
        $env:ProgramData = Join-Path $script:root 'ProgramData'
        New-Item -ItemType Directory -Force -Path $env:ProgramFiles, $env:ProgramData | Out-Null
    }
    AfterEach { Remove-Item -Recurse -Force -LiteralPath $script:root }

    It 'detection says Triage is missing and reports no issue when it is not installed' {
        $run = Invoke-IntuneScript 'detect.ps1' $Mode
        $run.Output | Should -Be 'Triage is not installed.'
        $run.ExitCode | Should -Be 0
    }

    It 'detection runs a headless check without a bundle and passes on "issue found"' {
        $findings = '{"findings":[{"severity":"critical","title":"The disk is almost full"},{"severity":"ok","title":"Fine"}]}'
        Install-FakeTriage -Stdout $findings -ExitCode 1
        $run = Invoke-IntuneScript 'detect.ps1' $Mode
        $run.ExitCode | Should -Be 1
        $run.Output | Should -Be 'critical: The disk is almost full'
        Get-Content (Join-Path $env:ProgramFiles 'Triage/args.txt') | Should -Be @('--headless', 'collect', '--no-bundle', '--json', '--fail-on', 'critical', '--quiet')
    }

    It 'detection shows what Triage printed when it is not the expected JSON' {
        Install-FakeTriage -Stdout 'triage: could not finish' -ExitCode 3
        $run = Invoke-IntuneScript 'detect.ps1' $Mode
        $run.ExitCode | Should -Be 3
        $run.Output | Should -Be 'triage: could not finish'
    }

    It 'remediation files a report from the machine-wide reports folder and exits 0 when it went out or was queued' {
        Install-FakeTriage -Stdout 'Ticket 42 created' -ExitCode 0
        $run = Invoke-IntuneScript 'remediate.ps1' $Mode
        $run.ExitCode | Should -Be 0
        $run.Output | Should -Be 'Ticket 42 created'
        $reports = Join-Path $env:ProgramData 'Triage/reports'
        Test-Path -LiteralPath $reports | Should -BeTrue
        Get-Content (Join-Path $env:ProgramFiles 'Triage/args.txt') | Should -Be @('--headless', 'collect', '--output', $reports, '--submit', '--fail-on', 'never', '--quiet')
    }

    It 'remediation exits 1 with the reason when the report could not be filed' {
        Install-FakeTriage -Stdout 'The helpdesk refused the sign-in' -ExitCode 3
        $run = Invoke-IntuneScript 'remediate.ps1' $Mode
        $run.ExitCode | Should -Be 1
        $run.Output | Should -Be 'The helpdesk refused the sign-in'
    }
}
