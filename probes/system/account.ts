/**
 * Whether Triage runs as the machine's own account rather than as a person: Windows' SYSTEM (an
 * Intune remediation, a scheduled task, ConfigMgr) or a service account, or root on macOS and Linux
 * (an MDM script, cron, sudo). Per-user facts — admin rights, screen lock, the user's proxy — read
 * there would be that account's own, so the checks that read them say they were not read instead.
 */
import type { ProbeContext } from '../types';

/** The name of the machine account Triage runs as on Windows, or null for a person's account. */
export function windowsServiceAccount(env: (name: string) => string | undefined): string | null {
  const user = env('USERNAME') ?? '';
  const computer = env('COMPUTERNAME') ?? '';
  const profile = (env('USERPROFILE') ?? '').replace(/\//g, '\\').toLowerCase();
  // SYSTEM's USERNAME is the computer's account (NAME$), its profile lives under system32\config;
  // LOCAL SERVICE and NETWORK SERVICE have theirs under ServiceProfiles.
  if (
    user.toUpperCase() === 'SYSTEM' ||
    (computer !== '' && user.toUpperCase() === `${computer.toUpperCase()}$`)
  )
    return 'SYSTEM';
  if (profile.endsWith('\\system32\\config\\systemprofile')) return 'SYSTEM';
  if (profile.includes('\\serviceprofiles\\')) return user || 'a service account';
  return null;
}

/** The gap a check records for the per-user facts it did not read as the machine account. */
export function notReadAsMachineAccount(account: string, facts: string): { message: string } {
  return {
    message: `Triage ran as ${account}, not as the signed-in user, so ${facts} were not read: ${account}'s own would be reported as the user's. Run Triage as the user (the Get help app, or an Intune script set to run with the logged-on credentials) to have them.`,
  };
}

export function machineAccountOf(ctx: ProbeContext): string | null {
  return ctx.platform === 'win32' ? windowsServiceAccount((name) => ctx.env(name)) : null;
}
