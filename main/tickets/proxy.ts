/**
 * The headless transport: how the CLI (and SYSTEM scripts) send tickets on networks that only let
 * traffic out through a proxy. The desktop app uses Electron's net.fetch instead (Chromium's proxy
 * stack, with WPAD and Negotiate/NTLM); this is for plain Node, where fetch knows no proxy.
 *
 * Which proxy, first match wins (docs/helpdesks.md, "Proxies"):
 * 1. managed policy: ProxyServer and/or ProxyAutoConfigUrl (and ProxyBypass);
 * 2. the environment: HTTPS_PROXY / HTTP_PROXY / NO_PROXY (either case), as curl reads them;
 * 3. the system settings, read by the network.connectivity check's own code: on Windows the user's
 *    WinINET settings (proxy, bypass list, PAC URL), or the machine's WinHTTP proxy when Triage runs
 *    as SYSTEM; on macOS `scutil --proxy`; on Linux GNOME's settings;
 * 4. none: a direct connection.
 * A PAC script (policy or system) is fetched directly and run in a sandbox (probes/…/pac.ts); its
 * choices are tried in order while a proxy cannot be reached. WPAD (automatic discovery) is not done
 * here; the app does it through Chromium.
 *
 * Proxy credentials (Basic) come from policy (ProxyUser, ProxyPassword, usually `credential:NAME`)
 * or from the proxy URL in the environment; they travel only in the Proxy-Authorization header.
 */
import {
  fetch as undiciFetch,
  Agent,
  ProxyAgent,
  type Dispatcher,
  type RequestInit as UndiciInit,
} from 'undici';
import { parseProbeConfig } from '../../probes/config';
import { systemProxyConfiguration, winhttpProxyConfiguration } from '../../probes/network/connectivity';
import { evaluatePac, MAX_PAC_BYTES } from '../../probes/network/connectivity/pac';
import {
  bypasses,
  proxyFromEnvironment,
  proxyHostPort,
  type PacChoice,
  type ProxyConfiguration,
} from '../../probes/network/connectivity/parse';
import { createSystemContext } from '../../probes/system/context';
import { createPowerShellHost } from '../../probes/system/powershell';
import type { Gap, Platform } from '../../probes/types';
import { ProxyError, type Transport } from './types';

/** The proxy managed policy sets, credentials already resolved. */
export interface ProxyPolicy {
  /** host:port or http://host:port; "direct" forces a direct connection. */
  readonly server: string | null;
  readonly pacUrl: string | null;
  readonly bypass: readonly string[];
  readonly user: string | null;
  readonly password: string | null;
}

export interface ProxyTransportOptions {
  readonly policy?: ProxyPolicy | null;
  readonly env?: NodeJS.ProcessEnv;
  /** The system's proxy settings (the connectivity check's collection); null when there are none. */
  readonly system?: () => Promise<ProxyConfiguration | null>;
  /** Budget of fetching and running a PAC script. */
  readonly pacTimeoutMs?: number;
}

/** Where a request goes, and why (for messages and tests). */
export interface ProxyRoute {
  readonly source: 'policy' | 'environment' | 'system' | 'none';
  readonly choices: readonly PacChoice[];
}

const DIRECT: PacChoice = { kind: 'direct' };
/** A PAC file is fetched at most this often per transport; it changes rarely. */
const PAC_CACHE_MS = 5 * 60_000;

interface Layer {
  readonly source: ProxyRoute['source'];
  readonly config: ProxyConfiguration;
  /** Basic credentials for this layer's proxies. */
  readonly credentials: { readonly user: string; readonly password: string } | null;
}

function environmentCredentials(env: NodeJS.ProcessEnv): Layer['credentials'] {
  const raw = env.https_proxy ?? env.HTTPS_PROXY ?? env.http_proxy ?? env.HTTP_PROXY;
  if (!raw) return null;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw.trim()) ? raw.trim() : `http://${raw.trim()}`);
    return url.username
      ? { user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) }
      : null;
  } catch {
    return null;
  }
}

function policyLayer(policy: ProxyPolicy | null | undefined): Layer | null {
  if (!policy || (!policy.server && !policy.pacUrl)) return null;
  const direct = policy.server?.trim().toLowerCase() === 'direct';
  return {
    source: 'policy',
    config: {
      source: 'none',
      server: direct ? null : proxyHostPort(policy.server),
      pacUrl: direct ? null : policy.pacUrl,
      autoDetect: null,
      bypass: [...policy.bypass],
    },
    credentials: policy.user && policy.password ? { user: policy.user, password: policy.password } : null,
  };
}

/** A proxy route for one URL, given the settings and a way to run PAC scripts. */
export async function routeFor(
  url: URL,
  layer: Layer | null,
  pac: (pacUrl: string, url: URL) => Promise<PacChoice[] | null>,
): Promise<PacChoice[]> {
  if (!layer) return [DIRECT];
  const { config } = layer;
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  if (bypasses(url.hostname, port, config.bypass)) return [DIRECT];
  if (config.pacUrl) {
    const choices = await pac(config.pacUrl, url);
    // A PAC that cannot be fetched or run: WinINET and Chromium fall back to the fixed proxy, if any.
    if (choices) return choices.filter((c) => c.kind === 'direct' || c.kind === 'proxy');
  }
  return config.server ? [{ kind: 'proxy', hostPort: config.server }] : [DIRECT];
}

