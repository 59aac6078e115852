/**
 * Pure parsers and judgement for network.connectivity: the proxy configuration of each OS, and what
 * the answer of the check URL means (internet, captive portal, filter, nothing).
 */
import type { HttpResult } from '../../types';
import { asInteger, asString, prop } from '../../util/parse';

export interface ProxyConfiguration {
  /**
   * `not-read`: run as SYSTEM, the signed-in user's own (per-user) settings could not be read;
   * `winhttp`: the machine's WinHTTP proxy (`netsh winhttp show proxy`), what services and SYSTEM use.
   */
  source: 'none' | 'environment' | 'gnome' | 'windows' | 'winhttp' | 'macos' | 'not-read';
  /** The proxy for web traffic as host:port, or null for a direct connection. */
  server: string | null;
  /** A proxy auto-configuration (PAC) script's URL. */
  pacUrl: string | null;
  /** Web Proxy Auto-Discovery (WPAD) is on. */
  autoDetect: boolean | null;
  bypass: string[];
}

/** `proxy-auth`: the proxy answered 407, it wants the client to sign in before it lets anything through. */
export type CheckOutcome = 'ok' | 'captive-portal' | 'proxy-auth' | 'unexpected' | 'failed';

export interface ConnectivityCheck {
  url: string;
  outcome: CheckOutcome;
  status: number | null;
  location: string | null;
  durationMs: number | null;
  viaProxy: string | null;
  error: string | null;
}

export interface TargetResult {
  host: string;
  alive: boolean;
  lossPercent: number;
  avgMs: number | null;
}

export interface ConnectivityData {
  check: ConnectivityCheck;
  proxy: ProxyConfiguration & {
    reachable: boolean | null;
    pacReachable: boolean | null;
    /**
     * What the PAC script said for the check URL ("PROXY host:port; DIRECT"); null when there is no
     * PAC or it could not be fetched or run. Absent in bundles from before it existed.
     */
    pacResult?: string | null;
  };
  targets: TargetResult[];
}

/** The user's proxy settings, when they were not read (run as SYSTEM): unknown, not "none". */
export const PROXY_NOT_READ: ProxyConfiguration = {
  source: 'not-read',
  server: null,
  pacUrl: null,
  autoDetect: null,
  bypass: [],
};

export const NO_PROXY: ProxyConfiguration = {
  source: 'none',
  server: null,
  pacUrl: null,
  autoDetect: null,
  bypass: [],
};

