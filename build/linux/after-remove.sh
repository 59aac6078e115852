#!/bin/bash

# Delete the link to the binary
# update-alternatives --remove <name> <path>: 'path' must be the registered alternative binary,
# not the generic symlink — see https://man7.org/linux/man-pages/man1/update-alternatives.1.html
if type update-alternatives >/dev/null 2>&1; then
    update-alternatives --remove '${executable}' '/opt/${sanitizedProductName}/${executable}'
else
    rm -f '/usr/bin/${executable}'
fi

APPARMOR_PROFILE_DEST='/etc/apparmor.d/${executable}'

# Remove and unload apparmor profile.
if [ -f "$APPARMOR_PROFILE_DEST" ]; then
  # Unload the profile from the running kernel before deleting the file so the
  # policy is not left enforced until the next reboot.  Mirror the chroot guard
  # used in the after-install script — live AppArmor operations are not
  # meaningful inside a chroot.
  # https://wiki.debian.org/AppArmor/HowToUse
  if apparmor_status --enabled > /dev/null 2>&1; then
    if ! { [ -x '/usr/bin/ischroot' ] && /usr/bin/ischroot; } && hash apparmor_parser 2>/dev/null; then
      apparmor_parser --remove "$APPARMOR_PROFILE_DEST" || true
    fi
  fi
  rm -f "$APPARMOR_PROFILE_DEST"
fi
# ---- Triage: everything above is electron-builder's own after-remove.tpl (26.x), unchanged:
# setting deb.afterRemove replaces it. electron-builder fills in its dollar-brace macros (and refuses
# any it does not know), so the lines below use no other dollar-brace names.
#
# dpkg runs this as postrm with "remove" or "purge" when the package goes away, and with "upgrade"
# during an upgrade, when the new version's after-install installs the timer again: only the first
# two stop, disable and delete it.
case "${1:-}" in
  remove | purge)
    if hash systemctl 2>/dev/null; then
      if [ -d /run/systemd/system ]; then
        systemctl disable --now triage-send-queued-reports.timer || true
      else
        systemctl disable triage-send-queued-reports.timer || true
      fi
    fi
    rm -f /lib/systemd/system/triage-send-queued-reports.service /lib/systemd/system/triage-send-queued-reports.timer
    if [ -d /run/systemd/system ] && hash systemctl 2>/dev/null; then
      systemctl daemon-reload || true
    fi
    ;;
esac
