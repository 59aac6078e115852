/**
 * network.ntp — the time sources this machine is configured with, and an SNTP query made by Triage
 * itself to each of them (up to three) and to the fallback servers: offsets, round trips, strata.
 * A server with a wrong clock is told apart from this machine's clock being wrong (judgeOffsets).
 */
import { join } from 'node:path';
import { describeError } from '../../errors';
import { defineProbe, type Gap, type ProbeContext } from '../../types';
import { ifPresent, optional } from '../../util/gaps';
import {
  judgeOffsets,
  parseChronySources,
  parseNtpConf,
  parseTimesyncdConf,
  parseWindowsTimeConfig,
  type NtpData,
  type NtpServerResult,
  type TimeSourceConfiguration,
} from './parse';

export type { NtpData } from './parse';

/** Asking more configured servers adds little: pools hand out several, and each costs a query. */
const MAX_CONFIGURED = 3;

/** The first of chrony (running, then its configuration), systemd-timesyncd and ntpd that has servers. */
async function linuxConfiguration(ctx: ProbeContext, gaps: Gap[]): Promise<TimeSourceConfiguration> {
  const chronyc = await optional(ctx, gaps, 'chrony sources', () =>
    ctx.exec('chronyc', ['-c', '-n', 'sources'], { okExitCodes: [0, 1] }),
  );
  const running = chronyc?.exitCode === 0 ? parseChronySources(chronyc.stdout) : [];
  if (running.length) return { service: 'chrony', mode: null, servers: running };
  const read = (path: string): Promise<string | null> => ifPresent(ctx, () => ctx.readFile(path));
  const [chronyConf, chronyConfAlt, timesyncd, ntpConf] = await Promise.all([
    read('/etc/chrony/chrony.conf'),
    read('/etc/chrony.conf'),
    read('/etc/systemd/timesyncd.conf'),
    read('/etc/ntp.conf'),
  ]);
  const chrony = parseNtpConf(chronyConf ?? chronyConfAlt ?? '');
  if (chrony.length) return { service: 'chrony', mode: null, servers: chrony };
  const timesync = parseTimesyncdConf(timesyncd ?? '');
  if (timesync.length) return { service: 'systemd-timesyncd', mode: null, servers: timesync };
  const ntp = parseNtpConf(ntpConf ?? '');
  return ntp.length
    ? { service: 'ntpd', mode: null, servers: ntp }
    : { service: null, mode: null, servers: [] };
}

async function configuration(ctx: ProbeContext, gaps: Gap[]): Promise<TimeSourceConfiguration> {
  if (ctx.platform === 'win32')
    return parseWindowsTimeConfig(await ctx.powershell(join(__dirname, 'network-ntp.ps1')));
  if (ctx.platform === 'darwin') {
    // timed reads the server from /etc/ntp.conf (System Settings writes it there).
    const conf = await optional(ctx, gaps, 'time server setting', () => ctx.readFile('/etc/ntp.conf'));
    return { service: 'timed', mode: null, servers: parseNtpConf(conf ?? '') };
  }
  return linuxConfiguration(ctx, gaps);
}

async function ask(
  ctx: ProbeContext,
  server: string,
  role: NtpServerResult['role'],
): Promise<Omit<NtpServerResult, 'wrongClock'>> {
  try {
    const answer = await ctx.net.sntp(server, { timeoutMs: ctx.config.ntp.timeoutMs });
    return {
      server,
      role,
      offsetMs: Math.round(answer.offsetMs),
      roundTripMs: Math.round(answer.roundTripMs),
      stratum: answer.stratum,
      error: null,
    };
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    return {
      server,
      role,
      offsetMs: null,
      roundTripMs: null,
      stratum: null,
      error: describeError(error).message,
    };
  }
}

async function collect(ctx: ProbeContext) {
  const gaps: Gap[] = [];
  const configured = await configuration(ctx, gaps);
  const mine = configured.servers.slice(0, MAX_CONFIGURED);
  const fallbacks = ctx.config.ntp.fallbackServers.filter((s) => !mine.includes(s));
  const answers = await Promise.all([
    ...mine.map((s) => ask(ctx, s, 'configured')),
    ...fallbacks.map((s) => ask(ctx, s, 'fallback')),
  ]);
  const judged = judgeOffsets(answers);
  const data: NtpData = { configured, ...judged };
  return { data, gaps };
}

export const ntpProbe = defineProbe<NtpData>({
  descriptor: {
    id: 'network.ntp',
    title: 'Time servers',
    description:
      'The time sources this computer is set to use, asked directly (SNTP) along with fallback servers: how far this clock is off, and whether a source itself is wrong or unreachable.',
    platforms: ['win32', 'darwin', 'linux'],
    // All servers are asked at once; each waits at most ntp.timeoutMs (2 s by default).
    timeoutMs: 8_000,
    fields: {
      configured: { type: 'object', description: "The OS's time source configuration." },
      'configured.service': {
        type: 'string',
        nullable: true,
        enum: ['chrony', 'systemd-timesyncd', 'ntpd', 'w32time', 'timed'],
        description: 'The time service configured.',
      },
      'configured.mode': {
        type: 'string',
        nullable: true,
        description: 'Windows W32Time Type: NTP (listed servers), NT5DS (domain hierarchy), AllSync, NoSync.',
      },
      'configured.servers': { type: 'string[]', description: 'Configured time servers.' },
      servers: { type: 'object[]', description: 'Each server asked by Triage.' },
      'servers[].server': { type: 'string', description: 'Name or address asked.' },
      'servers[].role': {
        type: 'string',
        enum: ['configured', 'fallback'],
        description: 'Configured on this machine, or one of ntp.fallbackServers.',
      },
      'servers[].offsetMs': {
        type: 'integer',
        nullable: true,
        unit: 'ms',
        description: "This clock minus the server's (positive: this machine is ahead).",
      },
      'servers[].roundTripMs': {
        type: 'integer',
        nullable: true,
        unit: 'ms',
        description: 'Round trip of the query.',
      },
      'servers[].stratum': {
        type: 'integer',
        nullable: true,
        description: 'Distance from a reference clock (1 = directly attached).',
      },
      'servers[].error': { type: 'string', nullable: true, description: 'Why it did not answer.' },
      'servers[].wrongClock': {
        type: 'boolean',
        description: 'Its time disagrees with the other sources: the server is wrong, not this machine.',
      },
      clockOffsetMs: {
        type: 'integer',
        nullable: true,
        unit: 'ms',
        description: "How far this machine's clock is off, from the sources that agree.",
      },
      offsetFrom: { type: 'string', nullable: true, description: 'The server that offset was taken from.' },
    },
  },
  collectors: { linux: collect, darwin: collect, win32: collect },
});
