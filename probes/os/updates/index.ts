/**
 * os.updates — when updates were last installed, how many wait, and whether the update service
 * works. Read from local records only: no update server is contacted.
 */
import { join } from 'node:path';
import { ProbeError } from '../../errors';
import { defineProbe, type Gap, type ProbeContext } from '../../types';
import { optional } from '../../util/gaps';
import { gapsFromScript } from '../../util/script-errors';
import {
  daysSince,
  macosHistory,
  macosPending,
  parseAptHistory,
  parseAptUpgradable,
  parseDnfCheckUpdate,
  parseRpmLast,
  windowsUpdates,
  type ServiceState,
  type UpdatesData,
} from './parse';

export type { UpdatesData } from './parse';

async function linuxServiceState(ctx: ProbeContext, unit: string): Promise<ServiceState> {
  // Without systemd (containers) systemctl fails: the state is simply unknown.
  const enabled = await ctx
    .exec('systemctl', ['is-enabled', unit], { okExitCodes: [0, 1] })
    .catch(() => null);
  if (!enabled) return 'unknown';
  if (enabled.stdout.trim() === 'disabled' || enabled.stdout.trim() === 'masked') return 'disabled';
  const active = await ctx.exec('systemctl', ['is-active', unit], { okExitCodes: [0, 3] }).catch(() => null);
  return active?.stdout.trim() === 'active' ? 'running' : active ? 'stopped' : 'unknown';
}

async function collectLinux(ctx: ProbeContext) {
  const gaps: Gap[] = [];
  const apt = await ctx.readFile('/var/log/apt/history.log').catch((error: unknown) => {
    if (error instanceof ProbeError && (error.code === 'not-found' || error.code === 'permission-denied'))
      return null;
    throw error;
  });
  if (apt !== null) {
    const [upgradable, stamp, service] = await Promise.all([
      optional(ctx, gaps, 'pending', async () =>
        parseAptUpgradable((await ctx.exec('apt', ['list', '--upgradable'], { timeoutMs: 15_000 })).stdout),
      ),
      ctx.exec('stat', ['-c', '%Y', '/var/lib/apt/periodic/update-success-stamp']).then(
        (r) => new Date(Number(r.stdout.trim()) * 1000).toISOString(),
        () => null,
      ),
      linuxServiceState(ctx, 'apt-daily-upgrade.timer'),
    ]);
    const last = parseAptHistory(apt);
    const data: UpdatesData = {
      source: 'apt',
      lastInstalledAt: last?.date ?? null,
      lastInstalledTitle: last?.title ?? null,
      daysSinceLastInstall: daysSince(last?.date ?? null, ctx.now()),
      pendingCount: upgradable?.count ?? null,
      pendingSecurityCount: upgradable?.security ?? null,
      lastCheckedAt: stamp,
      serviceState: service,
    };
    return { data, gaps };
  }
  // RPM-based: Fedora, RHEL and clones.
  const rpm = await ctx.exec('rpm', ['-qa', '--last']).catch((error: unknown) => {
    if (error instanceof ProbeError && error.code === 'command-not-found')
      throw new ProbeError(
        'unsupported',
        'Neither apt nor rpm is present: Triage reads updates on Debian, Ubuntu, Fedora and RHEL-like systems.',
      );
    throw error;
  });
  const [pending, service] = await Promise.all([
    optional(ctx, gaps, 'pending', async () =>
      parseDnfCheckUpdate(
        (
          await ctx.exec('dnf', ['check-update', '--cacheonly', '-q'], {
            okExitCodes: [0, 100],
            timeoutMs: 15_000,
          })
        ).stdout,
      ),
    ),
    linuxServiceState(ctx, 'dnf-automatic.timer'),
  ]);
  const last = parseRpmLast(rpm.stdout);
  return {
    data: {
      source: 'dnf' as const,
      lastInstalledAt: last?.date ?? null,
      lastInstalledTitle: last?.title ?? null,
      daysSinceLastInstall: daysSince(last?.date ?? null, ctx.now()),
      pendingCount: pending,
      pendingSecurityCount: null,
      lastCheckedAt: null,
      serviceState: service,
    },
    gaps,
  };
}

