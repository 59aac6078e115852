/**
 * network.interfaces: adapters from systeminformation (Linux, macOS) and our script (Windows),
 * normalised to one shape.
 */
import { describe, expect, it } from 'vitest';
import { interfacesProbe } from '../../../probes/network/interfaces';
import {
  bandOf,
  parseSystemInformation,
  parseWindowsInterfaces,
  prefixFromMask,
} from '../../../probes/network/interfaces/parse';
import { fixtureData } from '../../support/fixtures';

const data = (platform: 'linux' | 'win32' | 'darwin', scenario: string) =>
  fixtureData(interfacesProbe, platform, scenario);

describe('network.interfaces on fixtures', () => {
  it('linux: loopback and the wired link of this machine', async () => {
    const d = await data('linux', 'debian12-kvm');
    expect(d.interfaces.map((i) => [i.name, i.kind, i.up])).toEqual([
      ['lo', 'loopback', true],
      ['eth0', 'ethernet', true],
    ]);
    expect(d.interfaces[1]).toMatchObject({
      ipv4: [{ address: '192.0.2.2', prefixLength: 24 }],
      mtu: 1400,
      speedMbps: null,
    });
  });
  it('macOS: Wi-Fi with its network, signal, band and channel; a WireGuard tunnel is a VPN', async () => {
    const d = await data('darwin', 'sonoma-wifi');
    expect(d.interfaces.find((i) => i.name === 'en0')).toMatchObject({
      kind: 'wifi',
      wifi: { ssid: 'Office-5G', signalDbm: -58, band: '5 GHz', channel: 44, security: 'WPA2 Personal' },
    });
    expect(d.interfaces.find((i) => i.name === 'utun4')?.kind).toBe('vpn');
  });
  it('windows: Wi-Fi from netsh (the quality Windows measures, no made-up dBm), an unplugged Ethernet, a tunnel', async () => {
    const d = await data('win32', 'win11-laptop-wifi');
    expect(d.interfaces.map((i) => [i.name, i.kind, i.up])).toEqual([
      ['Wi-Fi', 'wifi', true],
      ['Ethernet', 'ethernet', false],
      ['Contoso VPN', 'vpn', true],
    ]);
    expect(d.interfaces[0]).toMatchObject({
      mac: '5c:e4:2a:11:22:33',
      speedMbps: 1201,
      wifi: { ssid: 'Home-Net', signalPercent: 40, signalDbm: null, channel: 6, band: '2.4 GHz' },
    });
  });
});

describe('interface helpers', () => {
  it('turn masks into prefix lengths, refusing non-contiguous ones', () => {
    expect(prefixFromMask('255.255.255.0')).toBe(24);
    expect(prefixFromMask('255.255.255.255')).toBe(32);
    expect(prefixFromMask('255.0.255.0')).toBeNull();
  });
  it('tell bands apart by channel and frequency', () => {
    expect(bandOf(6, null)).toBe('2.4 GHz');
    expect(bandOf(36, null)).toBe('5 GHz');
    expect(bandOf(5, 5975)).toBe('6 GHz');
  });
  it('never throw on odd input', () => {
    expect(parseSystemInformation(null, null)).toEqual({ interfaces: [] });
    expect(parseSystemInformation([{ nope: 1 }], 'x')).toEqual({ interfaces: [] });
    expect(parseWindowsInterfaces({ adapters: [{ name: null }, 'x'] })).toEqual({ interfaces: [] });
  });
});
