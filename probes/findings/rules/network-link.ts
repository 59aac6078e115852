/** Finding rules over the network link probes (interfaces, gateway, DHCP, VPN). Thresholds are named constants with the reason for their value. */
import { probeData } from '../../report';
import type { FindingRule } from '../types';

/**
 * Echo requests to one's own router should never be lost; on Wi-Fi an occasional one is. One in ten
 * lost is already enough to break calls and stall downloads.
 */
const GATEWAY_LOSS_PERCENT = 10;
/** A router on the same LAN answers in a few ms (Wi-Fi: tens of ms); 100 ms or more means congestion or a weak radio link. */
const GATEWAY_SLOW_MS = 100;

/**
 * The round trip to the router when it is slow enough to be a finding (network.gateway-poor), else 0.
 * Every answer from beyond the router takes at least this long, so slowness it explains is the
 * link's, not the far server's.
 */
export function slowLinkRoundTripMs(run: Parameters<FindingRule['evaluate']>[0]): number {
  const avgMs = probeData(run, 'network.gateway')?.ping?.avgMs ?? 0;
  return avgMs >= GATEWAY_SLOW_MS ? avgMs : 0;
}

const noDefaultRoute: FindingRule = {
  id: 'network.no-default-route',
  explains: ['cant-connect', 'cant-sign-in'],
  area: 'network',
  inputs: ['network.gateway', 'network.interfaces'],
  evaluate(run) {
    const gateway = probeData(run, 'network.gateway');
    if (!gateway || gateway.defaultRoute || noUsableLink(run)) return [];
    return [
      {
        id: 'network.no-default-route',
        severity: 'critical',
        area: 'network',
        params: {},
        evidence: [{ probe: 'network.gateway', field: 'defaultRoute', value: false }],
        settings: 'network',
      },
    ];
  },
};

const gatewayUnreachable: FindingRule = {
  id: 'network.gateway-unreachable',
  explains: ['cant-connect', 'slow'],
  area: 'network',
  inputs: ['network.gateway'],
  evaluate(run) {
    const gateway = probeData(run, 'network.gateway');
    if (!gateway?.gateway || !gateway.ping || gateway.ping.received > 0) return [];
    // Some corporate routers drop echo requests on purpose, so this is a warning, not proof of an outage.
    return [
      {
        id: 'network.gateway-unreachable',
        severity: 'warning',
        area: 'network',
        params: { gateway: gateway.gateway },
        evidence: [{ probe: 'network.gateway', field: 'ping.received', value: 0 }],
        settings: 'network',
      },
    ];
  },
};

const gatewayPoor: FindingRule = {
  id: 'network.gateway-poor',
  explains: ['cant-connect', 'slow'],
  area: 'network',
  inputs: ['network.gateway'],
  evaluate(run) {
    const gateway = probeData(run, 'network.gateway');
    const ping = gateway?.ping;
    if (!gateway?.gateway || !ping || ping.received === 0) return [];
    if (ping.lossPercent < GATEWAY_LOSS_PERCENT && (ping.avgMs ?? 0) < GATEWAY_SLOW_MS) return [];
    return [
      {
        id: 'network.gateway-poor',
        severity: 'warning',
        area: 'network',
        params: {
          gateway: gateway.gateway,
          lossPercent: Math.round(ping.lossPercent),
          avgMs: Math.round(ping.avgMs ?? 0),
        },
        evidence: [
          { probe: 'network.gateway', field: 'ping.lossPercent', value: ping.lossPercent },
          { probe: 'network.gateway', field: 'ping.avgMs', value: ping.avgMs },
        ],
        settings: 'wifi',
      },
    ];
  },
};

/**
 * Wi-Fi under about −75 dBm (or 30 % as Windows shows it) drops calls and falls back to slow rates;
 * vendors plan voice networks for −67 dBm or better.
 */
const WIFI_WEAK_DBM = -75;
const WIFI_WEAK_PERCENT = 30;
const APIPA = /^169\.254\./;
/** Adapters that carry the user's traffic themselves (not tunnels, bridges or loopback). */
const PHYSICAL = new Set(['ethernet', 'wifi', 'cellular']);

