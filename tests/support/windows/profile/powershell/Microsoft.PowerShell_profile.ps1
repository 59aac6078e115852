# The profile windows-powershell.sh gives pwsh (through XDG_CONFIG_HOME): it runs before anything
# else in the session, as an App Control policy applies before any script. The Windows stubs first
# (when a scenario is set), then the language mode (default ConstrainedLanguage).
if ($env:TRIAGE_STUB_DATA) { . (Join-Path $PSScriptRoot '..' '..' 'stubs.ps1') }
$ExecutionContext.SessionState.LanguageMode = if ($env:TRIAGE_TEST_LANGUAGE) { $env:TRIAGE_TEST_LANGUAGE } else { 'ConstrainedLanguage' }
