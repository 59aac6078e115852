/**
 * The user's display name ("Anna Schmidt"), to prefill the contact form. A login name such as
 * "root" or "aschmidt" is not a name, so where the OS keeps no display name the field stays empty
 * for the user to fill.
 *
 * - Linux: the first comma-separated field of the account's GECOS entry in /etc/passwd.
 * - macOS: `id -F` prints the account's full name (RealName in Directory Services).
 * - Windows: no cheap, reliable source in the user's context (the display name lives in AD or
 *   Entra ID, and `net user` output is localised): left empty.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import os from 'node:os';

/** The display name of account `uid` in passwd(5) text, or '' when it has none. */
export function gecosName(passwd: string, uid: number): string {
  for (const line of passwd.split('\n')) {
    const fields = line.split(':');
    if (fields.length < 7 || Number(fields[2]) !== uid || fields[2] === '') continue;
    const name = (fields[4] ?? '').split(',')[0]?.trim() ?? '';
    // Debian fills the GECOS of system accounts with their login name or a role ("root", "daemon").
    return name === fields[0] || name.toLowerCase() === 'root' ? '' : name.slice(0, 200);
  }
  return '';
}

function macFullName(): Promise<string> {
  return new Promise((resolve) => {
    execFile('/usr/bin/id', ['-F'], { timeout: 2000, encoding: 'utf8' }, (error, stdout) =>
      resolve(error ? '' : stdout.trim().slice(0, 200)),
    );
  });
}

export async function displayName(platform: NodeJS.Platform = process.platform): Promise<string> {
  try {
    if (platform === 'linux') return gecosName(await readFile('/etc/passwd', 'utf8'), os.userInfo().uid);
    if (platform === 'darwin') {
      const name = await macFullName();
      return name === os.userInfo().username ? '' : name;
    }
  } catch {
    // No passwd entry (some containers), no `id`: the user types their name.
  }
  return '';
}
