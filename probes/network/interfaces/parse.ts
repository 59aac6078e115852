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

/** Windows reports signal quality 0–100 %; dBm ≈ quality / 2 − 100 is Microsoft's documented mapping (WLAN_ASSOCIATION_ATTRIBUTES). */
export function dbmFromPercent(percent: number | null): number | null {
  return percent === null ? null : Math.round(percent / 2 - 100);
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

/** network-interfaces.ps1: Get-NetAdapter with its addresses and, for Wi-Fi, the WLAN association. */
export function parseWindowsInterfaces(json: unknown): InterfacesData {
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
      const wlan = prop(entry, 'wifi');
      const quality = asNumber(prop(wlan, 'signalQuality'));
      const channel = asInteger(prop(wlan, 'channel'));
      return [
        {
          name,
          description,
          kind,
          // InterfaceOperationalStatus 1 = up (RFC 2863 ifOperStatus), independent of the UI language.
          up: asInteger(prop(entry, 'operStatus')) === 1,
          mac: asString(prop(entry, 'macAddress'))?.replace(/-/g, ':').toLowerCase() ?? null,
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
                  ssid: asString(prop(wlan, 'ssid')),
                  bssid: asString(prop(wlan, 'bssid')),
                  signalDbm: dbmFromPercent(quality),
                  signalPercent: quality,
                  band: bandOf(channel, asNumber(prop(wlan, 'frequencyMHz'))),
                  channel,
                  security: asString(prop(wlan, 'security')),
                }
              : null,
        },
      ];
    }),
  };
}
