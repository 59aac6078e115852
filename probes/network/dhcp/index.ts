/**
 * network.dhcp — which interfaces get their address by DHCP, from which server, and how much of the
 * lease is left. (A self-assigned 169.254 address, the sign that no DHCP server answered, is judged
 * from network.interfaces.)
 */
import { join } from 'node:path';
import { defineProbe, type Gap, type ProbeContext } from '../../types';
import { ifPresent, optional } from '../../util/gaps';
import { asBoolean, asString, prop } from '../../util/parse';
import {
  parseDhclientLeases,
  parseIpconfigPacket,
  parseNetworkdLease,
  parseWindowsDhcp,
  type DhcpData,
  type DhcpLease,
} from './parse';

export type { DhcpData } from './parse';

const DHCLIENT_DIRS = ['/var/lib/dhcp', '/var/lib/dhclient'];
const NETWORKD_LEASES = '/run/systemd/netif/leases';

/** The interfaces systeminformation says use DHCP (Linux and macOS). */
async function dhcpInterfaces(ctx: ProbeContext, gaps: Gap[]): Promise<string[] | null> {
  const list = await optional(ctx, gaps, 'which interfaces use DHCP', () =>
    ctx.systemInformation('networkInterfaces'),
  );
  return list === null
    ? null
    : (Array.isArray(list) ? list : [list])
        .filter((i) => asBoolean(prop(i, 'dhcp')) === true)
        .map((i) => asString(prop(i, 'iface')) ?? '?');
}

async function linuxLeases(ctx: ProbeContext): Promise<DhcpLease[]> {
  const now = ctx.now();
  const leases: DhcpLease[] = [];
  // Missing folders are normal: each DHCP client keeps its own, and only one is in use.
  const list = async (dir: string): Promise<string[]> => (await ifPresent(ctx, () => ctx.readDir(dir))) ?? [];
  for (const dir of DHCLIENT_DIRS) {
    for (const name of (await list(dir)).filter((n) => /^dhclient.*\.leases?$/.test(n)))
      leases.push(...parseDhclientLeases(await ctx.readFile(`${dir}/${name}`), now));
  }
  for (const index of await list(NETWORKD_LEASES)) {
    const found = parseNetworkdLease(
      await ctx.readFile(`${NETWORKD_LEASES}/${index}`),
      `ifindex ${index}`,
      now,
    );
    if (found) leases.push(found);
  }
  // The newest lease per interface: old files of renamed or replaced interfaces linger.
  const newest = new Map<string, DhcpLease>();
  for (const lease of leases) {
    const seen = newest.get(lease.interface);
    if (!seen || (lease.expiresAt ?? '') > (seen.expiresAt ?? '')) newest.set(lease.interface, lease);
  }
  return [...newest.values()];
}

async function collectLinux(ctx: ProbeContext) {
  const gaps: Gap[] = [];
  const [interfaces, leases] = await Promise.all([dhcpInterfaces(ctx, gaps), linuxLeases(ctx)]);
  return { data: { dhcpInterfaces: interfaces, leases } satisfies DhcpData, gaps };
}

async function collectDarwin(ctx: ProbeContext) {
  const gaps: Gap[] = [];
  const interfaces = await dhcpInterfaces(ctx, gaps);
  const leases = await Promise.all(
    (interfaces ?? []).map(async (name) => {
      const packet = await optional(ctx, gaps, `DHCP packet of ${name}`, () =>
        ctx.exec('ipconfig', ['getpacket', name]),
      );
      return packet ? parseIpconfigPacket(packet.stdout, name, ctx.now()) : null;
    }),
  );
  return {
    data: {
      dhcpInterfaces: interfaces,
      leases: leases.filter((l): l is DhcpLease => l !== null),
    } satisfies DhcpData,
    gaps,
  };
}

async function collectWindows(ctx: ProbeContext) {
  return { data: parseWindowsDhcp(await ctx.powershell(join(__dirname, 'network-dhcp.ps1')), ctx.now()) };
}

export const dhcpProbe = defineProbe<DhcpData>({
  descriptor: {
    id: 'network.dhcp',
    title: 'DHCP',
    description:
      'Which network interfaces get their address automatically (DHCP), from which server, and how long the lease lasts.',
    platforms: ['win32', 'darwin', 'linux'],
    timeoutMs: 8_000,
    fields: {
      dhcpInterfaces: {
        type: 'string[]',
        nullable: true,
        description: 'Interfaces set to get their address by DHCP (null: unknown).',
      },
      leases: { type: 'object[]', description: 'The current lease of each interface.' },
      'leases[].interface': { type: 'string', description: 'The interface.' },
      'leases[].address': {
        type: 'string',
        nullable: true,
        sensitive: 'ip',
        description: 'The address leased.',
      },
      'leases[].server': {
        type: 'string',
        nullable: true,
        sensitive: 'ip',
        description: 'The DHCP server that granted it.',
      },
      'leases[].obtainedAt': {
        type: 'string',
        nullable: true,
        description: 'When the lease began (ISO 8601).',
      },
      'leases[].expiresAt': {
        type: 'string',
        nullable: true,
        description: 'When the lease ends (ISO 8601).',
      },
      'leases[].leaseSeconds': {
        type: 'integer',
        nullable: true,
        unit: 's',
        description: 'Length of the lease.',
      },
      'leases[].secondsLeft': {
        type: 'integer',
        nullable: true,
        unit: 's',
        description: 'Time left (negative: ended).',
      },
    },
  },
  collectors: { linux: collectLinux, darwin: collectDarwin, win32: collectWindows },
});
