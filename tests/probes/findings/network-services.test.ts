/**
 * Network services rules (DNS, time, connectivity): each fires on the data that means trouble and
 * stays silent on a healthy network.
 */
import { describe, expect, it } from 'vitest';
import { networkServicesRules } from '../../../probes/findings/rules/network-services';
import type { ConnectivityData } from '../../../probes/network/connectivity';
import type { DnsData } from '../../../probes/network/dns';
import type { GatewayData } from '../../../probes/network/gateway';
import type { DnsServerResult, ServerVerdict } from '../../../probes/network/dns/parse';
import type { NtpData } from '../../../probes/network/ntp';
import { reportWith, type ReportData } from '../../support/reports';

const run = (data: ReportData) => networkServicesRules.flatMap((r) => r.evaluate(reportWith(data)));
const ids = (data: ReportData) => run(data).map((f) => `${f.id}:${f.severity}`);

const server = (
  address: string,
  verdict: ServerVerdict,
  over: Partial<DnsServerResult> = {},
): DnsServerResult => ({
  address,
  interfaces: ['Ethernet'],
  verdict,
  medianMs: verdict === 'dead' ? null : verdict === 'slow' ? 1400 : 12,
  queries: [
    {
      name: 'intranet.corp.example',
      outcome: verdict === 'lying' ? 'nxdomain' : verdict === 'dead' ? 'timeout' : 'ok',
      addresses: [],
      durationMs: 12,
    },
  ],
  ...over,
});
const dns = (servers: DnsServerResult[], systemResolves = true): DnsData => ({
  source: 'windows',
  servers,
  searchDomains: [],
  system: [
    { name: 'www.example.org', outcome: systemResolves ? 'ok' : 'timeout', addresses: [], durationMs: 10 },
  ],
  systemResolves,
});

describe('DNS rules', () => {
  it('stay silent on a healthy network', () => {
    expect(run({ 'network.dns': dns([server('10.0.0.10', 'ok'), server('10.0.0.11', 'ok')]) })).toEqual([]);
  });
  it('name the dead server when another one works', () => {
    const [finding] = run({ 'network.dns': dns([server('10.0.0.10', 'dead'), server('10.0.0.11', 'ok')]) });
    expect(finding).toMatchObject({
      id: 'network.dns-server-dead',
      severity: 'warning',
      params: { server: '10.0.0.10', working: '10.0.0.11' },
    });
  });
  it('are critical when every server is dead, and say nothing else about it', () => {
    expect(
      ids({ 'network.dns': dns([server('10.0.0.10', 'dead'), server('10.0.0.11', 'dead')], false) }),
    ).toEqual(['network.dns-all-dead:critical']);
  });
  it('flag a slow server', () => {
    expect(ids({ 'network.dns': dns([server('10.0.0.10', 'slow')]) })).toEqual(['network.dns-slow:warning']);
  });
  it("leave slowness the link explains to the link: answers within a few round trips of a slow router are not the server's fault", () => {
    const slowLink = (avgMs: number): GatewayData => ({
      defaultRoute: true,
      gateway: '10.0.0.1',
      interface: 'Wi-Fi',
      ipv6Gateway: null,
      ping: { sent: 10, received: 10, lossPercent: 0, avgMs, minMs: avgMs - 5, maxMs: avgMs + 20 },
    });
    const answeredIn = (ms: number) =>
      server('10.0.0.10', 'slow', {
        medianMs: ms,
        queries: [{ name: 'www.example.org', outcome: 'ok', addresses: ['192.0.2.1'], durationMs: ms }],
      });
    // 300 ms to the router: 600 ms answers are the link (neighbour lookup + question), not the server.
    expect(ids({ 'network.dns': dns([answeredIn(600)]), 'network.gateway': slowLink(300) })).toEqual([]);
    // A server far slower than the link is still named, and so is one that left questions unanswered.
    expect(ids({ 'network.dns': dns([answeredIn(1_500)]), 'network.gateway': slowLink(300) })).toEqual([
      'network.dns-slow:warning',
    ]);
    const unanswered = server('10.0.0.10', 'slow', {
      medianMs: 600,
      queries: [
        { name: 'a.example', outcome: 'ok', addresses: [], durationMs: 600 },
        { name: 'b.example', outcome: 'timeout', addresses: [], durationMs: 2_000 },
      ],
    });
    expect(ids({ 'network.dns': dns([unanswered]), 'network.gateway': slowLink(300) })).toEqual([
      'network.dns-slow:warning',
    ]);
    // A fast router explains nothing.
    expect(ids({ 'network.dns': dns([answeredIn(600)]), 'network.gateway': slowLink(4) })).toEqual([
      'network.dns-slow:warning',
    ]);
  });
  it('flag a lying server: a warning beside an honest one, critical alone', () => {
    expect(ids({ 'network.dns': dns([server('192.168.1.1', 'lying'), server('10.0.0.10', 'ok')]) })).toEqual([
      'network.dns-lying:warning',
    ]);
    const [alone] = run({ 'network.dns': dns([server('192.168.1.1', 'lying')]) });
    expect(alone).toMatchObject({
      severity: 'critical',
      params: { server: '192.168.1.1', names: 'intranet.corp.example' },
    });
  });
  it('flag a server answering with errors', () => {
    expect(ids({ 'network.dns': dns([server('10.0.0.10', 'failing'), server('10.0.0.11', 'ok')]) })).toEqual([
      'network.dns-server-failing:warning',
    ]);
  });
  it('blame the computer when the servers answer but its own lookups fail', () => {
    expect(ids({ 'network.dns': dns([server('10.0.0.10', 'ok')], false) })).toEqual([
      'network.dns-system-failing:warning',
    ]);
  });
  it('stay silent without DNS data', () => {
    expect(run({})).toEqual([]);
  });
});

