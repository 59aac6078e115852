/**
 * network.dhcp, network.dns, network.gateway, network.vpn and network.ntp on Windows: their scripts
 * run for real under pwsh (FullLanguage and ConstrainedLanguage) with the cmdlets, CIM classes and
 * registry stubbed from real captures (each scenario's stubs.json names its sources).
 */
import { describe, expect, it } from 'vitest';
import { dhcpProbe, type DhcpData } from '../../../probes/network/dhcp';
import { dnsProbe, type DnsData } from '../../../probes/network/dns';
import { gatewayProbe } from '../../../probes/network/gateway';
import { ntpProbe, type NtpData } from '../../../probes/network/ntp';
import { vpnProbe, type VpnData } from '../../../probes/network/vpn';
import { join } from 'node:path';
import { LANGUAGE_MODES, pwshSupport, runOnStubs, runWithStubs, stubsFile } from '../../support/pwsh';
import { parseRunnerOutput } from '../../../probes/system/powershell';

const pwsh = pwshSupport();

describe.skipIf(pwsh.skip)(`network configuration on Windows under pwsh ${pwsh.reason}`, () => {
  it.each(LANGUAGE_MODES)(
    '%s dhcp: the Wi-Fi lease with its server and times; the VPN adapter is static',
    async (mode) => {
      // Half an hour into the captured one-hour lease.
      const envelope = await runOnStubs(dhcpProbe, 'windows-ax201-fortinet-up', mode, {
        now: new Date('2024-10-11T14:33:38Z'),
      });
      expect(envelope.status).toBe('ok');
      expect(envelope.data as DhcpData).toEqual({
        dhcpInterfaces: ['Wi-Fi'],
        leases: [
          {
            interface: 'Wi-Fi',
            address: '192.168.0.254',
            server: '192.168.0.102',
            obtainedAt: '2024-10-11T14:03:38.000Z',
            expiresAt: '2024-10-11T15:03:37.000Z',
            leaseSeconds: 3599,
            secondsLeft: 1799,
          },
        ],
      });
    },
  );

  it.each(LANGUAGE_MODES)(
    '%s dns: the router as the only server of the connected Wi-Fi; the empty IPv6 list left out',
    async (mode) => {
      const envelope = await runOnStubs(dnsProbe, 'windows10-es-portatil1', mode);
      expect(envelope.status).toBe('ok');
      const data = envelope.data as DnsData;
      expect(data.servers.map((s) => [s.address, s.interfaces, s.verdict])).toEqual([
        ['192.168.1.1', ['Wi-Fi'], 'ok'],
      ]);
      expect(data).toMatchObject({ source: 'windows', searchDomains: [], systemResolves: true });
    },
  );

  it.each(LANGUAGE_MODES)(
    '%s gateway: the default route out of the Wi-Fi (route metric 0 + interface 50)',
    async (mode) => {
      const envelope = await runOnStubs(gatewayProbe, 'windows10-es-portatil1', mode);
      expect(envelope.status).toBe('ok');
      expect(envelope.data).toMatchObject({
        defaultRoute: true,
        gateway: '192.168.1.1',
        interface: 'Wi-Fi',
        ipv6Gateway: null,
        ping: { received: 4, lossPercent: 0 },
      });
    },
  );

  it.each(LANGUAGE_MODES)(
    '%s vpn: six phone-book entries listed once each, and the Fortinet SSL VPN adapter up',
    async (mode) => {
      const envelope = await runOnStubs(vpnProbe, 'windows-ax201-fortinet-up', mode);
      expect(envelope.status).toBe('ok');
      const data = envelope.data as VpnData;
      expect(data.anyConnected).toBe(true);
      expect(data.tunnels.map((t) => [t.name, t.type, t.connected, t.source])).toEqual([
        ['Test1', 'automatic', false, 'os-vpn'],
        ['Test6', 'ikev2', false, 'os-vpn'],
        ['Test7', 'automatic', false, 'os-vpn'],
        ['Test5', 'l2tp', false, 'os-vpn'],
        ['Test3', 'l2tp', false, 'os-vpn'],
        ['Test4', 'l2tp', false, 'os-vpn'],
        ['Ethernet 2', 'Fortinet Virtual Ethernet Adapter (NDIS 6.30)', false, 'interface'],
        ['Ethernet 3', 'Fortinet SSL VPN Virtual Ethernet Adapter', true, 'interface'],
      ]);
    },
  );

  it.each(LANGUAGE_MODES)(
    "%s ntp: the time server set by policy wins over the service's own time.windows.com",
    async (mode) => {
      const envelope = await runOnStubs(ntpProbe, 'windows-policy-pool', mode);
      expect(envelope.status).toBe('ok');
      const data = envelope.data as NtpData;
      expect(data.configured).toEqual({ service: 'w32time', mode: 'NTP', servers: ['pool.ntp.org'] });
      expect(data.servers.map((s) => [s.server, s.role, s.offsetMs])).toEqual([
        ['pool.ntp.org', 'configured', 8],
        ['time.windows.com', 'fallback', -12],
      ]);
    },
  );

  it.each(LANGUAGE_MODES)("%s ntp: without a policy, the service's own server is used", async (mode) => {
    const envelope = await runOnStubs(ntpProbe, 'windows-default-client', mode);
    expect(envelope.status).toBe('ok');
    expect((envelope.data as NtpData).configured).toEqual({
      service: 'w32time',
      mode: 'NTP',
      servers: ['time.windows.com'],
    });
  });

  it.each(LANGUAGE_MODES)(
    '%s ntp script: time zone, W32Time state and the UTC offset now (read without TimeZoneInfo methods, which ConstrainedLanguage refuses)',
    (mode) => {
      const script = join(__dirname, '..', '..', '..', 'probes', 'network', 'ntp', 'network-ntp.ps1');
      const run = runWithStubs(script, stubsFile('network.ntp', 'windows-policy-pool'), mode);
      expect(run.stderr).toBe('');
      expect(parseRunnerOutput('network-ntp.ps1', run.stdout).json).toEqual({
        type: 'NTP',
        ntpServer: 'time.windows.com,0x9',
        policyType: 'NTP',
        policyNtpServer: 'pool.ntp.org,0x8',
        serviceStatus: 4,
        startType: 3,
        timeZoneId: 'GMT Standard Time',
        // Get-Date is not stubbed: the offset is this test machine's own, now.
        utcOffsetMinutes: -new Date().getTimezoneOffset() || 0,
      });
    },
  );
});
