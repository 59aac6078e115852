/**
 * network.dhcp: leases from dhclient (captured from a real lease in network namespaces), macOS's
 * DHCP packet and Windows' adapter configuration.
 */
import { describe, expect, it } from 'vitest';
import { dhcpProbe, type DhcpData } from '../../../probes/network/dhcp';
import {
  dhclientTime,
  parseDhclientLeases,
  parseIpconfigPacket,
  parseNetworkdLease,
  parseWindowsDhcp,
} from '../../../probes/network/dhcp/parse';
import { fixtureData, runOnFixture } from '../../support/fixtures';

describe('network.dhcp on fixtures', () => {
  it('linux: no DHCP here (a static address) and no lease files', async () => {
    const envelope = await runOnFixture(dhcpProbe, 'linux', 'debian12-kvm');
    expect(envelope.data).toEqual({ dhcpInterfaces: [], leases: [] });
  });
  it('linux: a real dhclient lease, three minutes before it ends', async () => {
    const envelope = await runOnFixture(dhcpProbe, 'linux', 'lab-lease', {
      now: new Date('2026-11-24T23:30:51Z'),
    });
    expect((envelope.data as DhcpData).leases).toEqual([
      {
        interface: 'tcapd1875b',
        address: '198.51.100.84',
        server: '198.51.100.1',
        obtainedAt: '2026-11-24T23:23:51.000Z',
        expiresAt: '2026-11-24T23:33:51.000Z',
        leaseSeconds: 600,
        secondsLeft: 180,
      },
    ]);
  });
  it('macOS: the lease length from the last DHCP ACK', async () => {
    const data = await fixtureData(dhcpProbe, 'darwin', 'sonoma-wifi');
    expect(data).toMatchObject({
      dhcpInterfaces: ['en0'],
      leases: [
        {
          interface: 'en0',
          address: '192.168.1.23',
          server: '192.168.1.1',
          leaseSeconds: 86_400,
          secondsLeft: null,
        },
      ],
    });
  });
  it('windows: the DHCP adapter with its lease; the VPN has none', async () => {
    const data = await fixtureData(dhcpProbe, 'win32', 'win11-corp');
    expect(data.dhcpInterfaces).toEqual(['Ethernet']);
    expect(data.leases[0]).toMatchObject({
      address: '10.20.40.77',
      server: '10.20.0.2',
      leaseSeconds: 8 * 86_400,
      secondsLeft: 338_112,
    });
  });
});

describe('lease parsers', () => {
  const now = new Date('2026-11-24T10:00:00Z');
  it('read both dhclient time formats', () => {
    expect(dhclientTime('2 2026/11/24 23:33:51')?.toISOString()).toBe('2026-11-24T23:33:51.000Z');
    expect(dhclientTime('epoch 1764000000; # Mon')?.getTime()).toBe(1764000000000);
    expect(dhclientTime('never')).toBeNull();
  });
  it('keep the last lease block per interface', () => {
    const text =
      'lease {\n interface "eth0";\n fixed-address 10.0.0.5;\n expire 1 2026/11/23 10:00:00;\n}\nlease {\n interface "eth0";\n fixed-address 10.0.0.6;\n expire 3 2026/11/25 10:00:00;\n}\n';
    expect(parseDhclientLeases(text, now)).toMatchObject([{ address: '10.0.0.6', secondsLeft: 86_400 }]);
  });
  it('read a systemd-networkd lease', () => {
    expect(
      parseNetworkdLease(
        '# This is private data.\nADDRESS=192.168.1.50\nSERVER_ADDRESS=192.168.1.1\nLIFETIME=3600\n',
        'ifindex 2',
        now,
      ),
    ).toMatchObject({ address: '192.168.1.50', server: '192.168.1.1', leaseSeconds: 3600 });
  });
  it('never throw on odd input', () => {
    expect(parseDhclientLeases('lease { garbage', now)).toEqual([]);
    expect(parseIpconfigPacket('', 'en0', now)).toBeNull();
    expect(parseNetworkdLease('', 'x', now)).toBeNull();
    expect(
      parseWindowsDhcp({ adapters: [{ dhcpEnabled: true, leaseExpires: 'soon' }] }, now).leases[0],
    ).toMatchObject({ expiresAt: null, secondsLeft: null });
  });
});
