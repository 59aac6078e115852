/**
 * network.interfaces — every network interface: up or down, addresses, MAC, speed, MTU, and for
 * Wi-Fi the network, signal, band and channel where the OS tells them.
 */
import { join } from 'node:path';
import { defineProbe, type Gap, type ProbeContext } from '../../types';
import { optional } from '../../util/gaps';
import { windowsSystemProgram } from '../../system/windows-paths';
import { asArray, asInteger, prop } from '../../util/parse';
import { gapsFromScript } from '../../util/script-errors';
import { parseNetshWlan, parseSystemInformation, parseWindowsInterfaces, type InterfacesData } from './parse';

export type { InterfacesData } from './parse';

async function collectUnix(ctx: ProbeContext) {
  const gaps: Gap[] = [];
  const [interfaces, wifi] = await Promise.all([
    ctx.systemInformation('networkInterfaces'),
    optional(ctx, gaps, 'Wi-Fi details', () => ctx.systemInformation('wifiConnections')),
  ]);
  return { data: parseSystemInformation(interfaces, wifi ?? []), gaps };
}

/** NdisPhysicalMedium 9: native 802.11. */
const WIFI_MEDIUM = 9;

async function collectWindows(ctx: ProbeContext) {
  const gaps: Gap[] = [];
  const json = await ctx.powershell(join(__dirname, 'network-interfaces.ps1'));
  const hasWifi = asArray(prop(json, 'adapters') as unknown[]).some(
    (a) => asInteger(prop(a, 'physicalMedium')) === WIFI_MEDIUM,
  );
  // The Wi-Fi association as Windows measures it (signal quality %, RSSI on Windows 11); netsh runs
  // in ConstrainedLanguage too, unlike the WinRT API, and is started by absolute path.
  const wlan = hasWifi
    ? await optional(ctx, gaps, 'Wi-Fi details (netsh wlan show interfaces)', async () =>
        parseNetshWlan(
          (
            await ctx.exec(
              windowsSystemProgram('netsh.exe', (name) => ctx.env(name)),
              ['wlan', 'show', 'interfaces'],
            )
          ).stdout,
        ),
      )
    : null;
  return { data: parseWindowsInterfaces(json, wlan ?? []), gaps: [...gaps, ...gapsFromScript(json)] };
}

export const interfacesProbe = defineProbe<InterfacesData>({
  descriptor: {
    id: 'network.interfaces',
    title: 'Network adapters',
    description:
      'Every network adapter: whether it is up, its addresses, MAC, speed and MTU, and for Wi-Fi the network name, signal, band and channel.',
    platforms: ['win32', 'darwin', 'linux'],
    // systeminformation runs several small commands per interface on Linux and macOS.
    timeoutMs: 10_000,
    fields: {
      interfaces: { type: 'object[]', description: 'The adapters.' },
      'interfaces[].name': { type: 'string', description: 'The adapter\'s name (eth0, en0, "Wi-Fi").' },
      'interfaces[].description': {
        type: 'string',
        nullable: true,
        description: "The driver's or OS's description.",
      },
      'interfaces[].kind': {
        type: 'string',
        enum: ['ethernet', 'wifi', 'loopback', 'vpn', 'virtual', 'cellular', 'other'],
        description: 'What kind of link it is.',
      },
      'interfaces[].up': { type: 'boolean', description: 'The link is up.' },
      'interfaces[].mac': {
        type: 'string',
        nullable: true,
        sensitive: 'mac',
        description: 'Hardware (MAC) address.',
      },
      'interfaces[].ipv4': { type: 'object[]', description: 'IPv4 addresses.' },
      'interfaces[].ipv4[].address': { type: 'string', sensitive: 'ip', description: 'The address.' },
      'interfaces[].ipv4[].prefixLength': {
        type: 'integer',
        nullable: true,
        description: 'Network prefix length (24 for 255.255.255.0).',
      },
      'interfaces[].ipv6': { type: 'string[]', sensitive: 'ip', description: 'IPv6 addresses.' },
      'interfaces[].speedMbps': {
        type: 'number',
        nullable: true,
        unit: 'Mbit/s',
        description: 'Link speed.',
      },
      'interfaces[].mtu': {
        type: 'integer',
        nullable: true,
        unit: 'bytes',
        description: 'Largest packet the link carries.',
      },
      'interfaces[].wifi': {
        type: 'object',
        nullable: true,
        description: 'The Wi-Fi association (Wi-Fi adapters only).',
      },
      'interfaces[].wifi.ssid': {
        type: 'string',
        nullable: true,
        sensitive: 'ssid',
        description: 'Network name.',
      },
      'interfaces[].wifi.bssid': {
        type: 'string',
        nullable: true,
        sensitive: 'mac',
        description: "The access point's MAC address.",
      },
      'interfaces[].wifi.signalDbm': {
        type: 'number',
        nullable: true,
        unit: 'dBm',
        description: 'Signal strength (−30 excellent, −67 good for calls, −80 unusable).',
      },
      'interfaces[].wifi.signalPercent': {
        type: 'number',
        nullable: true,
        unit: 'percent',
        description: 'Signal quality as the OS shows it.',
      },
      'interfaces[].wifi.band': {
        type: 'string',
        nullable: true,
        enum: ['2.4 GHz', '5 GHz', '6 GHz'],
        description: 'Frequency band.',
      },
      'interfaces[].wifi.channel': { type: 'integer', nullable: true, description: 'Radio channel.' },
      'interfaces[].wifi.security': {
        type: 'string',
        nullable: true,
        description: 'Security (WPA2-Personal, WPA3-Enterprise, Open…).',
      },
    },
  },
  collectors: { linux: collectUnix, darwin: collectUnix, win32: collectWindows },
});
