/**
 * security.accounts — the signed-in user, whether they are a local administrator, and whether the
 * screen locks by itself and after how long.
 */
import { join } from 'node:path';
import { defineProbe, type Gap, type ProbeContext } from '../../types';
import { optional } from '../../util/gaps';
import {
  isAdminFromGroups,
  parseGnomeLock,
  parseSysadminctl,
  parseWindowsAccounts,
  type AccountsData,
} from './parse';

export type { AccountsData } from './parse';

async function collectUnix(ctx: ProbeContext) {
  const gaps: Gap[] = [];
  const [user, groups] = await Promise.all([ctx.exec('id', ['-un']), ctx.exec('id', ['-Gn'])]);
  let screenLock: AccountsData['screenLock'] = { enabled: null, timeoutSeconds: null };
  if (ctx.platform === 'darwin') {
    // sysadminctl prints its answer on stderr.
    const out = await optional(ctx, gaps, 'screen lock', () =>
      ctx.exec('sysadminctl', ['-screenLock', 'status']),
    );
    screenLock = (out ? parseSysadminctl(`${out.stdout}\n${out.stderr}`) : null) ?? screenLock;
  } else {
    // GNOME's settings; other desktops keep theirs elsewhere, which is then a gap.
    const lock = await optional(ctx, gaps, 'screen lock (GNOME settings)', async () => {
      const [enabled, delay] = await Promise.all([
        ctx.exec('gsettings', ['get', 'org.gnome.desktop.screensaver', 'lock-enabled']),
        ctx.exec('gsettings', ['get', 'org.gnome.desktop.session', 'idle-delay']),
      ]);
      return parseGnomeLock(enabled.stdout, delay.stdout);
    });
    if (lock) screenLock = lock;
  }
  return {
    data: {
      user: user.stdout.trim() || null,
      isAdmin: isAdminFromGroups(groups.stdout) || user.stdout.trim() === 'root',
      screenLock,
    } satisfies AccountsData,
    gaps,
  };
}

async function collectWindows(ctx: ProbeContext) {
  return { data: parseWindowsAccounts(await ctx.powershell(join(__dirname, 'security-accounts.ps1'))) };
}

export const accountsProbe = defineProbe<AccountsData>({
  descriptor: {
    id: 'security.accounts',
    title: 'User account and screen lock',
    description:
      'The signed-in user, whether they are a local administrator, and whether the screen locks by itself and after how long.',
    platforms: ['win32', 'darwin', 'linux'],
    timeoutMs: 5_000,
    fields: {
      user: { type: 'string', nullable: true, sensitive: 'username', description: 'The signed-in user.' },
      isAdmin: { type: 'boolean', nullable: true, description: 'The user is a local administrator.' },
      screenLock: {
        type: 'object',
        description: 'Whether the screen locks when the computer is left alone.',
      },
      'screenLock.enabled': {
        type: 'boolean',
        nullable: true,
        description: 'The screen locks by itself and asks for the password.',
      },
      'screenLock.timeoutSeconds': {
        type: 'integer',
        nullable: true,
        unit: 's',
        description: 'Idle time before it locks.',
      },
    },
  },
  collectors: { linux: collectUnix, darwin: collectUnix, win32: collectWindows },
});
