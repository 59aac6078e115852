/** Finding rules over the network services probes (DNS, time, connectivity). Thresholds are named constants with the reason for their value. */
import { probeData } from '../../report';
import type { FindingRule, RuleFinding } from '../types';
import { noUsableLink, slowLinkRoundTripMs } from './network-link';

const dnsEvidence = (address: string, verdict: string) => [
  { probe: 'network.dns' as const, field: 'servers[].verdict', value: `${address}: ${verdict}` },
];

const dnsAllDead: FindingRule = {
  id: 'network.dns-all-dead',
  explains: ['cant-connect', 'cant-sign-in'],
  area: 'network',
  inputs: ['network.dns', 'network.interfaces'],
  evaluate(run) {
    const dns = probeData(run, 'network.dns');
    // Not connected at all: that finding explains this one.
    if (
      !dns ||
      dns.servers.length === 0 ||
      !dns.servers.every((s) => s.verdict === 'dead') ||
      noUsableLink(run)
    )
      return [];
    // No name resolves: to the user "the internet is down", although the link may be fine.
    return [
      {
        id: 'network.dns-all-dead',
        severity: 'critical',
        area: 'network',
        params: { servers: dns.servers.map((s) => s.address).join(', ') },
        evidence: dns.servers.flatMap((s) => dnsEvidence(s.address, s.verdict)),
        settings: 'network',
      },
    ];
  },
};

const dnsServerDead: FindingRule = {
  id: 'network.dns-server-dead',
  explains: ['slow', 'cant-connect'],
  area: 'network',
  inputs: ['network.dns'],
  evaluate(run) {
    const dns = probeData(run, 'network.dns');
    if (!dns) return [];
    const working = dns.servers.filter((s) => s.verdict !== 'dead');
    // With a working server left, lookups still succeed but each one first waits for the dead one.
    if (working.length === 0) return [];
    return dns.servers
      .filter((s) => s.verdict === 'dead')
      .map((s): RuleFinding => ({
        id: 'network.dns-server-dead',
        severity: 'warning',
        area: 'network',
        params: { server: s.address, working: working.map((w) => w.address).join(', ') },
        evidence: dnsEvidence(s.address, s.verdict),
      }));
  },
};

const dnsSlow: FindingRule = {
  id: 'network.dns-slow',
  explains: ['slow'],
  area: 'network',
  inputs: ['network.dns', 'network.gateway'],
  evaluate(run) {
    const dns = probeData(run, 'network.dns');
    if (!dns) return [];
    // On a slow link a first question costs up to two round trips (finding the neighbour, then the
    // question) plus jitter: answers within three are the link's slowness, already reported by
    // network.gateway-poor. Unanswered questions are never explained away.
    const linkMs = slowLinkRoundTripMs(run);
    const explainedByLink = (s: (typeof dns.servers)[number]) =>
      linkMs > 0 &&
      s.medianMs !== null &&
      s.medianMs <= 3 * linkMs &&
      s.queries.every((q) => q.outcome === 'ok');
    return dns.servers
      .filter((s) => s.verdict === 'slow' && !explainedByLink(s))
      .map((s): RuleFinding => ({
        id: 'network.dns-slow',
        severity: 'warning',
        area: 'network',
        params: { server: s.address, medianMs: s.medianMs ?? 0 },
        evidence: [{ probe: 'network.dns', field: 'servers[].medianMs', value: s.medianMs }],
      }));
  },
};

const dnsLying: FindingRule = {
  id: 'network.dns-lying',
  explains: ['cant-connect', 'cant-sign-in', 'printing'],
  area: 'network',
  inputs: ['network.dns'],
  evaluate(run) {
    const dns = probeData(run, 'network.dns');
    if (!dns) return [];
    return dns.servers
      .filter((s) => s.verdict === 'lying')
      .map((s): RuleFinding => {
        const denied = s.queries
          .filter((q) => q.outcome === 'nxdomain' || q.outcome === 'nodata')
          .map((q) => q.name);
        // Critical when no other server answers truthfully: then the organisation's services are
        // unreachable by name. With an honest server beside it, lookups fail only sometimes: a warning.
        const honest = dns.servers.some((o) => o !== s && (o.verdict === 'ok' || o.verdict === 'slow'));
        return {
          id: 'network.dns-lying',
          severity: honest ? 'warning' : 'critical',
          area: 'network',
          params: { server: s.address, names: denied.join(', ') },
          evidence: dnsEvidence(s.address, s.verdict),
          settings: 'vpn',
        };
      });
  },
};

