/**
 * network.interfaces on Windows: network-interfaces.ps1 run for real under pwsh (FullLanguage and
 * ConstrainedLanguage) with Get-NetAdapter/Get-NetIPAddress stubbed from real captures, and the
 * Wi-Fi association read from real `netsh wlan show interfaces` output (English Windows 11, Spanish).
 */
import { describe, expect, it } from 'vitest';
import { networkLinkRules } from '../../../probes/findings/rules/network-link';
import { interfacesProbe } from '../../../probes/network/interfaces';
import type { InterfacesData } from '../../../probes/network/interfaces/parse';
import { LANGUAGE_MODES, pwshSupport, runOnStubs } from '../../support/pwsh';
import { reportWith } from '../../support/reports';

const pwsh = pwshSupport();

describe.skipIf(pwsh.skip)(`network.interfaces on Windows under pwsh ${pwsh.reason}`, () => {
  it.each(LANGUAGE_MODES)(
    '%s: a Fortinet SSL VPN up beside Wi-Fi on 5 GHz; the signal is the 80 percent Windows measured and the driver RSSI, not bars',
    async (mode) => {
      const envelope = await runOnStubs(interfacesProbe, 'windows-ax201-fortinet-up', mode);
      expect(envelope.error).toBeNull();
      expect(envelope.status).toBe('ok');
      expect(envelope.gaps).toEqual([]);
      const data = envelope.data as InterfacesData;
      expect(data.interfaces.map((i) => [i.name, i.kind, i.up])).toEqual([
        ['Ethernet 2', 'vpn', false],
        ['Ethernet 4', 'ethernet', false],
        ['Wi-Fi', 'wifi', true],
        ['Connexion réseau Bluetooth', 'virtual', false],
        ['Ethernet 3', 'vpn', true],
      ]);
      expect(data.interfaces[2]).toMatchObject({
        mac: '45:00:00:00:ff:14',
        speedMbps: 144,
        ipv4: [{ address: '192.168.0.254', prefixLength: 24 }],
        ipv6: ['fe80::3a27:1bd1:1148:0d87%12'],
        wifi: {
          ssid: 'Tenda_EBBAA0_5G',
          bssid: '08:40:f3:eb:ba:a8',
          signalPercent: 80,
          signalDbm: -64,
          band: '5 GHz',
          channel: 36,
          security: 'WPA2-Personal',
        },
      });
      expect(data.interfaces[4]).toMatchObject({
        ipv4: [{ address: '10.177.0.17', prefixLength: 32 }],
        mtu: 1392,
      });
    },
  );

  it.each(LANGUAGE_MODES)(
    '%s: a Spanish laptop: netsh in Spanish still gives SSID, 81 percent, 2,4 GHz and channel 11; no RSSI, so no dBm',
    async (mode) => {
      const envelope = await runOnStubs(interfacesProbe, 'windows10-es-portatil1', mode);
      expect(envelope.error).toBeNull();
      expect(envelope.status).toBe('ok');
      const data = envelope.data as InterfacesData;
      expect(data.interfaces.map((i) => [i.name, i.kind, i.up])).toEqual([
        ['Wi-Fi', 'wifi', true],
        ['Ethernet 5', 'ethernet', true],
        ['Ethernet', 'ethernet', false],
        ['Conexión de red Bluetooth', 'other', false],
      ]);
      expect(data.interfaces[0]).toMatchObject({
        ipv4: [{ address: '192.168.1.130', prefixLength: 24 }],
        speedMbps: 150,
        wifi: {
          ssid: 'SSID-1',
          bssid: 'fe:dc:ba:09:87:02',
          signalPercent: 81,
          signalDbm: null,
          band: '2.4 GHz',
          channel: 11,
          // "Abierta" is translated, so it is not guessed at.
          security: null,
        },
      });
    },
  );

  it('the weak Wi-Fi rule judges the quality % Windows gives: 81 % and 80 %/-64 dBm are fine, 25 % is weak', async () => {
    const weakWifi = (data: InterfacesData) =>
      networkLinkRules
        .filter((r) => r.id === 'network.wifi-weak')
        .flatMap((r) => r.evaluate(reportWith({ 'network.interfaces': data })));
    const spanish = (await runOnStubs(interfacesProbe, 'windows10-es-portatil1', 'ConstrainedLanguage'))
      .data as InterfacesData;
    const english = (await runOnStubs(interfacesProbe, 'windows-ax201-fortinet-up', 'ConstrainedLanguage'))
      .data as InterfacesData;
    expect(weakWifi(spanish)).toEqual([]);
    expect(weakWifi(english)).toEqual([]);
    const wifi = spanish.interfaces[0]?.wifi;
    if (wifi) wifi.signalPercent = 25;
    expect(weakWifi(spanish)).toMatchObject([
      {
        id: 'network.wifi-weak',
        params: { signal: '25 %' },
        evidence: [{ field: 'interfaces[].wifi.signalPercent', value: 25 }],
      },
    ]);
  });
});
