/**
 * network.connectivity — can this computer reach the internet the way its applications do: the
 * check URL (through the proxy when one is configured), captive-portal detection, the proxy and its
 * PAC file, and loss and latency to the configured targets.
 */
import { join } from 'node:path';
import { describeError } from '../../errors';
import { defineProbe, type Gap, type ProbeContext } from '../../types';
import { machineAccountOf, notReadAsMachineAccount } from '../../system/account';
import { windowsSystemProgram } from '../../system/windows-paths';
import { optional } from '../../util/gaps';
import { prop } from '../../util/parse';
import { evaluatePac, MAX_PAC_BYTES } from './pac';
import {
  bypasses,
  judgeCheck,
  NO_PROXY,
  PROXY_NOT_READ,
  proxyFromEnvironment,
  proxyFromGnome,
  proxyFromNetshWinhttp,
  proxyFromScutil,
  proxyFromWindows,
  type ConnectivityCheck,
  type ConnectivityData,
  type ProxyConfiguration,
  type TargetResult,
} from './parse';

export type { ConnectivityData } from './parse';

/** Echo requests per target: enough to see loss of 20 % or more, short enough for the budget. */
const PING_COUNT = 5;

async function gnomeProxy(ctx: ProbeContext, gaps: Gap[]): Promise<ProxyConfiguration | null> {
  const get = async (schema: string, key: string): Promise<string | null> =>
    (await ctx.exec('gsettings', ['get', schema, key])).stdout;
  // gsettings exists only on desktops with GNOME's settings; elsewhere this is simply not there.
  return optional(ctx, gaps, 'desktop proxy settings', async () => {
    const [mode, autoconfigUrl, host, port, ignoreHosts] = await Promise.all([
      get('org.gnome.system.proxy', 'mode'),
      get('org.gnome.system.proxy', 'autoconfig-url'),
      get('org.gnome.system.proxy.https', 'host'),
      get('org.gnome.system.proxy.https', 'port'),
      get('org.gnome.system.proxy', 'ignore-hosts'),
    ]);
    return proxyFromGnome({ mode, autoconfigUrl, host, port, ignoreHosts });
  });
}

/**
 * The proxy configuration the signed-in user's applications use, per OS (see the probe's title).
 * The ticket transport (main/tickets/proxy.ts) reads it through this same function.
 */
export async function systemProxyConfiguration(ctx: ProbeContext, gaps: Gap[]): Promise<ProxyConfiguration> {
  if (ctx.platform === 'win32') {
    const json = await ctx.powershell(join(__dirname, 'network-connectivity.ps1'));
    // Run as SYSTEM, HKCU is SYSTEM's own hive: only settings Group Policy pins per machine hold
    // for the user too.
    const account = machineAccountOf(ctx);
    if (account !== null && prop(json, 'machineWide') !== true) {
      gaps.push({
        part: "the user's proxy settings",
        code: 'not-available',
        ...notReadAsMachineAccount(account, "the user's proxy settings"),
      });
      return PROXY_NOT_READ;
    }
    return proxyFromWindows(json);
  }
  if (ctx.platform === 'darwin') return proxyFromScutil((await ctx.exec('scutil', ['--proxy'])).stdout);
  // Linux: the environment wins (it is what command-line tools and most apps use), then GNOME's.
  return proxyFromEnvironment((name) => ctx.env(name)) ?? (await gnomeProxy(ctx, gaps)) ?? NO_PROXY;
}

/**
 * Windows' machine proxy (WinHTTP, `netsh winhttp show proxy`): what services and SYSTEM use, and
 * what Triage sends through when it runs as SYSTEM (an Intune remediation).
 */
export async function winhttpProxyConfiguration(ctx: ProbeContext): Promise<ProxyConfiguration> {
  // By absolute path: a netsh.exe earlier in PATH must not answer for Windows.
  const netsh = windowsSystemProgram('netsh.exe', (name) => ctx.env(name));
  return proxyFromNetshWinhttp((await ctx.exec(netsh, ['winhttp', 'show', 'proxy'])).stdout);
}