const dnsFailing: FindingRule = {
  id: 'network.dns-server-failing',
  explains: ['cant-connect'],
  area: 'network',
  inputs: ['network.dns'],
  evaluate(run) {
    const dns = probeData(run, 'network.dns');
    if (!dns) return [];
    return dns.servers
      .filter((s) => s.verdict === 'failing')
      .map((s): RuleFinding => ({
        id: 'network.dns-server-failing',
        severity: 'warning',
        area: 'network',
        params: { server: s.address },
        evidence: dnsEvidence(s.address, s.verdict),
      }));
  },
};

const systemResolverFailing: FindingRule = {
  id: 'network.dns-system-failing',
  explains: ['cant-connect', 'cant-sign-in'],
  area: 'network',
  inputs: ['network.dns'],
  evaluate(run) {
    const dns = probeData(run, 'network.dns');
    if (!dns || dns.systemResolves) return [];
    // Only when the servers themselves answer: otherwise the dead-server findings already explain it.
    if (!dns.servers.some((s) => s.verdict === 'ok' || s.verdict === 'slow')) return [];
    const failed = dns.system.filter((q) => q.outcome !== 'ok').map((q) => q.name);
    return [
      {
        id: 'network.dns-system-failing',
        severity: 'warning',
        area: 'network',
        params: { names: failed.join(', ') },
        evidence: [{ probe: 'network.dns', field: 'systemResolves', value: false }],
      },
    ];
  },
};

/** Calls and meetings degrade from about 5 % loss (Microsoft Teams asks for under 1 %). */
const TARGET_LOSS_PERCENT = 5;
/** Teams and remote desktops suffer past about 250 ms round trip; 300 ms feels like a satellite link. */
const TARGET_LATENCY_MS = 250;

const captivePortal: FindingRule = {
  id: 'network.captive-portal',
  explains: ['cant-connect', 'cant-sign-in'],
  area: 'network',
  inputs: ['network.connectivity'],
  evaluate(run) {
    const c = probeData(run, 'network.connectivity');
    if (c?.check.outcome !== 'captive-portal') return [];
    const host = ((): string => {
      try {
        return c.check.location ? new URL(c.check.location, c.check.url).host : '';
      } catch {
        return '';
      }
    })();
    return [
      {
        id: 'network.captive-portal',
        severity: 'warning',
        area: 'network',
        // The host (empty when the network did not say) is for the technician; the words do not need it.
        params: { portal: host },
        evidence: [{ probe: 'network.connectivity', field: 'check.outcome', value: 'captive-portal' }],
        // Its fix is the sign-in page, not a Wi-Fi setting.
        settings: 'sign-in-page',
      },
    ];
  },
};

const proxyUnreachable: FindingRule = {
  id: 'network.proxy-unreachable',
  explains: ['cant-connect', 'cant-sign-in'],
  area: 'network',
  inputs: ['network.connectivity'],
  evaluate(run) {
    const c = probeData(run, 'network.connectivity');
    if (!c?.proxy.server || c.proxy.reachable !== false) return [];
    // Everything that uses the proxy fails: critical.
    return [
      {
        id: 'network.proxy-unreachable',
        severity: 'critical',
        area: 'network',
        params: { proxy: c.proxy.server },
        evidence: [{ probe: 'network.connectivity', field: 'proxy.reachable', value: false }],
        // The user's step is to connect the VPN; the proxy settings are IT's.
        settings: 'vpn',
      },
    ];
  },
};

const proxySignIn: FindingRule = {
  id: 'network.proxy-sign-in',
  explains: ['cant-connect', 'cant-sign-in'],
  area: 'network',
  inputs: ['network.connectivity'],
  evaluate(run) {
    const c = probeData(run, 'network.connectivity');
    if (c?.check.outcome !== 'proxy-auth') return [];
    // Applications that cannot sign in to the proxy get nothing through it; those that can (the
    // browser, with the user's Windows sign-in) may still work: a warning, not critical.
    return [
      {
        id: 'network.proxy-sign-in',
        severity: 'warning',
        area: 'network',
        params: { proxy: c.check.viaProxy ?? c.proxy.server ?? '' },
        // No settings page: the user's steps are signing in again, which no settings page does.
        evidence: [{ probe: 'network.connectivity', field: 'check.outcome', value: 'proxy-auth' }],
      },
    ];
  },
};

