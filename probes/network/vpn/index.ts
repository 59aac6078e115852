/**
 * network.vpn — VPN connections and tunnel adapters on this machine, and whether one is connected:
 * off the office network, the organisation's names and services often work only through it.
 */
import { join } from 'node:path';
import { defineProbe, type Gap, type ProbeContext } from '../../types';
import { parseIpLinks, parseScutilNc, parseWindowsVpn, summarise, type VpnData } from './parse';

export type { VpnData } from './parse';

async function collect(ctx: ProbeContext) {
  if (ctx.platform === 'win32')
    return { data: summarise(parseWindowsVpn(await ctx.powershell(join(__dirname, 'network-vpn.ps1')))) };
  // macOS: the configured VPN services (utun interfaces alone say nothing: the system keeps several for its own use).
  if (ctx.platform === 'darwin') {
    const tunnels = parseScutilNc((await ctx.exec('scutil', ['--nc', 'list'])).stdout);
    // scutil does not list IKEv2 VPNs set up in System Settings (real reports from 2018 to 2023):
    // with nothing listed, "no VPN" would be a guess, so the report says what it could not see.
    const gaps: Gap[] =
      tunnels.length === 0
        ? [
            {
              part: 'IKEv2 VPNs set up in System Settings',
              code: 'not-available',
              message:
                'macOS lists no VPN service (scutil --nc list), but it never lists IKEv2 VPNs set up in System Settings, so one may exist and be connected or not. Check System Settings > VPN.',
            },
          ]
        : [];
    return { data: summarise(tunnels), gaps };
  }
  return { data: summarise(parseIpLinks((await ctx.exec('ip', ['-j', '-d', 'link', 'show'])).stdout)) };
}

export const vpnProbe = defineProbe<VpnData>({
  descriptor: {
    id: 'network.vpn',
    title: 'VPN',
    description: 'VPN connections and tunnel adapters, and whether one is connected.',
    platforms: ['win32', 'darwin', 'linux'],
    timeoutMs: 5_000,
    fields: {
      tunnels: { type: 'object[]', description: 'VPN connections and tunnel adapters found.' },
      'tunnels[].name': { type: 'string', description: 'Its name.' },
      'tunnels[].type': {
        type: 'string',
        description: "What it is (wireguard, tun, ppp, ikev2, the client's driver…).",
      },
      'tunnels[].connected': { type: 'boolean', description: 'It is connected and carrying traffic.' },
      'tunnels[].source': {
        type: 'string',
        enum: ['interface', 'os-vpn'],
        description: 'A tunnel adapter, or a VPN connection configured in the OS.',
      },
      anyConnected: { type: 'boolean', description: 'At least one VPN is connected.' },
    },
  },
  collectors: { linux: collect, darwin: collect, win32: collect },
});
