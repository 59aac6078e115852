/**
 * Pure parsers for security.accounts: who is signed in, whether they are a local administrator, and
 * whether the screen locks by itself.
 */
import { asBoolean, asInteger, asString, prop } from '../../util/parse';

export interface AccountsData {
  user: string | null;
  isAdmin: boolean | null;
  screenLock: {
    enabled: boolean | null;
    /** Idle time before the screen locks, in seconds. */
    timeoutSeconds: number | null;
  };
}

/** Groups that grant administrator rights on Linux (sudo on Debian/Ubuntu, wheel on Fedora/RHEL, admin on old Ubuntu) and macOS (admin). */
const ADMIN_GROUPS = new Set(['sudo', 'wheel', 'admin']);

export function isAdminFromGroups(groups: string): boolean {
  return groups.split(/\s+/).some((g) => ADMIN_GROUPS.has(g));
}

/** `gsettings get` of org.gnome.desktop.screensaver lock-enabled and org.gnome.desktop.session idle-delay ("uint32 300"). */
export function parseGnomeLock(
  lockEnabled: string | null,
  idleDelay: string | null,
): AccountsData['screenLock'] {
  const seconds = idleDelay === null ? null : asInteger(idleDelay.replace(/^uint32\s+/, '').trim());
  const enabled = lockEnabled === null ? null : lockEnabled.trim() === 'true';
  // idle-delay 0 means the screen never blanks, so it never locks by itself.
  return {
    enabled: enabled === null ? null : enabled && seconds !== 0,
    timeoutSeconds: seconds === 0 ? null : seconds,
  };
}

/** `sysadminctl -screenLock status` (macOS, on stderr): "screenLock delay is immediate" / "… is 300 seconds" / "screenLock is off". */
export function parseSysadminctl(text: string): AccountsData['screenLock'] | null {
  if (/screenLock is off/i.test(text)) return { enabled: false, timeoutSeconds: null };
  if (/screenLock delay is immediate/i.test(text)) return { enabled: true, timeoutSeconds: 0 };
  const seconds = /screenLock delay is (\d+) seconds/i.exec(text)?.[1];
  return seconds ? { enabled: true, timeoutSeconds: Number(seconds) } : null;
}

/**
 * security-accounts.ps1: membership of BUILTIN\Administrators by SID S-1-5-32-544 (never by the
 * translated group name; with UAC the token still lists it), the screen saver lock (ScreenSaveActive,
 * ScreenSaverIsSecure, ScreenSaveTimeOut) and the machine inactivity limit (InactivityTimeoutSecs),
 * which wins when set.
 */
export function parseWindowsAccounts(json: unknown): AccountsData {
  const inactivity = asInteger(prop(json, 'inactivityTimeoutSecs'));
  const active = asString(prop(json, 'screenSaveActive')) === '1';
  const secure = asString(prop(json, 'screenSaverIsSecure')) === '1';
  const saverTimeout = asInteger(asString(prop(json, 'screenSaveTimeOut')));
  const policy = inactivity !== null && inactivity > 0;
  return {
    user: asString(prop(json, 'user')),
    isAdmin: asBoolean(prop(json, 'isAdmin')),
    screenLock: policy
      ? { enabled: true, timeoutSeconds: inactivity }
      : { enabled: active && secure, timeoutSeconds: active && secure ? saverTimeout : null },
  };
}
