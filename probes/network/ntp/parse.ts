/**
 * Pure parsers and judgement for network.ntp (and os.time, which shares the configuration parsers):
 * which time sources the OS is set to use, and which clock to believe when they disagree.
 */
import { asString, prop } from '../../util/parse';

export type TimeService = 'chrony' | 'systemd-timesyncd' | 'ntpd' | 'w32time' | 'timed';

export interface TimeSourceConfiguration {
  service: TimeService | null;
  /** Windows W32Time's Type: NTP (the listed servers), NT5DS (the domain hierarchy), AllSync, NoSync. */
  mode: string | null;
  servers: string[];
}

export interface NtpServerResult {
  server: string;
  role: 'configured' | 'fallback';
  offsetMs: number | null;
  roundTripMs: number | null;
  stratum: number | null;
  error: string | null;
  /** Its clock disagrees with the other sources: it is the one that is wrong, not this machine. */
  wrongClock: boolean;
}

export interface NtpData {
  configured: TimeSourceConfiguration;
  servers: NtpServerResult[];
  /** This machine's clock minus true time (ms; positive: ahead), from the sources that agree. */
  clockOffsetMs: number | null;
  /** The server the offset was taken from. */
  offsetFrom: string | null;
}

/** Host names as written in configuration: `server`/`pool` lines of chrony.conf and ntp.conf. */
export function parseNtpConf(text: string): string[] {
  const servers: string[] = [];
  for (const raw of text.split('\n')) {
    const [keyword, host] = raw.replace(/#.*$/, '').trim().split(/\s+/);
    if (
      (keyword === 'server' || keyword === 'pool' || keyword === 'peer') &&
      host &&
      !host.startsWith('127.127.')
    )
      servers.push(host);
  }
  return [...new Set(servers)];
}

/** `chronyc -c sources`: CSV of mode, state, name, stratum, poll, reach, last rx, offsets…; mode ^ is a server. */
export function parseChronySources(text: string): string[] {
  return [
    ...new Set(
      text
        .split('\n')
        .map((line) => line.split(','))
        .filter((fields) => fields[0] === '^' && fields[2])
        .map((fields) => fields[2] ?? ''),
    ),
  ];
}

/** systemd-timesyncd's configuration: `NTP=` (and `FallbackNTP=` when NTP is empty) in timesyncd.conf. */
export function parseTimesyncdConf(text: string): string[] {
  const value = (key: string): string[] =>
    (new RegExp(`^[ \\t]*${key}[ \\t]*=[ \\t]*(.*)$`, 'm').exec(text)?.[1] ?? '')
      .split(/\s+/)
      .filter(Boolean);
  const servers = value('NTP');
  return servers.length ? servers : value('FallbackNTP');
}

/** W32Time's NtpServer: "time.windows.com,0x9 ntp.corp.example,0x8" — names with flags after a comma. */
export function parseW32TimeServers(value: string | null): string[] {
  return (value ?? '')
    .split(/\s+/)
    .map((entry) => entry.split(',')[0] ?? '')
    .filter(Boolean);
}

/**
 * The JSON of network-ntp.ps1 (W32Time registry and service). Values set by Group Policy or Intune
 * (HKLM\SOFTWARE\Policies\Microsoft\W32time\Parameters) take precedence over the service's own
 * Parameters key: W32Time reads the policy key first, so a machine whose policy names the company's
 * time server uses it even though its own key still says time.windows.com.
 */
export function parseWindowsTimeConfig(json: unknown): TimeSourceConfiguration {
  const policyServer = asString(prop(json, 'policyNtpServer'));
  const mode = asString(prop(json, 'policyType')) ?? asString(prop(json, 'type'));
  const server = policyServer ?? asString(prop(json, 'ntpServer'));
  // NT5DS and AllSync follow the domain hierarchy: the listed NtpServer is not what is used.
  const servers = mode === 'NTP' || mode === 'AllSync' ? parseW32TimeServers(server) : [];
  return { service: 'w32time', mode, servers };
}

/** Two clocks within this of each other tell the same time (network jitter and SNTP's precision stay far below it). */
const AGREE_MS = 2_000;

/**
 * Which clock to believe. If this machine's clock is wrong, every server shows the same offset; if a
 * server's clock is wrong, it alone disagrees. So the largest group of servers that agree (within
 * 2 s) wins, and the offset comes from its nearest member. With a tie (typically the configured
 * source against one fallback), the group holding a fallback server wins: public time services are
 * kept right by their operators, while a wrong local server is exactly what this check is for.
 * Those outside the winning group are marked `wrongClock`.
 */
export function judgeOffsets(servers: readonly Omit<NtpServerResult, 'wrongClock'>[]): {
  servers: NtpServerResult[];
  clockOffsetMs: number | null;
  offsetFrom: string | null;
} {
  const answering = servers.filter((s) => s.offsetMs !== null);
  if (answering.length === 0)
    return {
      servers: servers.map((s) => ({ ...s, wrongClock: false })),
      clockOffsetMs: null,
      offsetFrom: null,
    };
  const groups = answering.map((s) =>
    answering.filter((o) => Math.abs((o.offsetMs ?? 0) - (s.offsetMs ?? 0)) <= AGREE_MS),
  );
  const best = groups.reduce((a, b) =>
    b.length > a.length ||
    (b.length === a.length && !a.some((s) => s.role === 'fallback') && b.some((s) => s.role === 'fallback'))
      ? b
      : a,
  );
  const trusted = new Set(best.map((s) => s.server));
  // SNTP's error is bounded by half the round trip: the nearest trusted server measures best.
  const nearest = [...best].sort((a, b) => (a.roundTripMs ?? Infinity) - (b.roundTripMs ?? Infinity))[0];
  return {
    servers: servers.map((s) => ({ ...s, wrongClock: s.offsetMs !== null && !trusted.has(s.server) })),
    clockOffsetMs: nearest?.offsetMs ?? null,
    offsetFrom: nearest?.server ?? null,
  };
}
