/**
 * Pure parsers for network.interfaces: systeminformation's view on Linux and macOS, our script's on
 * Windows, normalised to one shape.
 */
import { asArray, asInteger, asNumber, asString, prop } from '../../util/parse';

export type InterfaceKind = 'ethernet' | 'wifi' | 'loopback' | 'vpn' | 'virtual' | 'cellular' | 'other';

export interface WifiLink {
  ssid: string | null;
  bssid: string | null;
  signalDbm: number | null;
  signalPercent: number | null;
  band: '2.4 GHz' | '5 GHz' | '6 GHz' | null;
  channel: number | null;
  security: string | null;
}

export interface NetworkInterface {
  name: string;
  description: string | null;
  kind: InterfaceKind;
  up: boolean;
  mac: string | null;
  ipv4: { address: string; prefixLength: number | null }[];
  ipv6: string[];
  /** Link speed in Mbit/s; null when unknown (virtual links, Wi-Fi on some systems). */
  speedMbps: number | null;
  mtu: number | null;
  wifi: WifiLink | null;
}

export interface InterfacesData {
  interfaces: NetworkInterface[];
}

/** Tunnel interface names: WireGuard, OpenVPN/tun, PPP, macOS utun/ipsec, Cisco/GlobalProtect. */
const VPN_NAME = /^(wg|tun|tap|ppp|utun|ipsec|gpd|cscotun|vpn)\d*/i;

export function prefixFromMask(mask: string | null): number | null {
  if (!mask || !/^\d{1,3}(\.\d{1,3}){3}$/.test(mask)) return null;
  const bits = mask
    .split('.')
    .map((octet) => Number(octet).toString(2).padStart(8, '0'))
    .join('');
  return /^1*0*$/.test(bits) ? (bits.indexOf('0') === -1 ? 32 : bits.indexOf('0')) : null;
}

/** Wi-Fi channels: 1–14 are 2.4 GHz; 5 GHz from 32; a frequency (MHz) settles 6 GHz, which reuses channel numbers. */
export function bandOf(channel: number | null, frequencyMHz: number | null): WifiLink['band'] {
  if (frequencyMHz !== null)
    return frequencyMHz >= 5925
      ? '6 GHz'
      : frequencyMHz >= 5000
        ? '5 GHz'
        : frequencyMHz >= 2400
          ? '2.4 GHz'
          : null;
  if (channel === null) return null;
  return channel <= 14 ? '2.4 GHz' : '5 GHz';
}

function kindFromSystemInformation(entry: unknown): InterfaceKind {
  const name = asString(prop(entry, 'iface')) ?? '';
  if (prop(entry, 'internal') === true) return 'loopback';
  if (VPN_NAME.test(name)) return 'vpn';
  const type = asString(prop(entry, 'type'));
  if (type === 'wireless') return 'wifi';
  if (prop(entry, 'virtual') === true || type === 'virtual') return 'virtual';
  return type === 'wired' ? 'ethernet' : 'other';
}

