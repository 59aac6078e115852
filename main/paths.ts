/**
 * Where Triage keeps its state (outbox, logs) on each OS, following each platform's conventions.
 * `TRIAGE_STATE_DIR` overrides it (tests, development, portable use), but only on a computer without
 * managed policy: there an unprivileged user must not move state or logs away from where IT expects
 * them (docs/policy.md, "Environment variables").
 */
import { execFileSync } from 'node:child_process';
import { lstatSync, type Stats } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { windowsSystemProgram } from '../probes/system/windows-paths';

export type StateScope = 'user' | 'machine';

/**
 * Per-user state for the desktop app and a user's CLI; per-machine state for headless runs as
 * SYSTEM/root (Intune remediation scripts, management agents).
 */
export function stateDir(
  scope: StateScope = 'user',
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  const override = environmentOverride('TRIAGE_STATE_DIR', env, platform);
  if (override) return override;
  const home = os.homedir();
  switch (platform) {
    case 'win32':
      return scope === 'machine'
        ? join(env.ProgramData ?? 'C:\\ProgramData', 'Triage')
        : join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'Triage');
    case 'darwin':
      return scope === 'machine'
        ? '/Library/Application Support/Triage'
        : join(home, 'Library', 'Application Support', 'Triage');
    default:
      return scope === 'machine'
        ? '/var/lib/triage'
        : join(env.XDG_STATE_HOME ?? join(home, '.local', 'state'), 'triage');
  }
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

const detected = new Map<NodeJS.Platform, boolean>();

/**
 * Whether this computer has Triage managed policy (even an unreadable one): the registry key, a
 * configuration profile's managed preferences, or /etc/triage/policy.json. Only an administrator or
 * the management system can create these. Checked once per process; for another OS than this one
 * the answer is false (nothing to look at).
 */
export function machinePolicyPresent(platform: NodeJS.Platform = process.platform): boolean {
  if (platform !== process.platform) return false;
  const known = detected.get(platform);
  if (known !== undefined) return known;
  let present: boolean;
  switch (platform) {
    case 'win32':
      present = ['HKLM', 'HKCU'].some((hive) => {
        try {
          // Exit code 0: the key exists. HKCU\SOFTWARE\Policies is writable only by administrators.
          execFileSync(windowsSystemProgram('reg.exe'), ['query', `${hive}\\SOFTWARE\\Policies\\Triage`], {
            stdio: 'ignore',
            timeout: 5_000,
            windowsHide: true,
          });
          return true;
        } catch {
          return false;
        }
      });
      break;
    case 'darwin':
      present =
        exists('/Library/Managed Preferences/com.triage.agent.plist') ||
        exists(`/Library/Managed Preferences/${os.userInfo().username}/com.triage.agent.plist`);
      break;
    default:
      present = exists('/etc/triage/policy.json');
  }
  detected.set(platform, present);
  return present;
}

/**
 * The value of a TRIAGE_STATE_DIR-like variable, or undefined when it is not set or when machine
 * policy is present (then it is ignored; `triage policy` and the policy warnings say so).
 */
export function environmentOverride(
  name: 'TRIAGE_STATE_DIR' | 'TRIAGE_LOG_DIR',
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  hasMachinePolicy: (platform: NodeJS.Platform) => boolean = machinePolicyPresent,
): string | undefined {
  const value = env[name];
  if (!value) return undefined;
  return hasMachinePolicy(platform) ? undefined : value;
}

/**
 * Refuses a machine state folder (or any folder on its path) that someone other than root owns or
 * can write to, on macOS and Linux: a root process writing reports, logs and locks where a user can
 * swap files or plant links would write wherever that user points it. On Windows the installer
 * creates %ProgramData%\Triage owned by Administrators (build/installer.nsh). Returns what is wrong
 * and what to do, or null. A folder that does not exist yet is fine: Triage creates it itself.
 */
export function untrustedMachineFolder(
  dir: string,
  stat: (path: string) => Pick<Stats, 'uid' | 'mode' | 'isDirectory'> | null = (path) => {
    try {
      return lstatSync(path);
    } catch {
      return null;
    }
  },
): string | null {
  const parts = dir.split('/').filter(Boolean);
  for (let i = parts.length; i >= 1; i -= 1) {
    const path = `/${parts.slice(0, i).join('/')}`;
    const info = stat(path);
    if (!info) continue;
    // The sticky bit (/tmp) lets nobody replace another's entries, so a world-writable sticky
    // ancestor is not a way in; the folder itself must be root's alone.
    const sticky = (info.mode & 0o1000) !== 0 && i < parts.length;
    if (info.uid !== 0)
      return `${path} belongs to user ${String(info.uid)}, not root. Triage running as root will not keep reports there: remove it or run "chown root:root ${path}".`;
    if ((info.mode & 0o022) !== 0 && !sticky)
      return `${path} can be changed by users other than root. Triage running as root will not keep reports there: run "chmod go-w ${path}".`;
  }
  return null;
}
