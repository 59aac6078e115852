/**
 * os.time — the time zone and the OS's own time service: which one, whether it runs, whether it says
 * the clock is synchronised and when it last was. (Triage's own measurement of the clock against
 * time servers is network.ntp.)
 */
import { join } from 'node:path';
import { defineProbe, type Gap, type ProbeContext } from '../../types';
import { optional } from '../../util/gaps';
import { parseChronySources } from '../../network/ntp/parse';
import {
  localIso,
  offsetMinutes,
  parseChronyTracking,
  parseTimedatectl,
  parseWindowsTime,
  zoneFromLink,
  type TimeData,
} from './parse';

export type { TimeData } from './parse';

/** The W32Time script is shared with network.ntp: one registry read serves both. */
const WINDOWS_SCRIPT = join(__dirname, '..', '..', 'network', 'ntp', 'network-ntp.ps1');

async function collectLinux(ctx: ProbeContext) {
  const gaps: Gap[] = [];
  const now = ctx.now();
  // timedatectl needs systemd as init; containers and minimal systems have only the files.
  const [timedatectl, link, tracking, sources] = await Promise.all([
    optional(ctx, gaps, 'systemd time settings', async () =>
      parseTimedatectl((await ctx.exec('timedatectl', ['show'])).stdout),
    ),
    optional(
      ctx,
      gaps,
      'time zone link',
      async () => (await ctx.exec('readlink', ['/etc/localtime'])).stdout,
    ),
    // chronyc exits 1 when chronyd is not running: that answers "is it running".
    optional(ctx, gaps, 'chrony state', () =>
      ctx.exec('chronyc', ['-c', 'tracking'], { okExitCodes: [0, 1] }),
    ),
    optional(ctx, gaps, 'chrony sources', () =>
      ctx.exec('chronyc', ['-c', '-n', 'sources'], { okExitCodes: [0, 1] }),
    ),
  ]);
  const zone = timedatectl?.zone ?? (link ? zoneFromLink(link) : null);
  const offset = offsetMinutes(zone, now);
  const chronyRunning = tracking === null ? null : tracking.exitCode === 0;
  const chrony = chronyRunning ? parseChronyTracking(tracking?.stdout ?? '') : null;
  const usesChrony =
    chronyRunning === true || (sources !== null && parseChronySources(sources.stdout).length > 0);
  const data: TimeData = {
    timeZone: zone,
    utcOffsetMinutes: offset,
    localTime: localIso(now, offset),
    service:
      usesChrony || chronyRunning === false
        ? {
            name: 'chrony',
            running: chronyRunning,
            synchronized: chrony?.synchronized ?? (chronyRunning === false ? false : null),
            lastSync: chrony?.lastSync ?? null,
          }
        : {
            name: timedatectl ? 'systemd-timesyncd' : null,
            running: timedatectl?.enabled ?? null,
            synchronized: timedatectl?.synchronized ?? null,
            lastSync: null,
          },
  };
  return { data, gaps };
}

async function collectDarwin(ctx: ProbeContext) {
  const gaps: Gap[] = [];
  const now = ctx.now();
  const [link, timed] = await Promise.all([
    ctx.exec('readlink', ['/etc/localtime']),
    // pgrep exits 1 when nothing matches: timed is not running.
    optional(ctx, gaps, 'time service', () => ctx.exec('pgrep', ['-x', 'timed'], { okExitCodes: [0, 1] })),
  ]);
  const zone = zoneFromLink(link.stdout);
  const offset = offsetMinutes(zone, now);
  // Whether timed is synchronised needs `systemsetup`, which needs admin rights: left unknown.
  const data: TimeData = {
    timeZone: zone,
    utcOffsetMinutes: offset,
    localTime: localIso(now, offset),
    service: {
      name: 'timed',
      running: timed === null ? null : timed.exitCode === 0,
      synchronized: null,
      lastSync: null,
    },
  };
  return { data, gaps };
}

async function collectWindows(ctx: ProbeContext) {
  const parsed = parseWindowsTime(await ctx.powershell(WINDOWS_SCRIPT));
  // `w32tm /query /status` would say when it last synchronised, but prints translated labels: not used.
  const data: TimeData = {
    timeZone: parsed.zone,
    utcOffsetMinutes: parsed.offset,
    localTime: localIso(ctx.now(), parsed.offset),
    service: { name: 'w32time', running: parsed.running, synchronized: null, lastSync: null },
  };
  return { data };
}

export const timeProbe = defineProbe<TimeData>({
  descriptor: {
    id: 'os.time',
    title: 'Date and time',
    description:
      "The time zone and the operating system's time service: which one, whether it runs and whether it says the clock is synchronised.",
    platforms: ['win32', 'darwin', 'linux'],
    timeoutMs: 5_000,
    fields: {
      timeZone: {
        type: 'string',
        nullable: true,
        description: 'The time zone (IANA name, or Windows zone id).',
      },
      utcOffsetMinutes: {
        type: 'integer',
        nullable: true,
        unit: 'minutes',
        description: 'Offset from UTC now.',
      },
      localTime: { type: 'string', description: 'Local time at the check (ISO 8601 with offset).' },
      service: { type: 'object', description: "The OS's time service." },
      'service.name': {
        type: 'string',
        nullable: true,
        enum: ['chrony', 'systemd-timesyncd', 'ntpd', 'w32time', 'timed'],
        description: 'Which service keeps the time.',
      },
      'service.running': {
        type: 'boolean',
        nullable: true,
        description: 'It is running (or, for systemd-timesyncd, enabled).',
      },
      'service.synchronized': {
        type: 'boolean',
        nullable: true,
        description: 'It says the clock is synchronised (null: unknown without admin rights).',
      },
      'service.lastSync': {
        type: 'string',
        nullable: true,
        description: 'When it last took the time from its source (ISO 8601).',
      },
    },
  },
  collectors: { linux: collectLinux, darwin: collectDarwin, win32: collectWindows },
});