const pacUnreachable: FindingRule = {
  id: 'network.pac-unreachable',
  explains: ['cant-connect', 'slow'],
  area: 'network',
  inputs: ['network.connectivity'],
  evaluate(run) {
    const c = probeData(run, 'network.connectivity');
    if (!c?.proxy.pacUrl || c.proxy.pacReachable !== false) return [];
    // Browsers then fall back to a direct connection or a cached script: some sites fail, not all.
    return [
      {
        id: 'network.pac-unreachable',
        severity: 'warning',
        area: 'network',
        params: { pacUrl: c.proxy.pacUrl },
        evidence: [{ probe: 'network.connectivity', field: 'proxy.pacReachable', value: false }],
        settings: 'proxy',
      },
    ];
  },
};

/** Loss to the router at which the link itself is the problem (network.gateway-poor's threshold). */
const LOSSY_LINK_PERCENT = 10;

/** The check URL's answer, unless a cause found elsewhere explains it better (a dead proxy, DNS answering nothing). */
function unexplainedCheck(run: Parameters<FindingRule['evaluate']>[0], outcome: 'failed' | 'unexpected') {
  const c = probeData(run, 'network.connectivity');
  // No default route, or a link to the router that loses packets, explains it better.
  const gateway = probeData(run, 'network.gateway');
  if (
    c?.check.outcome !== outcome ||
    noUsableLink(run) ||
    gateway?.defaultRoute === false ||
    (gateway?.ping && gateway.ping.lossPercent >= LOSSY_LINK_PERCENT)
  )
    return null;
  if (c.proxy.server && c.proxy.reachable === false) return null;
  const dns = probeData(run, 'network.dns');
  if (dns && dns.servers.length > 0 && dns.servers.every((s) => s.verdict === 'dead')) return null;
  return c;
}

const noInternet: FindingRule = {
  id: 'network.no-internet',
  explains: ['cant-connect', 'cant-sign-in'],
  area: 'network',
  inputs: ['network.connectivity', 'network.dns', 'network.interfaces', 'network.gateway'],
  evaluate(run) {
    const c = unexplainedCheck(run, 'failed');
    // Nothing answers at all: critical.
    return c
      ? [
          {
            id: 'network.no-internet',
            severity: 'critical',
            area: 'network',
            params: { url: c.check.url, error: c.check.error ?? '' },
            evidence: [{ probe: 'network.connectivity', field: 'check.outcome', value: 'failed' }],
            settings: 'network',
          },
        ]
      : [];
  },
};

const internetFiltered: FindingRule = {
  id: 'network.internet-filtered',
  explains: ['cant-connect'],
  area: 'network',
  inputs: ['network.connectivity', 'network.dns', 'network.interfaces', 'network.gateway'],
  evaluate(run) {
    const c = unexplainedCheck(run, 'unexpected');
    // Something answers, but not with the expected page: a filter, a block page or a broken proxy.
    return c
      ? [
          {
            id: 'network.internet-filtered',
            severity: 'warning',
            area: 'network',
            params: { url: c.check.url, status: c.check.status ?? 0 },
            evidence: [{ probe: 'network.connectivity', field: 'check.status', value: c.check.status }],
          },
        ]
      : [];
  },
};

const targetQuality: FindingRule = {
  id: 'network.target-poor',
  explains: ['slow', 'cant-connect'],
  area: 'network',
  inputs: ['network.connectivity'],
  evaluate(run) {
    const c = probeData(run, 'network.connectivity');
    if (!c) return [];
    return c.targets
      .filter((t) => t.alive && (t.lossPercent >= TARGET_LOSS_PERCENT || (t.avgMs ?? 0) >= TARGET_LATENCY_MS))
      .map((t): RuleFinding => ({
        id: 'network.target-poor',
        severity: 'warning',
        area: 'network',
        params: { host: t.host, lossPercent: Math.round(t.lossPercent), avgMs: Math.round(t.avgMs ?? 0) },
        evidence: [
          { probe: 'network.connectivity', field: 'targets[].lossPercent', value: t.lossPercent },
          { probe: 'network.connectivity', field: 'targets[].avgMs', value: t.avgMs },
        ],
      }));
  },
};

