/**
 * Network link rules (gateway): each fires on the data that means trouble and stays silent on a
 * healthy network.
 */
import { describe, expect, it } from 'vitest';
import { networkLinkRules } from '../../../probes/findings/rules/network-link';
import type { DhcpData } from '../../../probes/network/dhcp';
import type { DnsData } from '../../../probes/network/dns';
import type { VpnData } from '../../../probes/network/vpn';
import type { GatewayData } from '../../../probes/network/gateway';
import type { InterfacesData } from '../../../probes/network/interfaces';
import type { NetworkInterface } from '../../../probes/network/interfaces/parse';
import { reportWith, type ReportData } from '../../support/reports';

const ids = (data: ReportData) =>
  networkLinkRules.flatMap((r) => r.evaluate(reportWith(data))).map((f) => `${f.id}:${f.severity}`);
const gateway = (
  over: Partial<GatewayData> = {},
  ping: Partial<NonNullable<GatewayData['ping']>> = {},
): GatewayData => ({
  defaultRoute: true,
  gateway: '192.168.1.1',
  interface: 'Wi-Fi',
  ipv6Gateway: null,
  ping: { sent: 10, received: 10, lossPercent: 0, avgMs: 3, minMs: 1, maxMs: 9, ...ping },
  ...over,
});

describe('gateway rules', () => {
  it('stay silent on a healthy network', () => expect(ids({ 'network.gateway': gateway() })).toEqual([]));
  it('are critical without a default route', () =>
    expect(ids({ 'network.gateway': gateway({ defaultRoute: false, gateway: null, ping: null }) })).toEqual([
      'network.no-default-route:critical',
    ]));
  it('warn when the router does not answer', () =>
    expect(ids({ 'network.gateway': gateway({}, { received: 0, lossPercent: 100, avgMs: null }) })).toEqual([
      'network.gateway-unreachable:warning',
    ]));
  it('warn on loss or latency to the router, at the thresholds', () => {
    expect(ids({ 'network.gateway': gateway({}, { received: 8, lossPercent: 20 }) })).toEqual([
      'network.gateway-poor:warning',
    ]);
    expect(ids({ 'network.gateway': gateway({}, { avgMs: 300 }) })).toEqual(['network.gateway-poor:warning']);
    expect(
      ids({ 'network.gateway': gateway({}, { received: 19, sent: 20, lossPercent: 5, avgMs: 60 }) }),
    ).toEqual([]);
  });
  it('stay silent on an on-link route (VPN) with no router to ask', () =>
    expect(ids({ 'network.gateway': gateway({ gateway: null, ping: null }) })).toEqual([]));
});

const adapter = (over: Partial<NetworkInterface> = {}): NetworkInterface => ({
  name: 'Wi-Fi',
  description: null,
  kind: 'wifi',
  up: true,
  mac: null,
  ipv4: [{ address: '192.168.1.40', prefixLength: 24 }],
  ipv6: [],
  speedMbps: 300,
  mtu: 1500,
  wifi: {
    ssid: 'Home',
    bssid: null,
    signalDbm: -55,
    signalPercent: 80,
    band: '5 GHz',
    channel: 44,
    security: null,
  },
  ...over,
});
const interfaces = (...list: NetworkInterface[]): InterfacesData => ({ interfaces: list });

describe('adapter rules', () => {
  it('stay silent on a good Wi-Fi link', () =>
    expect(ids({ 'network.interfaces': interfaces(adapter()) })).toEqual([]));
  it('are critical when no adapter is connected (a VPN or loopback does not count)', () => {
    expect(
      ids({
        'network.interfaces': interfaces(
          adapter({ up: false }),
          adapter({ name: 'lo', kind: 'loopback', wifi: null }),
          adapter({ name: 'wg0', kind: 'vpn', wifi: null }),
        ),
      }),
    ).toEqual(['network.not-connected:critical']);
  });
  it('are critical on a self-assigned 169.254 address', () => {
    expect(
      ids({
        'network.interfaces': interfaces(
          adapter({ kind: 'ethernet', wifi: null, ipv4: [{ address: '169.254.10.20', prefixLength: 16 }] }),
        ),
      }),
    ).toEqual(['network.self-assigned-address:critical']);
  });
  it('warn on a weak Wi-Fi signal, by dBm or by percent', () => {
    const signal = (signalDbm: number | null, signalPercent: number | null): string[] =>
      ids({
        'network.interfaces': interfaces(
          adapter({
            wifi: {
              ssid: null,
              bssid: null,
              signalDbm,
              signalPercent,
              band: null,
              channel: null,
              security: null,
            },
          }),
        ),
      });
    expect(signal(-80, null)).toEqual(['network.wifi-weak:warning']);
    expect(signal(null, 20)).toEqual(['network.wifi-weak:warning']);
    expect(signal(-70, null)).toEqual([]);
  });
});