async function check(ctx: ProbeContext, proxy: string | null): Promise<ConnectivityCheck> {
  const { checkUrl, expectedStatus, expectedBody, timeoutMs } = ctx.config.connectivity;
  try {
    const result = await ctx.net.httpGet(checkUrl, { timeoutMs, proxy });
    return {
      url: checkUrl,
      outcome: judgeCheck(result, { status: expectedStatus, body: expectedBody }),
      status: result.status,
      location: result.location,
      durationMs: Math.round(result.durationMs),
      viaProxy: result.viaProxy,
      error: null,
    };
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    return {
      url: checkUrl,
      outcome: 'failed',
      status: null,
      location: null,
      durationMs: null,
      viaProxy: proxy,
      error: describeError(error).message,
    };
  }
}

/**
 * Which proxy the check URL goes through, decided as the applications' own network stack does: the
 * bypass list, then the PAC script's first usable choice, then the fixed proxy. A PAC file that
 * cannot be fetched or run means the fixed proxy (as WinINET and Chromium fall back), and a gap.
 */
async function routeOfCheck(
  ctx: ProbeContext,
  proxy: ProxyConfiguration,
  gaps: Gap[],
): Promise<{ via: string | null; pacReachable: boolean | null; pacResult: string | null }> {
  const { checkUrl, timeoutMs } = ctx.config.connectivity;
  const url = new URL(checkUrl);
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  let pacReachable: boolean | null = null;
  let pacResult: string | null = null;
  /** undefined: the PAC script decided nothing (none, not fetched, failed). */
  let fromPac: string | null | undefined;
  if (proxy.pacUrl) {
    const script = await ctx.net
      .httpGet(proxy.pacUrl, { timeoutMs, maxBodyBytes: MAX_PAC_BYTES + 1 })
      .catch((error: unknown) => {
        if (ctx.signal.aborted) throw error;
        return null;
      });
    pacReachable = script?.status === 200;
    if (script && pacReachable) {
      try {
        const evaluated = await evaluatePac(script.bodySnippet, checkUrl);
        pacResult = evaluated.result;
        const first = evaluated.choices.find((c) => c.kind === 'direct' || c.kind === 'proxy');
        if (first) fromPac = first.kind === 'direct' ? null : first.hostPort;
      } catch (error) {
        if (ctx.signal.aborted) throw error;
        const { code, message } = describeError(error);
        gaps.push({ part: 'the PAC script', code, message });
      }
    }
  }
  const via = bypasses(url.hostname, port, proxy.bypass)
    ? null
    : fromPac !== undefined
      ? fromPac
      : proxy.server;
  return { via, pacReachable, pacResult };
}

async function collect(ctx: ProbeContext) {
  const gaps: Gap[] = [];
  const proxy = await systemProxyConfiguration(ctx, gaps);
  const { timeoutMs, pingTargets } = ctx.config.connectivity;
  // A proxy or PAC server that cannot be reached is a fact; a cancelled check is not.
  const falseUnlessAborted = (error: unknown): false => {
    if (ctx.signal.aborted) throw error;
    return false;
  };
  const [hostPort] = proxy.server ? [proxy.server.split(/:(?=\d+$)/)] : [null];
  const [route, reachable, targets] = await Promise.all([
    routeOfCheck(ctx, proxy, gaps),
    hostPort
      ? ctx.net
          .tcpConnect(hostPort[0] ?? '', Number(hostPort[1]), { timeoutMs })
          .then(() => true, falseUnlessAborted)
      : Promise.resolve(null),
    Promise.all(
      pingTargets.map(async (host): Promise<TargetResult> => {
        const ping = await ctx.net.ping(host, { count: PING_COUNT, timeoutMs });
        return { host, alive: ping.alive, lossPercent: ping.lossPercent, avgMs: ping.avgMs };
      }),
    ),
  ]);
  const result = await check(ctx, route.via);
  const data: ConnectivityData = {
    check: result,
    proxy: {
      ...proxy,
      reachable,
      pacReachable: route.pacReachable,
      pacResult: route.pacResult,
    },
    targets,
  };
  return { data, gaps };
}

