/**
 * Pure parsers and judgement for network.connectivity: the proxy configuration of each OS, and what
 * the answer of the check URL means (internet, captive portal, filter, nothing).
 */
import type { HttpResult } from '../../types';
import { asInteger, asString, prop } from '../../util/parse';

export interface ProxyConfiguration {
  /** `not-read`: run as SYSTEM, the signed-in user's own (per-user) settings could not be read. */
  source: 'none' | 'environment' | 'gnome' | 'windows' | 'macos' | 'not-read';
  /** The proxy for web traffic as host:port, or null for a direct connection. */
  server: string | null;
  /** A proxy auto-configuration (PAC) script's URL. */
  pacUrl: string | null;
  /** Web Proxy Auto-Discovery (WPAD) is on. */
  autoDetect: boolean | null;
  bypass: string[];
}

export type CheckOutcome = 'ok' | 'captive-portal' | 'unexpected' | 'failed';

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
  proxy: ProxyConfiguration & { reachable: boolean | null; pacReachable: boolean | null };
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
 * What the check URL's answer means:
 * - ok: the expected status and body — the internet is reachable;
 * - captive-portal: a redirect to another host, or a page that is not the expected one (a hotel or
 *   guest Wi-Fi login page answers every URL with itself);
 * - unexpected: some other answer (a filter's block page, an error from a proxy);
 * - failed: no answer at all.
 */
export function judgeCheck(result: HttpResult, expected: { status: number; body: string }): CheckOutcome {
  const url = new URL(result.url);
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