/** systeminformation's networkInterfaces() (one IPv4 and one IPv6 per interface) and wifiConnections(). */
export function parseSystemInformation(interfaces: unknown, wifi: unknown): InterfacesData {
  const links = asArray(wifi as unknown[]);
  return {
    interfaces: asArray(interfaces as unknown[]).flatMap((entry): NetworkInterface[] => {
      const name = asString(prop(entry, 'iface'));
      if (!name) return [];
      const kind = kindFromSystemInformation(entry);
      const ip4 = asString(prop(entry, 'ip4'));
      const ip6 = asString(prop(entry, 'ip6'));
      const speed = asNumber(prop(entry, 'speed'));
      const link = kind === 'wifi' ? links.find((w) => asString(prop(w, 'iface')) === name) : undefined;
      const channel = asInteger(prop(link, 'channel'));
      const signalDbm = asNumber(prop(link, 'signalLevel'));
      const quality = asNumber(prop(link, 'quality'));
      return [
        {
          name,
          description: asString(prop(entry, 'ifaceName')),
          kind,
          up: asString(prop(entry, 'operstate')) === 'up' || kind === 'loopback',
          mac: asString(prop(entry, 'mac')) || null,
          ipv4: ip4
            ? [{ address: ip4, prefixLength: prefixFromMask(asString(prop(entry, 'ip4subnet'))) }]
            : [],
          ipv6: ip6 ? [ip6] : [],
          // systeminformation says -1 or null when the driver does not know.
          speedMbps: speed !== null && speed > 0 ? speed : null,
          mtu: asInteger(prop(entry, 'mtu')),
          wifi: link
            ? {
                ssid: asString(prop(link, 'ssid')),
                bssid: asString(prop(link, 'bssid')),
                signalDbm,
                signalPercent: quality,
                band: bandOf(channel, asNumber(prop(link, 'frequency'))),
                channel,
                security:
                  asArray(prop(link, 'security') as unknown[])
                    .map(asString)
                    .filter(Boolean)
                    .join(', ') || null,
              }
            : kind === 'wifi'
              ? {
                  ssid: null,
                  bssid: null,
                  signalDbm: null,
                  signalPercent: null,
                  band: null,
                  channel: null,
                  security: null,
                }
              : null,
        },
      ];
    }),
  };
}

/** NDIS physical medium (NdisPhysicalMedium): 9 native 802.11, 14 802.3, 8 WWAN/cellular; the numbers are fixed by the NDIS headers. */
const PHYSICAL_MEDIUM: Readonly<Record<number, InterfaceKind>> = { 9: 'wifi', 14: 'ethernet', 8: 'cellular' };