export const connectivityProbe = defineProbe<ConnectivityData>({
  descriptor: {
    id: 'network.connectivity',
    title: 'Internet connection',
    description:
      'Whether the internet answers the way applications reach it: the check URL (through the proxy if one is set), captive portals, the proxy and its PAC file, and loss and latency to the configured targets.',
    platforms: ['win32', 'darwin', 'linux'],
    // The PAC script is fetched (up to connectivity.timeoutMs, 5 s by default) before the check URL
    // (as long again), since it decides the proxy; ping, beside them, needs about a second per echo.
    timeoutMs: 15_000,
    fields: {
      check: { type: 'object', description: 'The HTTP check of connectivity.checkUrl.' },
      'check.url': { type: 'string', description: 'The URL checked.' },
      'check.outcome': {
        type: 'string',
        enum: ['ok', 'captive-portal', 'proxy-auth', 'unexpected', 'failed'],
        description:
          'ok (expected answer), captive-portal (redirected elsewhere or a login page), proxy-auth (the proxy asks for a sign-in, HTTP 407), unexpected (another answer, e.g. a filter), failed (no answer).',
      },
      'check.status': { type: 'integer', nullable: true, description: 'The HTTP status.' },
      'check.location': { type: 'string', nullable: true, description: 'Where a redirect pointed.' },
      'check.durationMs': { type: 'integer', nullable: true, unit: 'ms', description: 'Time to the answer.' },
      'check.viaProxy': { type: 'string', nullable: true, description: 'The proxy used, host:port.' },
      'check.error': { type: 'string', nullable: true, description: 'Why there was no answer.' },
      proxy: { type: 'object', description: 'The proxy configuration applications use.' },
      'proxy.source': {
        type: 'string',
        enum: ['none', 'environment', 'gnome', 'windows', 'winhttp', 'macos', 'not-read'],
        description:
          "Where it came from; winhttp: the machine's WinHTTP proxy; not-read: run as SYSTEM, the signed-in user's own settings were not read.",
      },
      'proxy.server': {
        type: 'string',
        nullable: true,
        description: 'The proxy, host:port (credentials are never kept).',
      },
      'proxy.pacUrl': {
        type: 'string',
        nullable: true,
        description: 'URL of a proxy auto-configuration script.',
      },
      'proxy.autoDetect': {
        type: 'boolean',
        nullable: true,
        description: 'Automatic proxy discovery (WPAD) is on.',
      },
      'proxy.bypass': { type: 'string[]', description: 'Hosts reached without the proxy.' },
      'proxy.reachable': {
        type: 'boolean',
        nullable: true,
        description: 'A TCP connection to the proxy succeeded (null: no proxy).',
      },
      'proxy.pacReachable': {
        type: 'boolean',
        nullable: true,
        description: 'The PAC script could be downloaded (null: no PAC).',
      },
      'proxy.pacResult': {
        type: 'string',
        nullable: true,
        description:
          'What the PAC script answered for the check URL, e.g. "PROXY proxy:8080; DIRECT" (null: no PAC, or it could not be fetched or run).',
      },
      targets: { type: 'object[]', description: 'Loss and latency to each connectivity.pingTargets host.' },
      'targets[].host': { type: 'string', description: 'The target.' },
      'targets[].alive': { type: 'boolean', description: 'It answered at least one echo request.' },
      'targets[].lossPercent': {
        type: 'number',
        unit: 'percent',
        description: 'Echo requests without an answer.',
      },
      'targets[].avgMs': { type: 'number', nullable: true, unit: 'ms', description: 'Average round trip.' },
    },
  },
  collectors: { linux: collect, darwin: collect, win32: collect },
});
