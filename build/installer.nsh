; Included by electron-builder's NSIS installer (electron-builder.yml: nsis.include).
;
; Registers the scheduled task "\Triage\Send queued reports", which runs
; "<install dir>\Triage.exe" --headless outbox retry as SYSTEM (at boot, every 15 minutes and when a
; network connects) so that reports queued by headless runs in %ProgramData%\Triage\outbox are sent.
; The uninstaller deletes it. The MSI has no custom actions: Register-SendQueuedReports.ps1 does the
; same there (deploy/windows/scheduled-task/).
;
; The task's definition is resources\send-queued-reports.xml, shipped with the app. It cannot know
; the install folder (the default is $PROGRAMFILES64\Triage, but /D= can change it), so it holds the
; placeholder @TRIAGE_INSTALL_DIR@. We copy it line by line into $PLUGINSDIR, replacing the
; placeholder with $INSTDIR ("&" escaped, the one XML-special character a folder name can hold) and
; writing UTF-16LE with a byte order mark and encoding="UTF-16", which is what schtasks.exe exports
; and reliably reads; UTF-16 also keeps a non-ASCII install folder intact. This needs only NSIS's
; own instructions and WordFunc.nsh: no plugin, no PowerShell (which App Control or an AllSigned
; execution policy may restrict on managed machines).
;
; A failure to register the task is logged and does not fail the installation: the app works
; without it, and queued reports are then sent by the next successful `Triage.exe --headless outbox
; retry`.

!include "LogicLib.nsh"
!include "WordFunc.nsh"

!if ${NSIS_CHAR_SIZE} < 2
  !error "build/installer.nsh writes the task's XML as UTF-16 (FileWriteUTF16LE): keep nsis.unicode on."
!endif

!define TRIAGE_TASK_NAME "\Triage\Send queued reports"

!macro customInstall
  Push $0
  Push $1
  Push $2
  Push $3
  Push $4
  ; Headless runs as SYSTEM keep their outbox and logs in %ProgramData%\Triage. The installer makes
  ; it first, so no user can create it (and own it) before SYSTEM writes there: owned by
  ; Administrators, full control for SYSTEM and Administrators, read for Users, nothing inherited.
  ExpandEnvStrings $0 "%ProgramData%\Triage"
  CreateDirectory "$0"
  nsExec::ExecToLog '"$SYSDIR\icacls.exe" "$0" /setowner *S-1-5-32-544'
  Pop $1
  nsExec::ExecToLog '"$SYSDIR\icacls.exe" "$0" /inheritance:r /grant:r *S-1-5-18:(OI)(CI)F *S-1-5-32-544:(OI)(CI)F *S-1-5-32-545:(OI)(CI)RX'
  Pop $1
  InitPluginsDir
  ${WordReplace} "$INSTDIR" "&" "&amp;" "+" $3
  StrCpy $4 "$PLUGINSDIR\send-queued-reports.xml"
  ClearErrors
  FileOpen $0 "$INSTDIR\resources\send-queued-reports.xml" r
  ${If} ${Errors}
    DetailPrint "Triage: $INSTDIR\resources\send-queued-reports.xml is missing; the task that sends queued reports is not registered."
  ${Else}
    FileOpen $1 $4 w
    FileWriteWord $1 0xFEFF
    ${Do}
      ClearErrors
      ; The template is ASCII; FileRead keeps each line's end, so the copy keeps the same lines.
      FileRead $0 $2
      ${If} ${Errors}
        ${ExitDo}
      ${EndIf}
      ${WordReplace} $2 'encoding="UTF-8"' 'encoding="UTF-16"' "+" $2
      ${WordReplace} $2 "@TRIAGE_INSTALL_DIR@" $3 "+" $2
      FileWriteUTF16LE $1 $2
    ${Loop}
    FileClose $0
    FileClose $1
    ; /F replaces the task of an earlier version, so installing again or upgrading is harmless.
    nsExec::ExecToLog '"$SYSDIR\schtasks.exe" /Create /TN "${TRIAGE_TASK_NAME}" /XML "$4" /F'
    Pop $0
    ${If} $0 != 0
      DetailPrint "Triage: schtasks /Create exited with $0; the task that sends queued reports is not registered."
    ${EndIf}
    Delete $4
  ${EndIf}
  Pop $4
  Pop $3
  Pop $2
  Pop $1
  Pop $0
!macroend

!macro customUnInstall
  ; An upgrade runs the old version's uninstaller (--updated) before installing the new version,
  ; whose customInstall replaces the task: it is left in place then.
  ${IfNot} ${isUpdated}
    Push $0
    ; Exits with 1 when the task does not exist (never registered, or deleted by hand): nothing to do.
    nsExec::ExecToLog '"$SYSDIR\schtasks.exe" /Delete /TN "${TRIAGE_TASK_NAME}" /F'
    Pop $0
    Pop $0
  ${EndIf}
!macroend
