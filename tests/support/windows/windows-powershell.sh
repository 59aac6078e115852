#!/usr/bin/env bash
# Stands in for powershell.exe on a machine under App Control for Business: code given as text, and
# every script (none is signed here), runs in ConstrainedLanguage. Takes powershell.exe's arguments;
# TRIAGE_TEST_PWSH names the real pwsh.
set -euo pipefail
pwsh=${TRIAGE_TEST_PWSH:?}
clm='$ExecutionContext.SessionState.LanguageMode = "ConstrainedLanguage"'
args=("$@")
for i in "${!args[@]}"; do
  case "${args[$i]}" in
    -Command)
      command=${args[$((i + 1))]}
      # node-powershell's session reads commands from stdin.
      if [ "$command" = "-" ]; then
        exec "$pwsh" -NoLogo -NoProfile -NonInteractive -Command - < <(echo "$clm"; cat)
      fi
      exec "$pwsh" -NoProfile -NonInteractive -Command "$clm; $command"
      ;;
    -File)
      file=${args[$((i + 1))]}
      rest=("${args[@]:$((i + 2))}")
      # The remaining arguments are "-Name value" pairs of plain paths in the tests.
      exec "$pwsh" -NoProfile -NonInteractive -Command "$clm; & '$file' ${rest[*]}"
      ;;
  esac
done
echo "app-control-pwsh: neither -Command nor -File" >&2
exit 64