/** Network errors that mean the proxy itself could not be reached. */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ECONNRESET',
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
]);

function errorChain(error: unknown): { code: string | undefined; messages: string[] } {
  const messages: string[] = [];
  let code: string | undefined;
  let current: unknown = error;
  for (let i = 0; i < 5 && current; i += 1) {
    const c = (current as { code?: unknown }).code;
    if (code === undefined && typeof c === 'string') code = c;
    if (current instanceof Error) messages.push(current.message);
    current = (current as { cause?: unknown }).cause;
  }
  return { code, messages };
}

/** undici's words for a proxy that answered CONNECT with something other than 200. */
const TUNNEL_STATUS = /Proxy response \((\d{3})\) !== 200|Proxy Authentication Required \((407)\)/;

/**
 * What went wrong through a proxy, as a ProxyError when the proxy is to blame (it answered the
 * tunnel with an error, or could not be reached at all); otherwise the error as it was.
 */
function blameProxy(error: unknown, proxy: string, connected: boolean): unknown {
  const { code, messages } = errorChain(error);
  const tunnel = messages.map((m) => TUNNEL_STATUS.exec(m)).find(Boolean);
  if (tunnel) {
    const status = Number(tunnel[1] ?? tunnel[2]);
    return status === 407
      ? new ProxyError('auth-required', proxy, 'it answered HTTP 407', { status, cause: error })
      : new ProxyError('refused', proxy, `it answered HTTP ${status}`, { status, cause: error });
  }
  // Before the tunnel stands, every connection Triage opens goes to the proxy.
  if (!connected && code && UNREACHABLE.has(code))
    return new ProxyError('unreachable', proxy, code, { cause: error });
  return error;
}

/** A fetch body undici's fetch reads the same way on every attempt (a FormData from Node's own undici is not one). */
async function replayableBody(init: RequestInit): Promise<RequestInit> {
  if (!(init.body instanceof FormData)) return init;
  // Node's global Response encodes the multipart body and its boundary the way fetch would.
  const encoded = new Response(init.body);
  const headers = new Headers(init.headers);
  headers.set('content-type', encoded.headers.get('content-type') ?? 'multipart/form-data');
  return { ...init, headers, body: new Uint8Array(await encoded.arrayBuffer()) };
}

/**
 * A fetch-like function that goes through the proxy the settings name for each URL. Dispatchers are
 * kept per proxy (connections are reused); `close()` ends them.
 */