/** No physical adapter is up: the root cause that makes every later network check fail, reported once. */
export function notConnected(run: Parameters<FindingRule['evaluate']>[0]): boolean {
  const data = probeData(run, 'network.interfaces');
  return data !== null && !data.interfaces.some((i) => i.up && PHYSICAL.has(i.kind));
}

/**
 * No usable link: not connected, or connected with only a self-assigned address. Everything else on
 * the network then fails as a consequence; those findings stay silent so the cause is heard.
 */
export function noUsableLink(run: Parameters<FindingRule['evaluate']>[0]): boolean {
  if (notConnected(run)) return true;
  const data = probeData(run, 'network.interfaces');
  const links = data?.interfaces.filter((i) => i.up && PHYSICAL.has(i.kind)) ?? [];
  return links.length > 0 && links.every((i) => i.ipv4.every((a) => APIPA.test(a.address)));
}

const noConnection: FindingRule = {
  id: 'network.not-connected',
  explains: ['cant-connect', 'cant-sign-in', 'printing'],
  area: 'network',
  inputs: ['network.interfaces'],
  evaluate(run) {
    const data = probeData(run, 'network.interfaces');
    if (!data || !notConnected(run)) return [];
    const wifi = data.interfaces.some((i) => i.kind === 'wifi');
    return [
      {
        id: 'network.not-connected',
        severity: 'critical',
        area: 'network',
        params: {},
        evidence: [{ probe: 'network.interfaces', field: 'interfaces[].up', value: false }],
        settings: wifi ? 'wifi' : 'network',
      },
    ];
  },
};

const selfAssignedAddress: FindingRule = {
  id: 'network.self-assigned-address',
  explains: ['cant-connect', 'cant-sign-in', 'printing'],
  area: 'network',
  inputs: ['network.interfaces'],
  evaluate(run) {
    const data = probeData(run, 'network.interfaces');
    if (!data) return [];
    // An adapter that is up with only a 169.254 address asked for an address and got no answer.
    return data.interfaces
      .filter(
        (i) =>
          i.up && PHYSICAL.has(i.kind) && i.ipv4.length > 0 && i.ipv4.every((a) => APIPA.test(a.address)),
      )
      .map((i) => ({
        id: 'network.self-assigned-address',
        severity: 'critical' as const,
        area: 'network' as const,
        params: { adapter: i.name, address: i.ipv4[0]?.address ?? '' },
        evidence: [
          {
            probe: 'network.interfaces' as const,
            field: 'interfaces[].ipv4[].address',
            value: i.ipv4[0]?.address,
          },
        ],
        settings: 'network' as const,
      }));
  },
};

const weakWifi: FindingRule = {
  id: 'network.wifi-weak',
  explains: ['cant-connect', 'slow'],
  area: 'network',
  inputs: ['network.interfaces'],
  evaluate(run) {
    const data = probeData(run, 'network.interfaces');
    if (!data) return [];
    return data.interfaces
      .filter(
        (i) =>
          i.up &&
          i.wifi &&
          ((i.wifi.signalDbm !== null && i.wifi.signalDbm <= WIFI_WEAK_DBM) ||
            (i.wifi.signalDbm === null &&
              i.wifi.signalPercent !== null &&
              i.wifi.signalPercent <= WIFI_WEAK_PERCENT)),
      )
      .map((i) => ({
        id: 'network.wifi-weak',
        severity: 'warning' as const,
        area: 'network' as const,
        params: {
          signal:
            i.wifi?.signalDbm !== null && i.wifi?.signalDbm !== undefined
              ? `${i.wifi.signalDbm} dBm`
              : `${i.wifi?.signalPercent ?? 0} %`,
        },
        // The evidence names the figure judged: dBm where the OS measured it, else the quality %
        // (Windows before 11 22H2 gives only that; a dBm is never made up from it).
        evidence: [
          i.wifi?.signalDbm !== null && i.wifi?.signalDbm !== undefined
            ? {
                probe: 'network.interfaces' as const,
                field: 'interfaces[].wifi.signalDbm',
                value: i.wifi.signalDbm,
              }
            : {
                probe: 'network.interfaces' as const,
                field: 'interfaces[].wifi.signalPercent',
                value: i.wifi?.signalPercent,
              },
        ],
        settings: 'wifi' as const,
      }));
  },
};

