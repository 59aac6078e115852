/**
 * security.accounts — the signed-in user, whether they are a local administrator, and whether the
 * screen locks by itself and after how long.
 */
import { join } from 'node:path';
import { defineProbe, type Gap, type ProbeContext } from '../../types';
import { windowsSystemProgram } from '../../system/windows-paths';
import { machineAccountOf, notReadAsMachineAccount } from '../../system/account';
import { optional } from '../../util/gaps';
import { gapsFromScript } from '../../util/script-errors';
import {
  isAdminFromGroups,
  isAdminFromWhoami,
  parseGnomeLock,
  parseSysadminctl,
  parseWindowsAccounts,
  type AccountsData,
} from './parse';

export type { AccountsData } from './parse';

/** Run as SYSTEM or root, this check has no user to describe: it says so instead of describing that account. */
function asMachineAccount(account: string): { data: AccountsData; gaps: Gap[] } {
  return {
    data: { user: null, isAdmin: null, screenLock: { enabled: null, timeoutSeconds: null } },
    gaps: [
      {
        part: 'the signed-in user',
        code: 'not-available',
        ...notReadAsMachineAccount(account, "the user's account, administrator rights and screen lock"),
      },
    ],
  };
}

async function collectUnix(ctx: ProbeContext) {
  const gaps: Gap[] = [];
  const [user, groups] = await Promise.all([ctx.exec('id', ['-un']), ctx.exec('id', ['-Gn'])]);
  if (user.stdout.trim() === 'root') return asMachineAccount('root');
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
      isAdmin: isAdminFromGroups(groups.stdout),
      screenLock,
    } satisfies AccountsData,
    gaps,
  };
}

async function collectWindows(ctx: ProbeContext) {
  const account = machineAccountOf(ctx);
  if (account !== null) return asMachineAccount(account);
  const gaps: Gap[] = [];
  const [json, groups] = await Promise.all([
    ctx.powershell(join(__dirname, 'security-accounts.ps1')),
    // SIDs and attribute flags are the same in every language; whoami is started by absolute path
    // so a whoami.exe in the current folder cannot stand in for Windows' own.
    optional(ctx, gaps, 'administrator rights (whoami /groups)', async () =>
      isAdminFromWhoami(
        (
          await ctx.exec(
            windowsSystemProgram('whoami.exe', (name) => ctx.env(name)),
            ['/groups', '/fo', 'csv'],
          )
        ).stdout,
      ),
    ),
  ]);
  gaps.push(...gapsFromScript(json));
  const domain = ctx.env('USERDOMAIN');
  const name = ctx.env('USERNAME');
  const user = name ? (domain ? `${domain}\\${name}` : name) : null;
  return { data: parseWindowsAccounts(json, { user, isAdmin: groups }), gaps };
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
