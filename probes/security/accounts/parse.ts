/**
 * Pure parsers for security.accounts: who is signed in, whether they are a local administrator, and
 * whether the screen locks by itself.
 */
import { asInteger, asString, prop } from '../../util/parse';

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
 * `whoami /groups /fo csv`: is BUILTIN\Administrators (S-1-5-32-544, the same in every language)
 * in the token at all? Under UAC a local administrator's everyday token holds it only as "Group used
 * for deny only", and .NET's WindowsIdentity.Groups leaves deny-only groups out, which made every
 * administrator look like a standard user. Present in any state means the user is an administrator
 * (one consent prompt away from its rights). Null when the output has no SID column at all.
 */
export function isAdminFromWhoami(csv: string): boolean | null {
  const sids = csv.split(/\r?\n/).flatMap((line) => [...line.matchAll(/"(S-1-[\d-]+)"/g)].map((m) => m[1]));
  if (sids.length === 0) return null;
  return sids.includes('S-1-5-32-544');
}

/**
 * security-accounts.ps1: the screen saver lock (ScreenSaveActive, ScreenSaverIsSecure,
 * ScreenSaveTimeOut: strings, "1" = on) from the user's policy key when set there, else the user's
 * own; and the machine inactivity limit (InactivityTimeoutSecs), which locks whatever the screen
 * saver says. With both, the screen locks at the earlier of the two.
 */
export function parseWindowsAccounts(
  json: unknown,
  identity: { user: string | null; isAdmin: boolean | null } = { user: null, isAdmin: null },
): AccountsData {
  // Policy first: Windows applies HKCU\Software\Policies\…\Control Panel\Desktop over the user's values.
  const value = (name: string): string | null =>
    asString(prop(json, `policy${name}`)) ??
    asString(prop(json, name.charAt(0).toLowerCase() + name.slice(1)));
  const inactivity = asInteger(prop(json, 'inactivityTimeoutSecs'));
  const saverLocks = value('ScreenSaveActive') === '1' && value('ScreenSaverIsSecure') === '1';
  const saverTimeout = asInteger(value('ScreenSaveTimeOut'));
  const timeouts = [
    inactivity !== null && inactivity > 0 ? inactivity : null,
    saverLocks && saverTimeout !== null && saverTimeout > 0 ? saverTimeout : null,
  ].filter((t): t is number => t !== null);
  const machineLocks = inactivity !== null && inactivity > 0;
  return {
    user: identity.user,
    isAdmin: identity.isAdmin,
    screenLock: {
      enabled: machineLocks || saverLocks,
      timeoutSeconds: timeouts.length ? Math.min(...timeouts) : null,
    },
  };
}
