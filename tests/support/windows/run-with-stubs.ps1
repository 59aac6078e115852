# Runs one of our Windows scripts under the stubs, in the language mode App Control would impose.
# $env:TRIAGE_TEST_SCRIPT: the script; $env:TRIAGE_TEST_LANGUAGE: FullLanguage or ConstrainedLanguage.
. (Join-Path $PSScriptRoot 'stubs.ps1')
$script = $env:TRIAGE_TEST_SCRIPT
if ($env:TRIAGE_TEST_LANGUAGE -eq 'ConstrainedLanguage') {
    $ExecutionContext.SessionState.LanguageMode = 'ConstrainedLanguage'
}
& $script
