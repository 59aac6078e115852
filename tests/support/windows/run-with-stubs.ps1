# Runs one of our Windows scripts under the stubs, in the language mode App Control would impose.
# $env:TRIAGE_TEST_SCRIPT: the script; $env:TRIAGE_TEST_LANGUAGE: FullLanguage or ConstrainedLanguage.
. (Join-Path $PSScriptRoot 'stubs.ps1')
$script = $env:TRIAGE_TEST_SCRIPT
if ($env:TRIAGE_TEST_LANGUAGE -eq 'ConstrainedLanguage') {
    $ExecutionContext.SessionState.LanguageMode = 'ConstrainedLanguage'
}
# Through the same runner the product uses, so its escaping is tested on every sample too.
& (Join-Path $PSScriptRoot '..' '..' '..' 'probes' 'system' 'run-script.ps1') -Script $script
