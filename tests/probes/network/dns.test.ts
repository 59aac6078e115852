/**
 * network.dns: the server list from each OS's own configuration (real-output fixtures), and the
 * judgement of each server from what it did (dead, slow, lying, failing).
 */
import { describe, expect, it } from 'vitest';
import { parseProbeConfig } from '../../../probes/config';
import { dnsProbe, type DnsData } from '../../../probes/network/dns';
import {
  chooseServers,
  judgeServer,
  parseResolvConf,
  parseResolvectlStatus,
  parseScutilDns,
  parseWindowsDns,
  type DnsQuery,
} from '../../../probes/network/dns/parse';
import { fixtureData, runOnFixture } from '../../support/fixtures';

const verdicts = (data: DnsData) => Object.fromEntries(data.servers.map((s) => [s.address, s.verdict]));

describe('network.dns on fixtures', () => {
  it('linux: the server in /etc/resolv.conf, answering', async () => {
    const envelope = await runOnFixture(dnsProbe, 'linux', 'debian12-kvm');
    const data = envelope.data as DnsData;
    expect(envelope.status).toBe('ok');
    expect(data).toMatchObject({ source: 'resolv.conf', systemResolves: true });
    expect(verdicts(data)).toEqual({ '10.255.255.53': 'ok' });
  });

  it('linux with systemd-resolved: the real servers behind the stub, the dead primary told apart', async () => {
    const data = await fixtureData(dnsProbe, 'linux', 'ubuntu-resolved-primary-dead');
    expect(data.source).toBe('systemd-resolved');
    expect(verdicts(data)).toEqual({ '192.168.1.135': 'dead', '192.168.1.150': 'ok', '192.168.1.31': 'ok' });
    expect(data.servers[0]).toMatchObject({ interfaces: ['wlan0'], medianMs: null });
    expect(data.searchDomains).toEqual(['home', 'service.consul', 'consul']);
  });

  it('macOS: the default resolver of scutil, not the mDNS ones', async () => {
    const data = await fixtureData(dnsProbe, 'darwin', 'ventura-hotspot');
    expect(data.servers.map((s) => [s.address, s.interfaces])).toEqual([
      ['fe80::800c:67ff:fe1d:fd64', ['en1']],
      ['172.20.10.1', ['en1']],
    ]);
  });

  it('windows: servers per connected interface, without the fec0 placeholders', async () => {
    const data = await fixtureData(dnsProbe, 'win32', 'win11-corp');
    expect(data.servers.map((s) => s.address)).toEqual(['10.20.0.10', '10.20.0.11']);
    expect(data.searchDomains).toEqual(['corp.contoso.com', 'contoso.com']);
  });

  it("windows: a home router that denies the organisation's names is lying; the VPN server is fine", async () => {
    const config = parseProbeConfig({ dns: { mustResolve: ['intranet.corp.contoso.com'] } });
    const data = (await runOnFixture(dnsProbe, 'win32', 'win11-home-router-lying', { config }))
      .data as DnsData;
    expect(verdicts(data)).toEqual({ '192.168.178.1': 'lying', '10.20.0.10': 'ok' });
    expect(data.systemResolves).toBe(true); // the public names still work: only the intranet fails
  });
});

describe('judging a server', () => {
  const q = (name: string, outcome: DnsQuery['outcome'], durationMs = 20): DnsQuery => ({
    name,
    outcome,
    addresses: outcome === 'ok' ? ['192.0.2.7'] : [],
    durationMs,
  });
  const context = {
    mustResolve: ['intranet.corp.example'],
    resolvedElsewhere: new Set(['www.example.org']),
    slowMs: 500,
  };
  it.each([
    ['never answered', [q('www.example.org', 'timeout', 2000), q('a.example', 'unreachable', 1)], 'dead'],
    [
      'denies an organisation name',
      [q('www.example.org', 'ok'), q('intranet.corp.example', 'nxdomain')],
      'lying',
    ],
    ['denies a public name another server resolved', [q('www.example.org', 'nxdomain')], 'lying'],
    ['answers SERVFAIL', [q('www.example.org', 'servfail')], 'failing'],
    [
      'answers after more than slowMs',
      [q('www.example.org', 'ok', 1200), q('b.example', 'ok', 1100)],
      'slow',
    ],
    ['answers some, drops others', [q('www.example.org', 'ok'), q('b.example', 'timeout', 2000)], 'slow'],
    ['answers quickly', [q('www.example.org', 'ok', 30)], 'ok'],
  ] as const)('%s', (_what, queries, verdict) => {
    expect(judgeServer(queries, context)).toBe(verdict);
  });
  it('a public name nobody resolves is not held against a server', () => {
    expect(judgeServer([q('gone.example', 'nxdomain')], context)).toBe('ok');
  });
});

describe('choosing the servers to test', () => {
  const server = (address: string, iface: string) => ({ address, interfaces: [iface] });
  it("a VPN's four resolvers do not hide the LAN's one", () => {
    const vpn = ['10.8.0.1', '10.8.0.2', '10.8.0.3', '10.8.0.4'].map((a) => server(a, 'utun3'));
    const lan = server('192.168.1.1', 'en0');
    expect(chooseServers([...vpn, lan], 4).map((s) => s.address)).toEqual([
      '10.8.0.1',
      '10.8.0.2',
      '10.8.0.3',
      '192.168.1.1',
    ]);
  });
  it('keeps every server when there are few, in the system order', () => {
    const few = [server('10.0.0.53', 'Ethernet'), server('10.0.0.54', 'Ethernet')];
    expect(chooseServers(few, 4)).toEqual(few);
  });
});

describe('configuration parsers', () => {
  it('resolv.conf: comments, options and the last search line', () => {
    expect(
      parseResolvConf(
        '# generated\nnameserver 10.0.0.1 # primary\nnameserver fe80::1%eth0\ndomain a.example\nsearch b.example c.example\noptions ndots:2\n',
      ),
    ).toEqual({
      servers: [
        { address: '10.0.0.1', interfaces: [] },
        { address: 'fe80::1%eth0', interfaces: [] },
      ],
      searchDomains: ['b.example', 'c.example'],
    });
  });
  it('never throw on odd input', () => {
    for (const text of ['', 'garbage', '\0\0', 'nameserver not-an-ip']) {
      expect(parseResolvConf(text).servers).toEqual([]);
      expect(parseResolvectlStatus(text).servers).toEqual([]);
      expect(parseScutilDns(text).servers).toEqual([]);
    }
    expect(parseWindowsDns(null)).toEqual({ servers: [], searchDomains: [] });
    expect(parseWindowsDns({ interfaces: 'x', suffixSearchList: [1] })).toEqual({
      servers: [],
      searchDomains: [],
    });
  });
});
