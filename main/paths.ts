/**
 * Where Triage keeps its state (outbox, logs) on each OS, following each platform's conventions.
 * `TRIAGE_STATE_DIR` overrides it (tests, portable use); managed policy can too.
 */
import os from 'node:os';
import { join } from 'node:path';

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
  if (env.TRIAGE_STATE_DIR) return env.TRIAGE_STATE_DIR;
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