/** Kerberos (Windows sign-in, file shares) refuses tickets when clocks differ by more than 5 minutes (its default MaxClockSkew). */
const CLOCK_CRITICAL_MS = 5 * 60_000;
/** A minute off already breaks one-time codes (30 s steps) and confuses logs and calendars. */
const CLOCK_WARNING_MS = 60_000;

const clockOff: FindingRule = {
  id: 'network.clock-off',
  explains: ['cant-sign-in', 'cant-connect'],
  area: 'network',
  inputs: ['network.ntp'],
  evaluate(run) {
    const ntp = probeData(run, 'network.ntp');
    if (ntp?.clockOffsetMs === null || ntp?.clockOffsetMs === undefined) return [];
    const off = Math.abs(ntp.clockOffsetMs);
    if (off < CLOCK_WARNING_MS) return [];
    return [
      {
        id: 'network.clock-off',
        severity: off >= CLOCK_CRITICAL_MS ? 'critical' : 'warning',
        area: 'network',
        params: {
          minutes: Math.round(off / 6_000) / 10,
          direction: ntp.clockOffsetMs > 0 ? 'ahead' : 'behind',
        },
        evidence: [{ probe: 'network.ntp', field: 'clockOffsetMs', value: ntp.clockOffsetMs }],
        settings: 'date-time',
      },
    ];
  },
};

const timeSourceUnreachable: FindingRule = {
  id: 'network.time-source-unreachable',
  explains: ['cant-sign-in'],
  area: 'network',
  inputs: ['network.ntp', 'network.interfaces'],
  evaluate(run) {
    if (noUsableLink(run)) return [];
    const ntp = probeData(run, 'network.ntp');
    const configured = ntp?.servers.filter((s) => s.role === 'configured') ?? [];
    if (!ntp || configured.length === 0 || configured.some((s) => s.offsetMs !== null)) return [];
    // The clock drifts freely until a source answers again: seconds a day, minutes within weeks.
    return [
      {
        id: 'network.time-source-unreachable',
        severity: 'warning',
        area: 'network',
        params: { servers: configured.map((s) => s.server).join(', ') },
        evidence: configured.map((s) => ({
          probe: 'network.ntp' as const,
          field: 'servers[].error',
          value: s.error,
        })),
      },
    ];
  },
};

const timeSourceWrong: FindingRule = {
  id: 'network.time-source-wrong',
  explains: ['cant-sign-in', 'cant-connect'],
  area: 'network',
  inputs: ['network.ntp'],
  evaluate(run) {
    const ntp = probeData(run, 'network.ntp');
    if (!ntp) return [];
    // This machine follows its configured source: what that source is off by, the clock soon is too,
    // so the thresholds are the clock's own (critical beyond Kerberos' five minutes).
    return ntp.servers
      .filter((s) => s.wrongClock && s.role === 'configured')
      .map((s): RuleFinding => {
        const offMs = Math.abs((s.offsetMs ?? 0) - (ntp.clockOffsetMs ?? 0));
        return {
          id: 'network.time-source-wrong',
          severity: offMs >= CLOCK_CRITICAL_MS ? 'critical' : 'warning',
          area: 'network',
          params: { server: s.server, minutes: Math.round(offMs / 6_000) / 10 },
          evidence: [{ probe: 'network.ntp', field: 'servers[].offsetMs', value: s.offsetMs }],
        };
      });
  },
};

export const networkServicesRules: readonly FindingRule[] = [
  clockOff,
  timeSourceUnreachable,
  timeSourceWrong,
  dnsAllDead,
  dnsServerDead,
  dnsSlow,
  dnsLying,
  dnsFailing,
  systemResolverFailing,
  captivePortal,
  proxyUnreachable,
  proxySignIn,
  pacUnreachable,
  noInternet,
  internetFiltered,
  targetQuality,
];