export function createProxyTransport(
  options: ProxyTransportOptions = {},
): Transport & { close(): Promise<void>; route(url: string): Promise<ProxyRoute> } {
  const env = options.env ?? process.env;
  const pacTimeoutMs = options.pacTimeoutMs ?? 5_000;
  const direct = new Agent();
  const agents = new Map<string, Dispatcher>();
  const pacCache = new Map<string, { at: number; script: string | null }>();
  let layerPromise: Promise<Layer | null> | undefined;

  const layer = (): Promise<Layer | null> => {
    layerPromise ??= (async (): Promise<Layer | null> => {
      const fromPolicy = policyLayer(options.policy);
      if (fromPolicy) return fromPolicy;
      const fromEnv = proxyFromEnvironment((name) => env[name]);
      if (fromEnv)
        return { source: 'environment', config: fromEnv, credentials: environmentCredentials(env) };
      const system = await options.system?.().catch(() => null);
      if (system && (system.server || system.pacUrl)) {
        const policyCredentials =
          options.policy?.user && options.policy.password
            ? { user: options.policy.user, password: options.policy.password }
            : null;
        return { source: 'system', config: system, credentials: policyCredentials };
      }
      return null;
    })();
    return layerPromise;
  };

  const pacScript = async (pacUrl: string): Promise<string | null> => {
    const cached = pacCache.get(pacUrl);
    if (cached && Date.now() - cached.at < PAC_CACHE_MS) return cached.script;
    let script: string | null = null;
    try {
      // The PAC file is fetched directly, as browsers do (it says which proxy to use).
      const response = await undiciFetch(pacUrl, {
        dispatcher: direct,
        signal: AbortSignal.timeout(pacTimeoutMs),
      });
      const text = await response.text();
      if (response.ok && Buffer.byteLength(text) <= MAX_PAC_BYTES) script = text;
    } catch {
      script = null;
    }
    pacCache.set(pacUrl, { at: Date.now(), script });
    return script;
  };

  const pac = async (pacUrl: string, url: URL): Promise<PacChoice[] | null> => {
    const script = await pacScript(pacUrl);
    if (script === null) return null;
    try {
      return (await evaluatePac(script, url.href, { timeoutMs: pacTimeoutMs })).choices;
    } catch {
      return null;
    }
  };

  const agentFor = (hostPort: string, credentials: Layer['credentials']): Dispatcher => {
    let agent = agents.get(hostPort);
    if (!agent) {
      agent = new ProxyAgent({
        uri: `http://${hostPort}`,
        // http:// addresses go as plain proxy requests, as browsers send them (proxies often allow
        // CONNECT to port 443 only); https:// ones through a CONNECT tunnel.
        proxyTunnel: false,
        ...(credentials
          ? {
              token: `Basic ${Buffer.from(`${credentials.user}:${credentials.password}`, 'utf8').toString('base64')}`,
            }
          : {}),
      });
      agents.set(hostPort, agent);
    }
    return agent;
  };

  const route = async (url: string): Promise<ProxyRoute> => {
    const current = await layer();
    const choices = await routeFor(new URL(url), current, pac);
    return { source: current?.source ?? 'none', choices };
  };

  const transport = async (url: string, init: RequestInit): Promise<Response> => {
    const current = await layer();
    const choices = await routeFor(new URL(url), current, pac);
    // Node's fetch types and undici's are the same web types from two copies of undici.
    const body = (await replayableBody(init)) as unknown as UndiciInit;
    let lastError: ProxyError | undefined;
    for (const [index, choice] of choices.entries()) {
      const proxy = choice.kind === 'direct' ? null : choice.hostPort;
      const dispatcher = proxy ? agentFor(proxy, current?.credentials ?? null) : direct;
      let response: Response;
      try {
        // undici's fetch takes a dispatcher; its Response is the same web type as Node's (the cast
        // is for the DOM typings of tests/renderer, where the two declarations differ).
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
        response = (await undiciFetch(url, { ...body, dispatcher })) as unknown as Response;
      } catch (error) {
        if (!proxy || init.signal?.aborted) throw error;
        const blamed = blameProxy(error, proxy, false);
        // The next PAC choice is tried only when this proxy could not be reached at all.
        if (blamed instanceof ProxyError && blamed.reason === 'unreachable' && index < choices.length - 1) {
          lastError = blamed;
          continue;
        }
        throw blamed;
      }
      if (proxy && response.status === 407) {
        await response.body?.cancel().catch(() => undefined);
        throw new ProxyError('auth-required', proxy, 'it answered HTTP 407', { status: 407 });
      }
      return response;
    }
    throw lastError ?? new Error('No proxy choice was left to try.');
  };

  return Object.assign(transport, {
    route,
    async close(): Promise<void> {
      await Promise.all([direct, ...agents.values()].map((agent) => agent.close().catch(() => undefined)));
      agents.clear();
    },
  });
}

/** Electron's ProxyConfig, the fields Triage sets (session.setProxy). */
export interface ChromiumProxyConfig {
  readonly mode: 'direct' | 'fixed_servers' | 'pac_script';
  readonly proxyRules?: string;
  readonly pacScript?: string;
  readonly proxyBypassRules?: string;
}

/**
 * The policy's proxy for the app's Chromium stack, or null to keep the system's settings. Chromium
 * has no "PAC, else this server" setting: with both, the PAC script decides (as browsers do when
 * both are configured), and a script that fails means DIRECT there.
 */
export function chromiumProxyConfig(policy: ProxyPolicy | null): ChromiumProxyConfig | null {
  if (!policy || (!policy.server && !policy.pacUrl)) return null;
  if (policy.server?.trim().toLowerCase() === 'direct') return { mode: 'direct' };
  const bypass = policy.bypass.length ? { proxyBypassRules: policy.bypass.join(',') } : {};
  if (policy.pacUrl) return { mode: 'pac_script', pacScript: policy.pacUrl, ...bypass };
  const server = proxyHostPort(policy.server);
  return server ? { mode: 'fixed_servers', proxyRules: server, ...bypass } : null;
}

const isPlatform = (value: string): value is Platform =>
  value === 'win32' || value === 'darwin' || value === 'linux';

const QUIET = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * The system's proxy settings, read by the network.connectivity check's own collection. As SYSTEM
 * on Windows (where the user's settings are not ours to read) it is the machine's WinHTTP proxy.
 */
export async function readSystemProxy(
  platform: NodeJS.Platform = process.platform,
): Promise<ProxyConfiguration | null> {
  if (!isPlatform(platform)) return null;
  const powershell = platform === 'win32' ? createPowerShellHost() : undefined;
  try {
    const ctx = createSystemContext({
      platform,
      // Reading settings takes well under a second; a stuck PowerShell must not hold a ticket back.
      signal: AbortSignal.timeout(15_000),
      config: parseProbeConfig({}),
      log: QUIET,
      commandTimeoutMs: 10_000,
      powershell,
      record: () => undefined,
    });
    const gaps: Gap[] = [];
    const config = await systemProxyConfiguration(ctx, gaps);
    return config.source === 'not-read' ? await winhttpProxyConfiguration(ctx) : config;
  } finally {
    await powershell?.dispose();
  }
}