/** `http://user:pw@proxy:3128/` → `proxy:3128`; credentials never leave this function. */
export function proxyHostPort(value: string | null | undefined): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`);
    const port = url.port || (url.protocol === 'https:' ? '443' : '80');
    return url.hostname ? `${url.hostname}:${port}` : null;
  } catch {
    return null;
  }
}

/** The proxy environment variables (curl, Python and most Linux tools honour them). */
export function proxyFromEnvironment(env: (name: string) => string | undefined): ProxyConfiguration | null {
  const raw = env('https_proxy') ?? env('HTTPS_PROXY') ?? env('http_proxy') ?? env('HTTP_PROXY');
  const server = proxyHostPort(raw);
  if (!server) return null;
  const bypass = (env('no_proxy') ?? env('NO_PROXY') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return { source: 'environment', server, pacUrl: null, autoDetect: null, bypass };
}

/** `gsettings get` prints GVariant text: 'manual', 'host', 8080, ['localhost', '127.0.0.0/8']. */
function gvariant(text: string | null): string | null {
  if (text === null) return null;
  const trimmed = text.trim();
  return /^'.*'$/.test(trimmed) ? trimmed.slice(1, -1) : trimmed;
}

export function proxyFromGnome(values: {
  mode: string | null;
  autoconfigUrl: string | null;
  host: string | null;
  port: string | null;
  ignoreHosts: string | null;
}): ProxyConfiguration | null {
  const mode = gvariant(values.mode);
  if (mode === 'manual') {
    const host = gvariant(values.host);
    const port = asInteger(gvariant(values.port));
    const bypass = [...(values.ignoreHosts ?? '').matchAll(/'([^']*)'/g)]
      .map((m) => m[1] ?? '')
      .filter(Boolean);
    return host
      ? { source: 'gnome', server: `${host}:${port ?? 8080}`, pacUrl: null, autoDetect: false, bypass }
      : null;
  }
  if (mode === 'auto') {
    const pac = gvariant(values.autoconfigUrl);
    // GNOME's "automatic" with an empty URL means WPAD.
    return { source: 'gnome', server: null, pacUrl: pac || null, autoDetect: !pac, bypass: [] };
  }
  return null;
}

/** Windows' per-user WinINET settings (what Edge, Teams and Office use), from network-connectivity.ps1. */
export function proxyFromWindows(json: unknown): ProxyConfiguration {
  const enabled = asInteger(prop(json, 'proxyEnable')) === 1;
  const serverList = asString(prop(json, 'proxyServer'));
  // "host:port" for every protocol, or "http=host:port;https=host:port;…": take https, then http.
  let server: string | null = null;
  if (enabled && serverList) {
    const perProtocol = new Map(
      serverList
        .split(';')
        .map((part) =>
          part.includes('=') ? (part.split('=', 2) as [string, string]) : (['*', part] as [string, string]),
        ),
    );
    server = proxyHostPort(
      perProtocol.get('https') ?? perProtocol.get('http') ?? perProtocol.get('*') ?? null,
    );
  }
  const pacUrl = asString(prop(json, 'autoConfigUrl'));
  const bypass = (asString(prop(json, 'proxyOverride')) ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
  const autoDetect = asInteger(prop(json, 'autoDetect'));
  return {
    source: 'windows',
    server,
    pacUrl: pacUrl || null,
    autoDetect: autoDetect === null ? null : autoDetect === 1,
    bypass,
  };
}

/** `scutil --proxy`: a dictionary of HTTPEnable/HTTPProxy/HTTPPort, HTTPS…, ProxyAutoConfig…, ExceptionsList. */
export function proxyFromScutil(text: string): ProxyConfiguration {
  const value = (key: string): string | null =>
    new RegExp(`^\\s*${key}\\s*:\\s*(.+?)\\s*$`, 'm').exec(text)?.[1] ?? null;
  const hostPort = (prefix: 'HTTPS' | 'HTTP'): string | null =>
    value(`${prefix}Enable`) === '1' && value(`${prefix}Proxy`)
      ? `${value(`${prefix}Proxy`)}:${value(`${prefix}Port`) ?? '80'}`
      : null;
  const exceptions = /ExceptionsList\s*:\s*<array>\s*\{([^}]*)\}/.exec(text)?.[1] ?? '';
  return {
    source: 'macos',
    server: hostPort('HTTPS') ?? hostPort('HTTP'),
    pacUrl: value('ProxyAutoConfigEnable') === '1' ? value('ProxyAutoConfigURLString') : null,
    autoDetect: value('ProxyAutoDiscoveryEnable') === null ? null : value('ProxyAutoDiscoveryEnable') === '1',
    bypass: [...exceptions.matchAll(/^\s*\d+\s*:\s*(.+?)\s*$/gm)].map((m) => m[1] ?? ''),
  };
}

/**
 * `netsh winhttp show proxy`: the machine-wide WinHTTP proxy. English output (netsh translates its
 * labels, so the values are read by position: the first "… : value" line is the server list, the
 * second the bypass list); "Direct access (no proxy server)." has none.
 */
export function proxyFromNetshWinhttp(text: string): ProxyConfiguration {
  const values = [...text.matchAll(/^[^\S\r\n]*[^:\r\n]+?[^\S\r\n]*:[^\S\r\n]*(\S.*?)\s*$/gm)]
    .map((m) => m[1] ?? '')
    .filter((value) => value !== '');
  const [serverList, bypassList] = values;
  if (!serverList) return { ...NO_PROXY, source: 'winhttp' };
  const perProtocol = new Map(
    serverList
      .split(';')
      .map((part) =>
        part.includes('=') ? (part.split('=', 2) as [string, string]) : (['*', part] as [string, string]),
      ),
  );
  const bypass =
    !bypassList || /^\(none\)$/i.test(bypassList)
      ? []
      : bypassList
          .split(/[;,\s]+/)
          .map((s) => s.trim())
          .filter(Boolean);
  return {
    source: 'winhttp',
    server: proxyHostPort(
      perProtocol.get('https') ?? perProtocol.get('http') ?? perProtocol.get('*') ?? null,
    ),
    pacUrl: null,
    autoDetect: null,
    bypass,
  };
}

/** One choice of a PAC answer: a proxy (`PROXY`, `HTTPS`, `SOCKS…`) or a direct connection. */
export type PacChoice =
  { readonly kind: 'direct' } | { readonly kind: 'proxy' | 'https' | 'socks'; readonly hostPort: string };

/**
 * A PAC script's answer, `PROXY a:3128; PROXY b:3128; DIRECT`, as choices in order. Unknown kinds
 * are left out; an empty or unreadable answer means DIRECT, as browsers read it.
 */
export function parsePacResult(result: string): PacChoice[] {
  const choices: PacChoice[] = [];
  for (const part of result.split(';')) {
    const [word = '', target] = part.trim().split(/\s+/, 2);
    const kind = word.toUpperCase();
    if (kind === 'DIRECT') choices.push({ kind: 'direct' });
    else if (
      (kind === 'PROXY' || kind === 'HTTP' || kind === 'HTTPS' || kind.startsWith('SOCKS')) &&
      target
    ) {
      const hostPort = proxyHostPort(target);
      if (hostPort)
        choices.push({
          kind: kind === 'HTTPS' ? 'https' : kind.startsWith('SOCKS') ? 'socks' : 'proxy',
          hostPort,
        });
    }
  }
  return choices.length > 0 ? choices : [{ kind: 'direct' }];
}

function ipv4ToNumber(address: string): number | null {
  const parts = address.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return null;
  return parts.reduce((sum, p) => sum * 256 + Number(p), 0);
}

/**
 * Whether a host (and port) is in a proxy bypass list, in the forms the OSes and tools write:
 * `*` (everything), `<local>` (names without a dot), `example.com` and `.example.com` (the domain
 * and its subdomains, as NO_PROXY), `*.example.com` and other wildcards (WinINET, macOS), `host:port`,
 * and IPv4 ranges `10.0.0.0/8` or macOS's `169.254/16`.
 */
export function bypasses(host: string, port: number, patterns: readonly string[]): boolean {
  const name = host
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  return patterns.some((raw) => {
    let pattern = raw.trim().toLowerCase();
    if (!pattern) return false;
    if (pattern === '*') return true;
    if (pattern === '<local>') return !name.includes('.') && !name.includes(':');
    pattern = pattern.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
    const portMatch = /^(.*?[^:]):(\d+)$/.exec(pattern);
    if (portMatch && !pattern.startsWith('[')) {
      if (Number(portMatch[2]) !== port) return false;
      pattern = portMatch[1] ?? '';
    }
    pattern = pattern.replace(/^\[|\]$/g, '');
    const cidr = /^([\d.]+)\/(\d{1,2})$/.exec(pattern);
    if (cidr) {
      const octets = (cidr[1] ?? '').split('.').filter(Boolean);
      const base = ipv4ToNumber([...octets, '0', '0', '0', '0'].slice(0, 4).join('.'));
      const address = ipv4ToNumber(name);
      const bits = Number(cidr[2]);
      if (base === null || address === null || bits > 32) return false;
      const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
      return (address & mask) >>> 0 === (base & mask) >>> 0;
    }
    if (pattern.includes('*')) {
      const regex = new RegExp(
        `^${pattern
          .split('*')
          .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
          .join('.*')}$`,
      );
      return regex.test(name);
    }
    const domain = pattern.replace(/^\./, '');
    return name === domain || name.endsWith(`.${domain}`);
  });
}

/**
 * What the check URL's answer means:
 * - ok: the expected status and body — the internet is reachable;
 * - captive-portal: a redirect to another host, or a page that is not the expected one (a hotel or
 *   guest Wi-Fi login page answers every URL with itself);
 * - proxy-auth: the proxy answered 407 (Proxy Authentication Required);
 * - unexpected: some other answer (a filter's block page, an error from a proxy);
 * - failed: no answer at all.
 */
export function judgeCheck(result: HttpResult, expected: { status: number; body: string }): CheckOutcome {
  const url = new URL(result.url);
  if (result.status === 407 && result.viaProxy) return 'proxy-auth';
  if (result.status >= 300 && result.status < 400 && result.location) {
    try {
      return new URL(result.location, url).host !== url.host ? 'captive-portal' : 'unexpected';
    } catch {
      return 'unexpected';
    }
  }
  const bodyOk = expected.body === '' || result.bodySnippet.includes(expected.body);
  if (result.status === expected.status && bodyOk) return 'ok';
  if (result.status === 200 && /<html|<form|<!doctype/i.test(result.bodySnippet)) return 'captive-portal';
  return 'unexpected';
}