/**
 * A DHCP client renews at half the lease and tries again until the end; with under a tenth left
 * (and under ten minutes) every renewal has failed, so the server is not answering.
 */
const LEASE_ENDING_FRACTION = 0.1;
const LEASE_ENDING_SECONDS = 600;

const leaseExpired: FindingRule = {
  id: 'network.dhcp-lease-expired',
  explains: ['cant-connect'],
  area: 'network',
  inputs: ['network.dhcp'],
  evaluate(run) {
    const dhcp = probeData(run, 'network.dhcp');
    if (!dhcp) return [];
    return dhcp.leases
      .filter((l) => l.secondsLeft !== null && l.secondsLeft <= 0)
      .map((l) => ({
        id: 'network.dhcp-lease-expired',
        severity: 'critical' as const,
        area: 'network' as const,
        params: { adapter: l.interface, server: l.server ?? '' },
        evidence: [{ probe: 'network.dhcp' as const, field: 'leases[].secondsLeft', value: l.secondsLeft }],
        settings: 'network' as const,
      }));
  },
};

const leaseEnding: FindingRule = {
  id: 'network.dhcp-lease-ending',
  explains: ['cant-connect'],
  area: 'network',
  inputs: ['network.dhcp'],
  evaluate(run) {
    const dhcp = probeData(run, 'network.dhcp');
    if (!dhcp) return [];
    return dhcp.leases
      .filter(
        (l) =>
          l.secondsLeft !== null &&
          l.secondsLeft > 0 &&
          l.secondsLeft <= LEASE_ENDING_SECONDS &&
          (l.leaseSeconds === null || l.secondsLeft <= l.leaseSeconds * LEASE_ENDING_FRACTION),
      )
      .map((l) => ({
        id: 'network.dhcp-lease-ending',
        severity: 'warning' as const,
        area: 'network' as const,
        params: {
          adapter: l.interface,
          minutesLeft: Math.max(1, Math.round((l.secondsLeft ?? 0) / 60)),
          server: l.server ?? '',
        },
        evidence: [{ probe: 'network.dhcp' as const, field: 'leases[].secondsLeft', value: l.secondsLeft }],
      }));
  },
};

const vpnNeeded: FindingRule = {
  id: 'network.vpn-not-connected',
  explains: ['cant-connect', 'cant-sign-in', 'printing'],
  area: 'network',
  inputs: ['network.vpn', 'network.dns'],
  evaluate(run) {
    const vpn = probeData(run, 'network.vpn');
    const dns = probeData(run, 'network.dns');
    if (!vpn || vpn.anyConnected || vpn.tunnels.length === 0 || !dns) return [];
    // Only when it matters: the organisation's own names do not resolve here.
    const orgNamesFail = dns.servers.some((s) => s.verdict === 'lying');
    if (!orgNamesFail) return [];
    const name = vpn.tunnels.find((t) => t.source === 'os-vpn')?.name ?? vpn.tunnels[0]?.name ?? 'VPN';
    return [
      {
        id: 'network.vpn-not-connected',
        severity: 'warning',
        area: 'network',
        params: { vpn: name },
        evidence: [{ probe: 'network.vpn', field: 'anyConnected', value: false }],
        settings: 'vpn',
      },
    ];
  },
};

export const networkLinkRules: readonly FindingRule[] = [
  vpnNeeded,
  leaseExpired,
  leaseEnding,
  noConnection,
  selfAssignedAddress,
  weakWifi,
  noDefaultRoute,
  gatewayUnreachable,
  gatewayPoor,
];