async function collectDarwin(ctx: ProbeContext) {
  const gaps: Gap[] = [];
  const plist = '/Library/Preferences/com.apple.SoftwareUpdate.plist';
  const [history, recommended, checked] = await Promise.all([
    optional(ctx, gaps, 'history', async () =>
      macosHistory(
        JSON.parse(
          (await ctx.exec('system_profiler', ['SPInstallHistoryDataType', '-json'], { timeoutMs: 15_000 }))
            .stdout,
        ),
      ),
    ),
    optional(ctx, gaps, 'pending', async () => {
      const r = await ctx.exec('plutil', ['-extract', 'RecommendedUpdates', 'json', '-o', '-', plist], {
        okExitCodes: [0, 1],
      });
      return macosPending(r.exitCode === 0 ? JSON.parse(r.stdout) : []);
    }),
    ctx
      .exec('plutil', ['-extract', 'LastSuccessfulDate', 'raw', '-o', '-', plist], { okExitCodes: [0, 1] })
      .then(
        (r) =>
          r.exitCode === 0 && !Number.isNaN(Date.parse(r.stdout.trim()))
            ? new Date(r.stdout.trim()).toISOString()
            : null,
        () => null,
      ),
  ]);
  const data: UpdatesData = {
    source: 'softwareupdate',
    lastInstalledAt: history?.date ?? null,
    lastInstalledTitle: history?.title ?? null,
    daysSinceLastInstall: daysSince(history?.date ?? null, ctx.now()),
    pendingCount: recommended?.count ?? null,
    pendingSecurityCount: recommended?.security ?? null,
    lastCheckedAt: checked,
    serviceState: 'unknown',
  };
  return { data, gaps };
}

async function collectWindows(ctx: ProbeContext) {
  const json = await ctx.powershell(join(__dirname, 'os-updates.ps1'));
  return { data: windowsUpdates(json, ctx.now()), gaps: gapsFromScript(json) };
}

export const updatesProbe = defineProbe<UpdatesData>({
  descriptor: {
    id: 'os.updates',
    title: 'Updates',
    description:
      'When updates were last installed and what, how many updates wait (from the local cache, never by contacting an update server), when the last check for updates succeeded, and whether the update service runs.',
    platforms: ['win32', 'darwin', 'linux'],
    // The Windows Update Agent's offline search and system_profiler's install history take seconds.
    timeoutMs: 15_000,
    fields: {
      source: {
        type: 'string',
        enum: ['windows-update', 'apt', 'dnf', 'softwareupdate'],
        description: 'Where the update information came from.',
      },
      lastInstalledAt: {
        type: 'string',
        nullable: true,
        description: 'When updates were last installed (ISO 8601; apt logs local time).',
      },
      lastInstalledTitle: { type: 'string', nullable: true, description: 'What was installed then.' },
      daysSinceLastInstall: {
        type: 'integer',
        nullable: true,
        unit: 'days',
        description: 'Days since then.',
      },
      pendingCount: {
        type: 'integer',
        nullable: true,
        unit: 'count',
        description: 'Updates available but not installed, as far as the local cache knows.',
      },
      pendingSecurityCount: {
        type: 'integer',
        nullable: true,
        unit: 'count',
        description: 'Of those, security updates.',
      },
      lastCheckedAt: {
        type: 'string',
        nullable: true,
        description: 'When the last check for updates succeeded.',
      },
      serviceState: {
        type: 'string',
        enum: ['running', 'stopped', 'disabled', 'unknown'],
        description: 'The automatic update service (wuauserv, apt-daily-upgrade, dnf-automatic).',
      },
    },
  },
  collectors: { linux: collectLinux, darwin: collectDarwin, win32: collectWindows },
});