const connectivity = (
  over: {
    check?: Partial<ConnectivityData['check']>;
    proxy?: Partial<ConnectivityData['proxy']>;
    targets?: ConnectivityData['targets'];
  } = {},
): ConnectivityData => ({
  check: {
    url: 'http://check.example/t.txt',
    outcome: 'ok',
    status: 200,
    location: null,
    durationMs: 40,
    viaProxy: null,
    error: null,
    ...over.check,
  },
  proxy: {
    source: 'none',
    server: null,
    pacUrl: null,
    autoDetect: null,
    bypass: [],
    reachable: null,
    pacReachable: null,
    ...over.proxy,
  },
  targets: over.targets ?? [{ host: 'teams.example', alive: true, lossPercent: 0, avgMs: 25 }],
});

describe('connectivity rules', () => {
  it('stay silent when the internet answers as expected', () => {
    expect(run({ 'network.connectivity': connectivity() })).toEqual([]);
  });
  it('send the user to the login page of a captive portal', () => {
    const [finding] = run({
      'network.connectivity': connectivity({
        check: { outcome: 'captive-portal', status: 302, location: 'http://login.hotel.example/p' },
      }),
    });
    expect(finding).toMatchObject({
      id: 'network.captive-portal',
      severity: 'warning',
      settings: 'sign-in-page',
      params: { portal: 'login.hotel.example' },
    });
  });
  it('blame an unreachable proxy, not "no internet"', () => {
    expect(
      ids({
        'network.connectivity': connectivity({
          check: { outcome: 'failed', error: 'ECONNREFUSED' },
          proxy: { source: 'environment', server: 'proxy.example:3128', reachable: false },
        }),
      }),
    ).toEqual(['network.proxy-unreachable:critical']);
  });
  it('say the proxy asks for a sign-in (407), not "filtered" or "no internet"', () => {
    const findings = run({
      'network.connectivity': connectivity({
        check: { outcome: 'proxy-auth', status: 407, viaProxy: 'proxy.example:3128' },
        proxy: { source: 'windows', server: 'proxy.example:3128', reachable: true },
      }),
    });
    expect(findings.map((f) => `${f.id}:${f.severity}`)).toEqual(['network.proxy-sign-in:warning']);
    expect(findings[0]).toMatchObject({ params: { proxy: 'proxy.example:3128' } });
    // Signing in again is the fix; no settings page does that.
    expect(findings[0]?.settings).toBeUndefined();
  });
  it('flag a PAC file that cannot be downloaded', () => {
    expect(
      ids({
        'network.connectivity': connectivity({
          proxy: { pacUrl: 'http://pac.example/p.pac', pacReachable: false },
        }),
      }),
    ).toEqual(['network.pac-unreachable:warning']);
  });
  it('say the internet is unreachable when nothing answers and nothing else explains it', () => {
    expect(
      ids({
        'network.connectivity': connectivity({
          check: { outcome: 'failed', status: null, error: 'timeout' },
        }),
      }),
    ).toEqual(['network.no-internet:critical']);
    // With every DNS server dead, the DNS finding is the explanation.
    expect(
      ids({
        'network.connectivity': connectivity({ check: { outcome: 'failed' } }),
        'network.dns': dns([server('10.0.0.10', 'dead')], false),
      }),
    ).toEqual(['network.dns-all-dead:critical']);
  });
  it('flag an unexpected answer as a possible filter', () => {
    expect(
      ids({ 'network.connectivity': connectivity({ check: { outcome: 'unexpected', status: 403 } }) }),
    ).toEqual(['network.internet-filtered:warning']);
  });
  it('flag loss or latency to a target, and not a healthy one', () => {
    expect(
      ids({
        'network.connectivity': connectivity({
          targets: [
            { host: 'a.example', alive: true, lossPercent: 20, avgMs: 30 },
            { host: 'b.example', alive: true, lossPercent: 0, avgMs: 310 },
            { host: 'c.example', alive: true, lossPercent: 0, avgMs: 40 },
          ],
        }),
      }),
    ).toEqual(['network.target-poor:warning', 'network.target-poor:warning']);
  });
});

