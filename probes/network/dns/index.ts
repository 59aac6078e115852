/**
 * network.dns — which DNS servers this machine uses, and whether each one works: every test name is
 * resolved through the operating system's resolver (what applications see) AND asked of each server
 * directly (which server is to blame), with timings. Dead, slow, failing and lying servers are told
 * apart (see judgeServer).
 */
import { join } from 'node:path';
import { defineProbe, type Gap, type ProbeContext } from '../../types';
import { optional } from '../../util/gaps';
import {
  chooseServers,
  parseResolvConf,
  parseResolvectlStatus,
  parseScutilDns,
  parseWindowsDns,
  RESOLVED_STUB,
  serverResults,
  toQuery,
  type DnsConfiguration,
  type DnsData,
  type DnsQuery,
} from './parse';

export type { DnsData } from './parse';

/** More servers than this are rare, and each costs a round of queries. */
const MAX_SERVERS = 4;

async function linuxConfiguration(
  ctx: ProbeContext,
  gaps: Gap[],
): Promise<{ config: DnsConfiguration; source: DnsData['source'] }> {
  const resolvConf = parseResolvConf(await ctx.readFile('/etc/resolv.conf'));
  const onlyStub =
    resolvConf.servers.length > 0 && resolvConf.servers.every((s) => RESOLVED_STUB.has(s.address));
  if (!onlyStub) return { config: resolvConf, source: 'resolv.conf' };
  // systemd-resolved: resolv.conf names only its local stub; the real servers are per link.
  const status = await optional(
    ctx,
    gaps,
    'upstream servers',
    async () => (await ctx.exec('resolvectl', ['status', '--no-pager'])).stdout,
  );
  const upstream = status === null ? null : parseResolvectlStatus(status);
  return upstream && upstream.servers.length > 0
    ? {
        config: {
          servers: upstream.servers,
          searchDomains: [...new Set([...upstream.searchDomains, ...resolvConf.searchDomains])],
        },
        source: 'systemd-resolved',
      }
    : { config: resolvConf, source: 'resolv.conf' };
}

async function testServers(
  ctx: ProbeContext,
  config: DnsConfiguration,
  source: DnsData['source'],
): Promise<DnsData> {
  const { testNames, mustResolve, timeoutMs, slowMs } = ctx.config.dns;
  const names = [...new Set([...testNames, ...mustResolve])];
  const servers = chooseServers(config.servers, MAX_SERVERS);
  // Everything at once: a dead server costs one timeout, not one per name.
  const [system, perServer] = await Promise.all([
    // The system resolver may first wait out a dead server before asking the next one, as every
    // application does: it gets two server timeouts and a margin before it counts as failing.
    Promise.all(
      names.map(async (name) =>
        toQuery(await ctx.net.resolveSystem(name, { timeoutMs: timeoutMs * 2 + 1_000 })),
      ),
    ),
    Promise.all(
      servers.map(
        async (server) =>
          [
            server.address,
            await Promise.all(
              names.map(async (name) => toQuery(await ctx.net.queryDns(server.address, name, { timeoutMs }))),
            ),
          ] as const,
      ),
    ),
  ]);
  const answers = new Map<string, DnsQuery[]>(perServer);
  return {
    source,
    servers: serverResults(servers, answers, mustResolve, slowMs),
    searchDomains: config.searchDomains,
    system,
    systemResolves: system.filter((q) => testNames.includes(q.name)).every((q) => q.outcome === 'ok'),
  };
}

async function collectLinux(ctx: ProbeContext) {
  const gaps: Gap[] = [];
  const { config, source } = await linuxConfiguration(ctx, gaps);
  return { data: await testServers(ctx, config, source), gaps };
}

async function collectDarwin(ctx: ProbeContext) {
  const config = parseScutilDns((await ctx.exec('scutil', ['--dns'])).stdout);
  return { data: await testServers(ctx, config, 'scutil') };
}

async function collectWindows(ctx: ProbeContext) {
  const config = parseWindowsDns(await ctx.powershell(join(__dirname, 'network-dns.ps1')));
  return { data: await testServers(ctx, config, 'windows') };
}

export const dnsProbe = defineProbe<DnsData>({
  descriptor: {
    id: 'network.dns',
    title: 'DNS',
    description:
      'The DNS servers this computer uses and whether each one answers, how fast, and truthfully: every test name is resolved through the system and asked of each server directly.',
    platforms: ['win32', 'darwin', 'linux'],
    // Queries run in parallel: a dead server costs one DNS timeout (2 s by default); the system
    // resolver gets two of them (a dead first server, then the next) plus a margin.
    timeoutMs: 8_000,
    fields: {
      source: {
        type: 'string',
        enum: ['resolv.conf', 'systemd-resolved', 'windows', 'scutil'],
        description: 'Where the server list came from.',
      },
      servers: {
        type: 'object[]',
        description: 'Each configured DNS server (at most four) and its verdict.',
      },
      'servers[].address': { type: 'string', sensitive: 'ip', description: "The server's IP address." },
      'servers[].interfaces': {
        type: 'string[]',
        description: 'Network interfaces configured with this server (empty when global).',
      },
      'servers[].verdict': {
        type: 'string',
        enum: ['ok', 'slow', 'dead', 'lying', 'failing'],
        description:
          'ok; slow (median answer over dns.slowMs, or some questions unanswered); dead (never answered); lying (denied a name that must resolve or that another server resolved); failing (answered with SERVFAIL/REFUSED).',
      },
      'servers[].medianMs': {
        type: 'integer',
        nullable: true,
        unit: 'ms',
        description: "Median time of the server's answers.",
      },
      'servers[].queries': { type: 'object[]', description: 'Each test name asked of this server.' },
      'servers[].queries[].name': { type: 'string', description: 'The name asked.' },
      'servers[].queries[].outcome': {
        type: 'string',
        enum: ['ok', 'nxdomain', 'nodata', 'servfail', 'refused', 'timeout', 'unreachable', 'error'],
        description: 'What the server said.',
      },
      'servers[].queries[].addresses': { type: 'string[]', description: 'The IPv4 addresses it gave.' },
      'servers[].queries[].durationMs': {
        type: 'integer',
        unit: 'ms',
        description: 'Time to the answer (or to giving up).',
      },
      searchDomains: { type: 'string[]', description: 'DNS suffixes tried for short names.' },
      system: {
        type: 'object[]',
        description: 'Each test name resolved through the operating system, as applications do.',
      },
      'system[].name': { type: 'string', description: 'The name resolved.' },
      'system[].outcome': {
        type: 'string',
        enum: ['ok', 'nxdomain', 'nodata', 'servfail', 'refused', 'timeout', 'unreachable', 'error'],
        description: 'What the system resolver said.',
      },
      'system[].addresses': { type: 'string[]', description: 'Addresses returned (IPv4 and IPv6).' },
      'system[].durationMs': { type: 'integer', unit: 'ms', description: 'Time to the answer.' },
      systemResolves: {
        type: 'boolean',
        description: 'Every public test name resolved through the system resolver.',
      },
    },
  },
  collectors: { linux: collectLinux, darwin: collectDarwin, win32: collectWindows },
});
