/**
 * network.vpn: tunnels and VPN connections per OS.
 */
import { describe, expect, it } from 'vitest';
import { vpnProbe } from '../../../probes/network/vpn';
import { parseIpLinks, parseScutilNc, parseWindowsVpn } from '../../../probes/network/vpn/parse';
import { fixtureData, runOnFixture } from '../../support/fixtures';

const data = (platform: 'linux' | 'win32' | 'darwin', scenario: string) =>
  fixtureData(vpnProbe, platform, scenario);

describe('network.vpn on fixtures', () => {
  it('linux: no tunnel on this machine', async () =>
    expect(await data('linux', 'debian12-kvm')).toEqual({ tunnels: [], anyConnected: false }));
  it('linux: a tun device no client holds open is not connected', async () => {
    expect(await data('linux', 'tun-not-connected')).toEqual({
      tunnels: [{ name: 'tun0', type: 'tun', connected: false, source: 'interface' }],
      anyConnected: false,
    });
  });
  // Real scutil --nc list output: an L2TP service from System Settings, a Network Extension VPN.
  it('macOS: the configured VPN services and their state', async () => {
    expect((await data('darwin', 'macos-l2tp-disconnected')).tunnels).toEqual([
      { name: 'My VPN', type: 'ppp:l2tp', connected: false, source: 'os-vpn' },
    ]);
    expect(await data('darwin', 'macos26-tailscale-connected')).toEqual({
      tunnels: [
        { name: 'Tailscale', type: 'vpn:io.tailscale.ipn.macsys', connected: true, source: 'os-vpn' },
      ],
      anyConnected: true,
    });
  });
  it('macOS: nothing listed is not "no VPN": IKEv2 VPNs from System Settings are never listed', async () => {
    const envelope = await runOnFixture(vpnProbe, 'darwin', 'macos-ikev2-only');
    expect(envelope.data).toEqual({ tunnels: [], anyConnected: false });
    expect(envelope.status).toBe('partial');
    expect(envelope.gaps).toEqual([
      expect.objectContaining({ part: 'IKEv2 VPNs set up in System Settings', code: 'not-available' }),
    ]);
  });
  it('windows: the built-in VPN and a third-party adapter, both down', async () => {
    const d = await data('win32', 'win11-anyconnect-down');
    expect(d.anyConnected).toBe(false);
    expect(d.tunnels.map((t) => [t.name, t.source])).toEqual([
      ['Contoso Always On', 'os-vpn'],
      ['Ethernet 3', 'interface'],
    ]);
  });
});

describe('VPN parsers', () => {
  it('count a WireGuard link as connected when it is up', () => {
    expect(
      parseIpLinks(
        JSON.stringify([
          {
            ifname: 'wg0',
            operstate: 'UNKNOWN',
            flags: ['POINTOPOINT', 'NOARP', 'UP', 'LOWER_UP'],
            linkinfo: { info_kind: 'wireguard' },
          },
        ]),
      ),
    ).toEqual([{ name: 'wg0', type: 'wireguard', connected: true, source: 'interface' }]);
  });
  it('never throw on odd input', () => {
    expect(parseIpLinks('[]')).toEqual([]);
    expect(parseScutilNc('garbage\n* (Connected')).toEqual([]);
    expect(parseWindowsVpn(null)).toEqual([]);
  });
});
