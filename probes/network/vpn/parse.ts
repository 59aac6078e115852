/**
 * Pure parsers for network.vpn: tunnels and VPN connections of each OS.
 */
import { asArray, asString, parseJson, prop } from '../../util/parse';

export interface VpnTunnel {
  name: string;
  /** What it is: wireguard, tun (OpenVPN, OpenConnect and most clients), ppp, ipsec, or the product. */
  type: string;
  connected: boolean;
  source: 'interface' | 'os-vpn';
}

export interface VpnData {
  tunnels: VpnTunnel[];
  anyConnected: boolean;
}

/** Link kinds that carry VPN traffic (`ip -d` linkinfo.info_kind), and PPP links. */
const TUNNEL_KINDS = new Set(['wireguard', 'tun', 'ipip', 'gre', 'vti', 'xfrm', 'ipsec']);

/** `ip -j -d link show`: tunnel links; up means the link carries traffic (operstate UP, or UNKNOWN with LOWER_UP for tun). */
export function parseIpLinks(text: string): VpnTunnel[] {
  const links = parseJson(text, 'ip link');
  return asArray(links as unknown[]).flatMap((link): VpnTunnel[] => {
    const name = asString(prop(link, 'ifname'));
    const kind = asString(prop(prop(link, 'linkinfo'), 'info_kind'));
    const linkType = asString(prop(link, 'link_type'));
    const type = kind && TUNNEL_KINDS.has(kind) ? kind : linkType === 'ppp' ? 'ppp' : null;
    if (!name || !type) return [];
    const flags = asArray(prop(link, 'flags') as unknown[]);
    const state = asString(prop(link, 'operstate'));
    // Tunnels often report operstate UNKNOWN; LOWER_UP says a client has it open.
    const connected = state === 'UP' || (state === 'UNKNOWN' && flags.includes('LOWER_UP'));
    return [{ name, type, connected, source: 'interface' }];
  });
}

/**
 * `scutil --nc list` (macOS): one line per VPN configuration, e.g.
 * `* (Connected)      4F3D… PPP --> L2TP  "Office VPN"  [PPP:L2TP]`. The status word is Apple's
 * fixed vocabulary (SCNetworkConnectionStatus), not translated.
 */
export function parseScutilNc(text: string): VpnTunnel[] {
  return text.split('\n').flatMap((line): VpnTunnel[] => {
    const match = /^\*?\s*\((\w+)\)\s+\S+\s+(.+?)\s+"([^"]+)"\s*(?:\[([^\]]+)\])?/.exec(line.trim());
    if (!match) return [];
    const [, status, , name, kind] = match;
    return [
      {
        name: name ?? '?',
        type: (kind ?? 'vpn').toLowerCase(),
        connected: status === 'Connected',
        source: 'os-vpn',
      },
    ];
  });
}

/** network-vpn.ps1: Windows' own VPN connections and third-party tunnel adapters. */
export function parseWindowsVpn(json: unknown): VpnTunnel[] {
  const connections = asArray(prop(json, 'connections') as unknown[]).flatMap((c): VpnTunnel[] => {
    const name = asString(prop(c, 'name'));
    // ConnectionStatus is the VpnConnection class's fixed value set (Connected, Disconnected…).
    return name
      ? [
          {
            name,
            type: (asString(prop(c, 'tunnelType')) ?? 'vpn').toLowerCase(),
            connected: asString(prop(c, 'status')) === 'Connected',
            source: 'os-vpn',
          },
        ]
      : [];
  });
  const adapters = asArray(prop(json, 'adapters') as unknown[]).flatMap((a): VpnTunnel[] => {
    const name = asString(prop(a, 'name'));
    // InterfaceOperationalStatus 1 = up (RFC 2863).
    return name
      ? [
          {
            name,
            type: asString(prop(a, 'description')) ?? 'tunnel',
            connected: prop(a, 'operStatus') === 1,
            source: 'interface',
          },
        ]
      : [];
  });
  return [...connections, ...adapters];
}

export function summarise(tunnels: VpnTunnel[]): VpnData {
  return { tunnels, anyConnected: tunnels.some((t) => t.connected) };
}