const ntp = (
  clockOffsetMs: number | null,
  servers: NtpData['servers'] = [
    {
      server: 'ntp.corp.example',
      role: 'configured',
      offsetMs: clockOffsetMs,
      roundTripMs: 5,
      stratum: 2,
      error: null,
      wrongClock: false,
    },
  ],
): NtpData => ({
  configured: { service: 'chrony', mode: null, servers: ['ntp.corp.example'] },
  servers,
  clockOffsetMs,
  offsetFrom: clockOffsetMs === null ? null : 'ntp.corp.example',
});

describe('time rules', () => {
  it('stay silent on a clock a few seconds off', () =>
    expect(ids({ 'network.ntp': ntp(4_000) })).toEqual([]));
  it('warn from a minute off, and are critical from five (Kerberos)', () => {
    expect(ids({ 'network.ntp': ntp(-90_000) })).toEqual(['network.clock-off:warning']);
    const [finding] = run({ 'network.ntp': ntp(-7 * 60_000) });
    expect(finding).toMatchObject({
      severity: 'critical',
      params: { minutes: 7, direction: 'behind' },
      settings: 'date-time',
    });
  });
  it('warn when no configured time source answers', () => {
    expect(
      ids({
        'network.ntp': ntp(null, [
          {
            server: 'ntp.corp.example',
            role: 'configured',
            offsetMs: null,
            roundTripMs: null,
            stratum: null,
            error: 'timeout',
            wrongClock: false,
          },
        ]),
      }),
    ).toEqual(['network.time-source-unreachable:warning']);
  });
  it('blame a configured server with a wrong clock, not this machine', () => {
    const servers: NtpData['servers'] = [
      {
        server: 'ntp.corp.example',
        role: 'configured',
        offsetMs: -600_000,
        roundTripMs: 3,
        stratum: 4,
        error: null,
        wrongClock: true,
      },
      {
        server: 'time.example',
        role: 'fallback',
        offsetMs: 10,
        roundTripMs: 30,
        stratum: 2,
        error: null,
        wrongClock: false,
      },
    ];
    expect(run({ 'network.ntp': ntp(10, servers) })).toMatchObject([
      {
        id: 'network.time-source-wrong',
        severity: 'critical',
        params: { server: 'ntp.corp.example', minutes: 10 },
      },
    ]);
  });
  it("rate a wrong time source as the clock it will cause: critical past Kerberos' five minutes, a warning below", () => {
    const source = (offsetMs: number): NtpData['servers'] => [
      {
        server: 'ntp.corp.example',
        role: 'configured',
        offsetMs,
        roundTripMs: 3,
        stratum: 4,
        error: null,
        wrongClock: true,
      },
      {
        server: 'time.example',
        role: 'fallback',
        offsetMs: 0,
        roundTripMs: 30,
        stratum: 2,
        error: null,
        wrongClock: false,
      },
    ];
    expect(ids({ 'network.ntp': ntp(0, source(2 * 60_000)) })).toEqual(['network.time-source-wrong:warning']);
    expect(ids({ 'network.ntp': ntp(0, source(-6 * 60_000)) })).toEqual([
      'network.time-source-wrong:critical',
    ]);
  });
});
