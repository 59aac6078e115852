/**
 * Pure parsers and judgement for network.dns: which servers this machine is told to use, and what
 * each one did when asked.
 */
import type { DnsAnswer, DnsOutcome } from '../../types';
import { asArray, asString, prop } from '../../util/parse';

export interface ConfiguredServer {
  readonly address: string;
  /** The interfaces that use it (empty when global, as in /etc/resolv.conf). */
  readonly interfaces: string[];
}

export interface DnsConfiguration {
  readonly servers: ConfiguredServer[];
  readonly searchDomains: string[];
}

export type ServerVerdict = 'ok' | 'slow' | 'dead' | 'lying' | 'failing';

export interface DnsQuery {
  name: string;
  outcome: DnsOutcome;
  addresses: string[];
  durationMs: number;
}

export interface DnsServerResult {
  address: string;
  interfaces: string[];
  verdict: ServerVerdict;
  /** The median time of its answers (ms), null when it never answered. */
  medianMs: number | null;
  queries: DnsQuery[];
}

export interface DnsData {
  source: 'resolv.conf' | 'systemd-resolved' | 'windows' | 'scutil';
  servers: DnsServerResult[];
  searchDomains: string[];
  /** Each test name through the operating system's resolver, as applications see it. */
  system: DnsQuery[];
  /** Every public test name resolved through the system resolver. */
  systemResolves: boolean;
}

const IP = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-fA-F:]*:[0-9a-fA-F:.]*(?:%[\w.-]+)?)$/;

function addServer(servers: Map<string, string[]>, address: string, iface: string | null): void {
  // A link-local IPv6 server carries its zone (fe80::1%en0); the zone is the interface, not the address.
  const clean = address.trim();
  if (!IP.test(clean)) return;
  const list = servers.get(clean) ?? [];
  if (iface && !list.includes(iface)) list.push(iface);
  servers.set(clean, list);
}

function toConfiguration(servers: Map<string, string[]>, domains: Iterable<string>): DnsConfiguration {
  return {
    servers: [...servers].map(([address, interfaces]) => ({ address, interfaces })),
    searchDomains: [...new Set(domains)],
  };
}

/** /etc/resolv.conf: `nameserver` lines, and `search`/`domain` (the last one wins, as in glibc). */
export function parseResolvConf(text: string): DnsConfiguration {
  const servers = new Map<string, string[]>();
  let domains: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/[#;].*$/, '').trim();
    const [keyword, ...values] = line.split(/\s+/);
    if (keyword === 'nameserver' && values[0]) addServer(servers, values[0], null);
    if ((keyword === 'search' || keyword === 'domain') && values.length) domains = values;
  }
  return toConfiguration(servers, domains);
}

/** The systemd-resolved stub listener: resolv.conf then says nothing about the real servers. */
export const RESOLVED_STUB = new Set(['127.0.0.53', '127.0.0.54']);

/**
 * `resolvectl status`: a `Global` block and one `Link N (name)` block each, with `DNS Servers:`
 * (possibly continued on indented lines) and `DNS Domain:`.
 */
