/**
 * Pure parsers for network.dhcp: the address leases of each OS, and how much of each is left.
 */
import { asArray, asBoolean, asString, prop } from '../../util/parse';

export interface DhcpLease {
  interface: string;
  address: string | null;
  server: string | null;
  obtainedAt: string | null;
  expiresAt: string | null;
  leaseSeconds: number | null;
  /** Seconds until the lease ends (negative: it has ended); null when unknown. */
  secondsLeft: number | null;
}

export interface DhcpData {
  /** Interfaces that get their address by DHCP (null when the OS does not say). */
  dhcpInterfaces: string[] | null;
  leases: DhcpLease[];
}

/** dhclient writes lease times as "<weekday> YYYY/MM/DD HH:MM:SS" in UTC (or "epoch <seconds>" with db-time-format local). */
export function dhclientTime(value: string | undefined): Date | null {
  if (!value) return null;
  const epoch = /^epoch (\d+)/.exec(value);
  if (epoch?.[1]) return new Date(Number(epoch[1]) * 1000);
  const match = /^\d (\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match.map(Number);
  return new Date(Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, s ?? 0));
}

function lease(
  iface: string,
  address: string | null,
  server: string | null,
  expires: Date | null,
  leaseSeconds: number | null,
  now: Date,
  obtained: Date | null = null,
): DhcpLease {
  const obtainedAt =
    obtained ?? (expires && leaseSeconds !== null ? new Date(expires.getTime() - leaseSeconds * 1000) : null);
  return {
    interface: iface,
    address,
    server,
    obtainedAt: obtainedAt?.toISOString() ?? null,
    expiresAt: expires?.toISOString() ?? null,
    leaseSeconds,
    secondsLeft: expires ? Math.round((expires.getTime() - now.getTime()) / 1000) : null,
  };
}

/** An isc-dhcp-client lease file: `lease { … }` blocks appended over time; the last one per interface counts. */
export function parseDhclientLeases(text: string, now: Date): DhcpLease[] {
  const latest = new Map<string, DhcpLease>();
  for (const block of text.split(/\blease\s*\{/).slice(1)) {
    const body = block.split('}')[0] ?? '';
    const value = (pattern: RegExp): string | undefined => pattern.exec(body)?.[1];
    const iface = value(/interface\s+"([^"]+)"/);
    if (!iface) continue;
    const seconds = value(/option dhcp-lease-time\s+(\d+)/);
    latest.set(
      iface,
      lease(
        iface,
        value(/fixed-address\s+([\d.]+)/) ?? null,
        value(/option dhcp-server-identifier\s+([\d.]+)/) ?? null,
        dhclientTime(value(/expire\s+([^;]+);/)),
        seconds ? Number(seconds) : null,
        now,
      ),
    );
  }
  return [...latest.values()];
}

/** systemd-networkd's lease file (/run/systemd/netif/leases/<ifindex>): KEY=value lines. */
export function parseNetworkdLease(text: string, iface: string, now: Date): DhcpLease | null {
  const value = (key: string): string | null =>
    new RegExp(`^${key}=(.*)$`, 'm').exec(text)?.[1]?.trim() ?? null;
  const address = value('ADDRESS');
  if (!address) return null;
  const lifetime = value('LIFETIME');
  // networkd records no timestamps: only the lease's length is known, not when it started.
  return {
    ...lease(iface, address, value('SERVER_ADDRESS'), null, lifetime ? Number(lifetime) : null, now),
    secondsLeft: null,
  };
}

/** `ipconfig getpacket <if>` (macOS): the last DHCP ACK, with lease_time in hex seconds. */
export function parseIpconfigPacket(text: string, iface: string, now: Date): DhcpLease | null {
  const address = /^yiaddr = ([\d.]+)/m.exec(text)?.[1] ?? null;
  if (!address || address === '0.0.0.0') return null;
  const seconds = /^lease_time \(uint32\): (0x[0-9a-f]+)/im.exec(text)?.[1];
  // The packet carries no time of receipt: the lease length is known, its end is not.
  return {
    ...lease(
      iface,
      address,
      /^server_identifier \(ip\): ([\d.]+)/m.exec(text)?.[1] ?? null,
      null,
      seconds ? Number.parseInt(seconds, 16) : null,
      now,
    ),
    secondsLeft: null,
  };
}

/** network-dhcp.ps1: Win32_NetworkAdapterConfiguration of IP-enabled adapters, times as ISO 8601. */
export function parseWindowsDhcp(json: unknown, now: Date): DhcpData {
  const adapters = asArray(prop(json, 'adapters') as unknown[]);
  const dhcp = adapters.filter((a) => asBoolean(prop(a, 'dhcpEnabled')) === true);
  return {
    dhcpInterfaces: dhcp.map((a) => asString(prop(a, 'name')) ?? '?'),
    leases: dhcp.flatMap((a) => {
      const expires = asString(prop(a, 'leaseExpires'));
      const obtained = asString(prop(a, 'leaseObtained'));
      const expiresAt = expires ? new Date(expires) : null;
      const obtainedAt = obtained ? new Date(obtained) : null;
      const valid = (d: Date | null): Date | null => (d && !Number.isNaN(d.getTime()) ? d : null);
      const seconds =
        valid(expiresAt) && valid(obtainedAt)
          ? Math.round(((expiresAt?.getTime() ?? 0) - (obtainedAt?.getTime() ?? 0)) / 1000)
          : null;
      const address =
        asArray(prop(a, 'ipAddress') as unknown[])
          .map(asString)
          .find((ip) => ip && ip.includes('.')) ?? null;
      return [
        lease(
          asString(prop(a, 'name')) ?? '?',
          address,
          asString(prop(a, 'dhcpServer')),
          valid(expiresAt),
          seconds,
          now,
          valid(obtainedAt),
        ),
      ];
    }),
  };
}
