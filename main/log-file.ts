/**
 * Log files where admins look for them, rotated by size so they never grow without bound:
 *   Windows  %ProgramData%\Triage\logs (headless runs as SYSTEM) or %LOCALAPPDATA%\Triage\logs
 *   macOS    /Library/Logs/Triage (as root) or ~/Library/Logs/Triage
 *   Linux    /var/log/triage (as root) or $XDG_STATE_HOME/triage/logs
 * Lines are scrubbed of secrets before they are written.
 */
import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { Redactor } from './bundle/redact';
import { formatLogEntry, type LogEntry } from './log';
import { environmentOverride, stateDir, type StateScope } from './paths';

export const MAX_LOG_BYTES = 1024 * 1024;
export const KEPT_LOGS = 5;

export function logsDir(
  scope: StateScope,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  // Honoured only without managed policy, like TRIAGE_STATE_DIR (paths.ts).
  const override = environmentOverride('TRIAGE_LOG_DIR', env, platform);
  if (override) return override;
  if (platform === 'darwin')
    return scope === 'machine' ? '/Library/Logs/Triage' : join(os.homedir(), 'Library', 'Logs', 'Triage');
  if (platform === 'linux' && scope === 'machine') return '/var/log/triage';
  return join(stateDir(scope, env, platform), 'logs');
}

/** SYSTEM on Windows and root elsewhere write machine-wide logs and state. */
export function currentScope(): StateScope {
  if (process.platform === 'win32') {
    // LocalSystem shows up as "SYSTEM" (GetUserName) or "<COMPUTER>$" (USERNAME).
    const names = [os.userInfo().username, process.env.USERNAME ?? ''].map((n) => n.toUpperCase());
    return names.some((n) => n === 'SYSTEM' || n.endsWith('$')) ? 'machine' : 'user';
  }
  return process.getuid?.() === 0 ? 'machine' : 'user';
}

/** Rotates name.log → name.1.log → … → name.<KEPT_LOGS>.log (the oldest is dropped). */
export function rotate(dir: string, name: string): void {
  rmSync(join(dir, `${name}.${KEPT_LOGS}.log`), { force: true });
  for (let i = KEPT_LOGS - 1; i >= 1; i -= 1) {
    try {
      renameSync(join(dir, `${name}.${i}.log`), join(dir, `${name}.${i + 1}.log`));
    } catch {
      // that generation does not exist yet
    }
  }
  try {
    renameSync(join(dir, `${name}.log`), join(dir, `${name}.1.log`));
  } catch {
    // nothing to rotate
  }
}

/**
 * A sink for the run log that appends to `<dir>/<name>.log`. If the folder cannot be written, it
 * reports that once (through `onError`) and stays quiet: logging never stops the real work.
 */
export function logFileSink(
  dir: string,
  name: string,
  onError: (message: string) => void = () => undefined,
): (entry: LogEntry) => void {
  const scrubber = new Redactor('off');
  const path = join(dir, `${name}.log`);
  let broken = false;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o750 });
  } catch (error) {
    broken = true;
    onError(
      `Logs cannot be written to ${dir} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`,
    );
  }
  return (entry) => {
    if (broken) return;
    try {
      const size = (() => {
        try {
          return statSync(path).size;
        } catch {
          return 0;
        }
      })();
      if (size > MAX_LOG_BYTES) rotate(dir, name);
      appendFileSync(path, `${scrubber.scrubText(formatLogEntry(entry))}\n`, { mode: 0o640 });
    } catch (error) {
      broken = true;
      onError(
        `Logs cannot be written to ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`,
      );
    }
  };
}