const dhcp = (secondsLeft: number | null, leaseSeconds: number | null = 3600): DhcpData => ({
  dhcpInterfaces: ['eth0'],
  leases: [
    {
      interface: 'eth0',
      address: '198.51.100.84',
      server: '198.51.100.1',
      obtainedAt: null,
      expiresAt: null,
      leaseSeconds,
      secondsLeft,
    },
  ],
});

describe('DHCP lease rules', () => {
  it('stay silent on a fresh lease or an unknown end', () => {
    expect(ids({ 'network.dhcp': dhcp(3000) })).toEqual([]);
    expect(ids({ 'network.dhcp': dhcp(null) })).toEqual([]);
  });
  it('warn when a lease is about to end unrenewed, and not early in a short lease', () => {
    expect(ids({ 'network.dhcp': dhcp(180, 3600) })).toEqual(['network.dhcp-lease-ending:warning']);
    expect(ids({ 'network.dhcp': dhcp(180, 600) })).toEqual([]); // 30 % of a 10-minute lease left: renewals still have time
  });
  it('are critical when the lease has run out', () =>
    expect(ids({ 'network.dhcp': dhcp(-30) })).toEqual(['network.dhcp-lease-expired:critical']));
});

describe('VPN rule', () => {
  const vpn: VpnData = {
    tunnels: [{ name: 'Contoso VPN', type: 'ikev2', connected: false, source: 'os-vpn' }],
    anyConnected: false,
  };
  const dns = (verdict: 'ok' | 'lying'): DnsData => ({
    source: 'windows',
    servers: [{ address: '192.168.1.1', interfaces: [], verdict, medianMs: 10, queries: [] }],
    searchDomains: [],
    system: [],
    systemResolves: true,
  });
  it("asks for the VPN when the organisation's names fail and it is down", () => {
    expect(ids({ 'network.vpn': vpn, 'network.dns': dns('lying') })).toEqual([
      'network.vpn-not-connected:warning',
    ]);
  });
  it('stays silent when names work, or the VPN is up', () => {
    expect(ids({ 'network.vpn': vpn, 'network.dns': dns('ok') })).toEqual([]);
    expect(ids({ 'network.vpn': { ...vpn, anyConnected: true }, 'network.dns': dns('lying') })).toEqual([]);
  });
});

describe('a computer with no network at all', () => {
  it('hears that once, not every consequence of it', async () => {
    const { networkServicesRules } = await import('../../../probes/findings/rules/network-services.js');
    const data: ReportData = {
      'network.interfaces': interfaces(adapter({ up: false })),
      'network.gateway': gateway({ defaultRoute: false, gateway: null, ping: null }),
      'network.dns': {
        source: 'resolv.conf',
        servers: [{ address: '10.0.0.53', interfaces: [], verdict: 'dead', medianMs: null, queries: [] }],
        searchDomains: [],
        system: [],
        systemResolves: false,
      },
      'network.ntp': {
        configured: { service: 'chrony', mode: null, servers: ['ntp.example'] },
        servers: [
          {
            server: 'ntp.example',
            role: 'configured',
            offsetMs: null,
            roundTripMs: null,
            stratum: null,
            error: 'timeout',
            wrongClock: false,
          },
        ],
        clockOffsetMs: null,
        offsetFrom: null,
      },
      'network.connectivity': {
        check: {
          url: 'http://check.example/',
          outcome: 'failed',
          status: null,
          location: null,
          durationMs: null,
          viaProxy: null,
          error: 'timeout',
        },
        proxy: {
          source: 'none',
          server: null,
          pacUrl: null,
          autoDetect: null,
          bypass: [],
          reachable: null,
          pacReachable: null,
        },
        targets: [],
      },
    };
    const all = [...networkLinkRules, ...networkServicesRules]
      .flatMap((r) => r.evaluate(reportWith(data)))
      .map((f) => f.id);
    expect(all).toEqual(['network.not-connected']);
  });
});