export function parseResolvectlStatus(text: string): DnsConfiguration {
  const servers = new Map<string, string[]>();
  const domains: string[] = [];
  let iface: string | null = null;
  let field: string | null = null;
  for (const raw of text.split('\n')) {
    const header = /^(?:Global|Link \d+ \(([^)]+)\))\s*$/.exec(raw.trim());
    if (header) {
      iface = header[1] ?? null;
      field = null;
      continue;
    }
    const pair = /^\s*([A-Za-z][A-Za-z .]*?):\s*(.*)$/.exec(raw);
    // A line without "Key:" continues the previous key's list (long server lists wrap).
    if (pair) field = pair[1] ?? null;
    const key: string | null = field;
    const values: string = pair ? (pair[2] ?? '') : raw.trim();
    if (!values) continue;
    if (key === 'DNS Servers')
      for (const address of values.split(/\s+/)) addServer(servers, address.replace(/#.*$/, ''), iface);
    if (key === 'DNS Domain') domains.push(...values.split(/\s+/).filter((d) => d !== '~.'));
  }
  return toConfiguration(servers, domains);
}

/**
 * `scutil --dns`: the first section ("DNS configuration") lists the resolvers applications use; the
 * ones with a `domain` only serve that domain (mDNS, VPN split DNS), the others are the defaults.
 */
export function parseScutilDns(text: string): DnsConfiguration {
  // Both sections: a VPN's resolver may be listed only "for scoped queries", bound to its tunnel
  // (real output: an OpenVPN tunnel whose servers appear nowhere else).
  const servers = new Map<string, string[]>();
  const domains: string[] = [];
  for (const block of text.split(/\nresolver #\d+\s*\n/).slice(1)) {
    const lines = block.split('\n').map((l) => l.trim());
    const value = (key: string): string[] =>
      lines
        .filter((l) => l.startsWith(`${key}[`) || l.startsWith(`${key} `))
        .map((l) => l.slice(l.indexOf(':') + 1).trim());
    if (value('domain').length > 0) continue;
    const iface = /\(([^)]+)\)/.exec(value('if_index')[0] ?? '')?.[1] ?? null;
    for (const address of value('nameserver')) addServer(servers, address.replace(/%.*$/, ''), iface);
    domains.push(...value('search domain'));
  }
  return toConfiguration(servers, domains);
}

/**
 * At most `max` servers to test, taken in turn from each interface (first server of each, then the
 * second…): a VPN that pushes four resolvers must not hide the LAN's one, the usual culprit.
 */
export function chooseServers(servers: readonly ConfiguredServer[], max: number): ConfiguredServer[] {
  const byInterface = new Map<string, ConfiguredServer[]>();
  for (const server of servers) {
    const key = server.interfaces[0] ?? '';
    byInterface.set(key, [...(byInterface.get(key) ?? []), server]);
  }
  const chosen: ConfiguredServer[] = [];
  for (let round = 0; chosen.length < max && chosen.length < servers.length; round++) {
    for (const list of byInterface.values()) {
      const server = list[round];
      if (server && chosen.length < max) chosen.push(server);
    }
  }
  // Keep the system's own order among those chosen.
  return servers.filter((server) => chosen.includes(server));
}

/** The JSON of os-dns.ps1: Get-DnsClientServerAddress per connected interface, and the suffix search list. */
export function parseWindowsDns(json: unknown): DnsConfiguration {
  const servers = new Map<string, string[]>();
  for (const entry of asArray(prop(json, 'interfaces') as unknown[])) {
    const alias = asString(prop(entry, 'interfaceAlias'));
    for (const address of asArray(prop(entry, 'serverAddresses') as unknown[])) {
      const text = asString(address);
      // fec0:0:0:ffff::1..3 are Windows' placeholder "site-local" servers when IPv6 has none: not real.
      if (text && !/^fec0:0:0:ffff::[123]$/i.test(text)) addServer(servers, text, alias);
    }
  }
  const domains = asArray(prop(json, 'suffixSearchList') as unknown[]).filter(
    (d): d is string => typeof d === 'string' && d !== '',
  );
  const primary = asString(prop(json, 'primaryDnsSuffix'));
  return toConfiguration(servers, primary ? [primary, ...domains] : domains);
}

const NO_ANSWER: ReadonlySet<DnsOutcome> = new Set(['timeout', 'unreachable']);
const DENIES: ReadonlySet<DnsOutcome> = new Set(['nxdomain', 'nodata']);

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return Math.round(
    sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2,
  );
}

/**
 * Judges each server from its answers, worst first:
 * - dead: it never answered (timeouts, port closed, unreachable);
 * - lying: it denies (NXDOMAIN/NODATA) a name that must resolve on this network, or a public name
 *   another server resolved — a filter, a hijacking router or the wrong network's server;
 * - failing: it answered with an error (SERVFAIL, REFUSED);
 * - slow: its median answer took longer than `slowMs`;
 * - ok.
 */
export function judgeServer(
  queries: readonly DnsQuery[],
  context: { mustResolve: readonly string[]; resolvedElsewhere: ReadonlySet<string>; slowMs: number },
): ServerVerdict {
  if (queries.length === 0) return 'dead';
  if (queries.every((q) => NO_ANSWER.has(q.outcome))) return 'dead';
  const must = new Set(context.mustResolve.map((n) => n.toLowerCase()));
  if (
    queries.some(
      (q) =>
        DENIES.has(q.outcome) &&
        (must.has(q.name.toLowerCase()) || context.resolvedElsewhere.has(q.name.toLowerCase())),
    )
  )
    return 'lying';
  if (queries.some((q) => q.outcome === 'servfail' || q.outcome === 'refused' || q.outcome === 'error'))
    return 'failing';
  const answered = queries.filter((q) => !NO_ANSWER.has(q.outcome)).map((q) => q.durationMs);
  // A server that answers some questions and lets others time out makes every lookup wait: slow too.
  if ((median(answered) ?? 0) > context.slowMs || queries.some((q) => NO_ANSWER.has(q.outcome)))
    return 'slow';
  return 'ok';
}

export function toQuery(answer: DnsAnswer): DnsQuery {
  return {
    name: answer.name,
    outcome: answer.outcome,
    addresses: [...answer.addresses],
    durationMs: Math.round(answer.durationMs),
  };
}

export function serverResults(
  configured: readonly ConfiguredServer[],
  answers: ReadonlyMap<string, DnsQuery[]>,
  mustResolve: readonly string[],
  slowMs: number,
): DnsServerResult[] {
  const resolvedElsewhere = (server: string): Set<string> =>
    new Set(
      [...answers]
        .filter(([other]) => other !== server)
        .flatMap(([, queries]) => queries.filter((q) => q.outcome === 'ok').map((q) => q.name.toLowerCase())),
    );
  return configured.map(({ address, interfaces }) => {
    const queries = answers.get(address) ?? [];
    const answered = queries.filter((q) => !NO_ANSWER.has(q.outcome)).map((q) => q.durationMs);
    return {
      address,
      interfaces,
      verdict: judgeServer(queries, { mustResolve, resolvedElsewhere: resolvedElsewhere(address), slowMs }),
      medianMs: median(answered),
      queries,
    };
  });
}