/** One interface of `netsh wlan show interfaces`. */
export interface NetshWlanInterface {
  name: string;
  guid: string | null;
  ssid: string | null;
  bssid: string | null;
  /** "Signal": the link quality Windows measures (wlanSignalQuality, 0–100 %). */
  signalPercent: number | null;
  /** "Rssi" (Windows 11): the received signal strength the driver reports, in dBm. */
  rssiDbm: number | null;
  band: WifiLink['band'];
  channel: number | null;
  security: string | null;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAC = /^([0-9a-f]{2}[:-]){5}[0-9a-f]{2}$/i;
/** "Channel" as Windows translates it, in the languages we have real output of (en, de, es/fr, it). */
const CHANNEL_KEYS = new Set(['channel', 'kanal', 'canal', 'canale']);

/**
 * `netsh wlan show interfaces`, in whatever language Windows speaks: its labels are translated
 * (and misaligned in German), so fields are recognised by what does not change. Each interface
 * starts with its name and description, then a GUID line; "SSID" and "Rssi" are never translated;
 * the access point's BSSID is the first MAC after the adapter's own; the signal is the one value
 * that is a percentage; the band is "<n> GHz" (with a decimal comma in some languages).
 */
export function parseNetshWlan(text: string): NetshWlanInterface[] {
  // Field lines are indented; the header ("There is 1 interface on the system:") is not.
  const lines = text
    .split(/\r?\n/)
    .filter((line) => /^\s+\S/.test(line) && line.includes(':'))
    .map((line) => {
      const colon = line.indexOf(':');
      return { key: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() };
    });
  const starts = lines.flatMap((line, i) => (GUID.test(line.value) && i >= 2 ? [i - 2] : []));
  return starts.map((start, n): NetshWlanInterface => {
    const block = lines.slice(start, starts[n + 1] ?? lines.length);
    const field = (test: (l: { key: string; value: string }) => boolean): string | null =>
      block.find(test)?.value ?? null;
    const macs = block.filter((l) => MAC.test(l.value));
    const signal = /^(\d{1,3})\s*%$/.exec(field((l) => /^\d{1,3}\s*%$/.test(l.value)) ?? '')?.[1];
    const band = /^(2[.,]4|5|6) GHz$/.exec(field((l) => /^(2[.,]4|5|6) GHz$/.test(l.value)) ?? '')?.[1];
    const channel = asInteger(field((l) => CHANNEL_KEYS.has(l.key.toLowerCase())));
    return {
      name: block[0]?.value ?? '',
      guid: block[2]?.value.toLowerCase() ?? null,
      ssid: field((l) => l.key === 'SSID') || null,
      bssid: macs[1]?.value.toLowerCase() ?? null,
      signalPercent: signal === undefined ? null : Number(signal),
      rssiDbm: asInteger(field((l) => l.key.toLowerCase() === 'rssi')),
      band:
        band === undefined
          ? bandOf(channel, null)
          : band === '5'
            ? '5 GHz'
            : band === '6'
              ? '6 GHz'
              : '2.4 GHz',
      channel,
      // Authentication values (WPA2-Personal, WPA3-Enterprise…) are not translated; "Open" is.
      security: field((l) => /^(WPA|WEP|RSNA|OWE)/i.test(l.value)),
    };
  });
}

/**
 * network-interfaces.ps1: Get-NetAdapter with its addresses; for Wi-Fi adapters, their association
 * from `netsh wlan show interfaces` (matched by interface GUID, else by name). The signal is the
 * quality Windows measures, never a dBm made up from it; a dBm appears only where Windows prints
 * the driver's RSSI (Windows 11).
 */
export function parseWindowsInterfaces(
  json: unknown,
  wlan: readonly NetshWlanInterface[] = [],
): InterfacesData {
  return {
    interfaces: asArray(prop(json, 'adapters') as unknown[]).flatMap((entry): NetworkInterface[] => {
      const name = asString(prop(entry, 'name'));
      if (!name) return [];
      const description = asString(prop(entry, 'description'));
      const medium = asInteger(prop(entry, 'physicalMedium'));
      // Tunnel drivers (Wintun, TAP, Cisco AnyConnect, GlobalProtect, Fortinet) announce themselves in the description.
      const vpn = /wintun|wireguard|tap-windows|anyconnect|globalprotect|pangp|fortinet|vpn/i.test(
        `${description ?? ''} ${name}`,
      );
      const kind: InterfaceKind = vpn
        ? 'vpn'
        : (PHYSICAL_MEDIUM[medium ?? -1] ?? (prop(entry, 'virtual') === true ? 'virtual' : 'other'));
      const bits = asNumber(prop(entry, 'receiveLinkSpeed'));
      const guid = asString(prop(entry, 'interfaceGuid'))?.toLowerCase() ?? null;
      const link =
        kind === 'wifi'
          ? (wlan.find((w) => guid !== null && w.guid === guid) ?? wlan.find((w) => w.name === name))
          : undefined;
      return [
        {
          name,
          description,
          kind,
          // InterfaceOperationalStatus 1 = up (RFC 2863 ifOperStatus), independent of the UI language.
          up: asInteger(prop(entry, 'operStatus')) === 1,
          mac: asString(prop(entry, 'macAddress'))?.replace(/-/g, ':').toLowerCase() || null,
          ipv4: asArray(prop(entry, 'ipv4') as unknown[]).flatMap((a) => {
            const address = asString(prop(a, 'address'));
            return address ? [{ address, prefixLength: asInteger(prop(a, 'prefixLength')) }] : [];
          }),
          ipv6: asArray(prop(entry, 'ipv6') as unknown[])
            .map(asString)
            .filter((a): a is string => Boolean(a)),
          speedMbps: bits !== null && bits > 0 ? Math.round(bits / 1e6) : null,
          mtu: asInteger(prop(entry, 'mtu')),
          wifi:
            kind === 'wifi'
              ? {
                  ssid: link?.ssid ?? null,
                  bssid: link?.bssid ?? null,
                  signalDbm: link?.rssiDbm ?? null,
                  signalPercent: link?.signalPercent ?? null,
                  band: link?.band ?? null,
                  channel: link?.channel ?? null,
                  security: link?.security ?? null,
                }
              : null,
        },
      ];
    }),
  };
}
