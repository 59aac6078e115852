/**
 * Where Triage keeps its state (outbox, logs) on each OS, following each platform's conventions.
 * `TRIAGE_STATE_DIR` overrides it (tests, development, portable use), but only on a computer without
 * managed policy: there an unprivileged user must not move state or logs away from where IT expects
 * them (docs/policy.md, "Environment variables").
 */
import { execFileSync } from 'node:child_process';
import { lstatSync } from 'node:fs';
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
