/**
 * Active network checks made by Triage itself: DNS questions to one server at a time, SNTP, HTTP,
 * TCP connects and ping. Each is bounded by a timeout and an abort signal, and facts about the
 * network (a dead server, NXDOMAIN, a timeout) come back as data rather than exceptions.
 */
import { promises as dns } from 'node:dns';
import { createSocket } from 'node:dgram';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type tls from 'node:tls';
import { performance } from 'node:perf_hooks';
import type ping from 'ping';
// The ping package's own argument builder and output parser (it knows each OS's ping flags and
// output), without its spawn: that gives no handle on the child, so an aborted check left ping
// running. We start ping ourselves, by absolute path on Windows, and kill it on abort.
import pingArguments from 'ping/lib/builder/factory';
import pingParsers from 'ping/lib/parser/factory';
import { ProbeError } from '../errors';
import { runProgram } from './exec';
import { windowsSystemProgram } from './windows-paths';
import type { DnsAnswer, DnsOutcome, HttpResult, NetworkOps, PingResult, SntpResult } from '../types';

/** Wall-clock time with sub-millisecond resolution, for SNTP arithmetic. */
const preciseNow = (): number => performance.timeOrigin + performance.now();

function elapsed(since: number): number {
  return Math.round(performance.now() - since);
}

/** Rejects when the signal fires, so a check never outlives its probe. */
function abortable<T>(work: Promise<T>, signal: AbortSignal, what: string, cleanup?: () => void): Promise<T> {
  if (signal.aborted) {
    cleanup?.();
    return Promise.reject(new ProbeError('cancelled', `${what} was not started: the probe was stopped.`));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => {
      cleanup?.();
      reject(new ProbeError('cancelled', `${what} was stopped because the probe was stopped.`));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** Maps resolver error codes (c-ares and getaddrinfo) to what they mean for the user's network. */
export function dnsOutcomeFromCode(code: string | undefined): DnsOutcome {
  switch (code) {
    case 'ENOTFOUND':
      return 'nxdomain';
    case 'ENODATA':
      return 'nodata';
    case 'ESERVFAIL':
      return 'servfail';
    case 'EREFUSED':
      return 'refused';
    case 'ETIMEOUT':
    case 'EAI_AGAIN': // getaddrinfo: "temporary failure", i.e. no server answered in time
      return 'timeout';
    case 'ECONNREFUSED':
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
      return 'unreachable';
    default:
      return 'error';
  }
}

function timeoutAfter(ms: number, onTimeout: () => void): { promise: Promise<never>; clear: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(new ProbeError('timeout', `no answer within ${ms} ms`));
    }, ms);
  });
  return { promise, clear: () => clearTimeout(timer) };
}

async function resolveSystem(name: string, timeoutMs: number, signal: AbortSignal): Promise<DnsAnswer> {
  const started = performance.now();
  // getaddrinfo cannot be cancelled; we stop waiting for it. The CLI raises the libuv thread pool
  // so a few stuck lookups cannot starve file reads of other probes.
  const timer = timeoutAfter(timeoutMs, () => undefined);
  try {
    const found = await abortable(
      Promise.race([dns.lookup(name, { all: true }), timer.promise]),
      signal,
      `Resolving ${name}`,
    );
    return {
      name,
      server: 'system',
      outcome: 'ok',
      addresses: found.map((entry) => entry.address),
      durationMs: elapsed(started),
    };
  } catch (error) {
    if (error instanceof ProbeError && error.code === 'cancelled') throw error;
    const code = error instanceof ProbeError ? 'ETIMEOUT' : (error as NodeJS.ErrnoException).code;
    return {
      name,
      server: 'system',
      outcome: dnsOutcomeFromCode(code),
      addresses: [],
      durationMs: elapsed(started),
      detail: code ?? String(error),
    };
  } finally {
    timer.clear();
  }
}

async function queryDns(
  server: string,
  name: string,
  timeoutMs: number,
  type: 'A' | 'AAAA',
  signal: AbortSignal,
): Promise<DnsAnswer> {
  // One try, no fallback to other servers: we are judging this server alone.
  const resolver = new dns.Resolver({ timeout: timeoutMs, tries: 1 });
  resolver.setServers([server]);
  const started = performance.now();
  // c-ares counts its timeout per try but may still wait a little longer; our own timer is the budget.
  const timer = timeoutAfter(timeoutMs + 250, () => resolver.cancel());
  try {
    const lookup = type === 'A' ? resolver.resolve4(name) : resolver.resolve6(name);
    const addresses = await abortable(
      Promise.race([lookup, timer.promise]),
      signal,
      `Asking ${server} for ${name}`,
      () => resolver.cancel(),
    );
    return { name, server, outcome: 'ok', addresses, durationMs: elapsed(started) };
  } catch (error) {
    if (error instanceof ProbeError && error.code === 'cancelled') throw error;
    const code = error instanceof ProbeError ? 'ETIMEOUT' : (error as NodeJS.ErrnoException).code;
    return {
      name,
      server,
      outcome: dnsOutcomeFromCode(code),
      addresses: [],
      durationMs: elapsed(started),
      detail: code ?? String(error),
    };
  } finally {
    timer.clear();
  }
}

const NTP_UNIX_EPOCH_OFFSET_S = 2_208_988_800;

function readNtpTimestamp(buffer: Buffer, offset: number): number {
  const seconds = buffer.readUInt32BE(offset);
  const fraction = buffer.readUInt32BE(offset + 4);
  return (seconds - NTP_UNIX_EPOCH_OFFSET_S) * 1000 + (fraction * 1000) / 2 ** 32;
}

function writeNtpTimestamp(buffer: Buffer, offset: number, unixMs: number): void {
  const seconds = Math.floor(unixMs / 1000) + NTP_UNIX_EPOCH_OFFSET_S;
  const fraction = Math.floor(((unixMs % 1000) / 1000) * 2 ** 32);
  buffer.writeUInt32BE(seconds >>> 0, offset);
  buffer.writeUInt32BE(fraction >>> 0, offset + 4);
}

/**
 * Reads an SNTP server reply (RFC 4330). Pure, for tests. `t1` is when we sent, `t4` when the reply
 * arrived, both local Unix ms. Rejects replies that do not answer our request.
 */
export function parseSntpReply(
  reply: Buffer,
  server: string,
  address: string,
  t1: number,
  t4: number,
  sentTransmit: Buffer,
): SntpResult {
  if (reply.length < 48)
    throw new ProbeError('parse-error', `${server} sent a short NTP reply (${reply.length} bytes).`);
  const mode = reply.readUInt8(0) & 0x07;
  if (mode !== 4 && mode !== 5)
    throw new ProbeError('parse-error', `${server} answered, but not as an NTP server (mode ${mode}).`);
  const stratum = reply.readUInt8(1);
  const refBytes = reply.subarray(12, 16);
  if (stratum === 0) {
    const code = refBytes.toString('ascii').replace(/\0/g, '');
    throw new ProbeError('network-error', `${server} refused to give the time (kiss-o'-death "${code}").`);
  }
  // The originate timestamp must echo what we sent, or this is not the answer to our question.
  if (!reply.subarray(24, 32).equals(sentTransmit)) {
    throw new ProbeError('parse-error', `${server} sent a reply that does not match the request.`);
  }
  const t2 = readNtpTimestamp(reply, 32);
  const t3 = readNtpTimestamp(reply, 40);
  const serverMinusLocal = (t2 - t1 + (t3 - t4)) / 2;
  const roundTrip = t4 - t1 - (t3 - t2);
  const referenceId =
    stratum === 1 ? refBytes.toString('ascii').replace(/\0/g, '') : Array.from(refBytes).join('.');
  return {
    server,
    address,
    offsetMs: Math.round(-serverMinusLocal),
    roundTripMs: Math.max(0, Math.round(roundTrip)),
    stratum,
    referenceId,
  };
}

async function sntp(server: string, timeoutMs: number, signal: AbortSignal): Promise<SntpResult> {
  const deadline = performance.now() + timeoutMs;
  const address = net.isIP(server) ? server : (await resolveSystem(server, timeoutMs, signal)).addresses[0];
  if (address === undefined)
    throw new ProbeError('network-error', `${server} could not be resolved to an address.`);
  const socket = createSocket(net.isIPv6(address) ? 'udp6' : 'udp4');
  const request = Buffer.alloc(48);
  request.writeUInt8(0x23, 0); // LI 0, version 4, mode 3 (client)
  const exchange = new Promise<SntpResult>((resolve, reject) => {
    let t1 = 0;
    socket.once('error', (error) => reject(new ProbeError('network-error', `${server}: ${error.message}`)));
    socket.on('message', (reply, remote) => {
      if (remote.address !== address) return; // not from the server we asked
      const t4 = preciseNow();
      try {
        resolve(parseSntpReply(reply, server, address, t1, t4, request.subarray(40, 48)));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    t1 = preciseNow();
    writeNtpTimestamp(request, 40, t1);
    socket.send(request, 123, address, (error) => {
      if (error) reject(new ProbeError('network-error', `${server}: ${error.message}`));
    });
  });
  const timer = timeoutAfter(Math.max(1, Math.round(deadline - performance.now())), () => undefined);
  try {
    return await abortable(Promise.race([exchange, timer.promise]), signal, `Asking ${server} for the time`);
  } catch (error) {
    if (error instanceof ProbeError && error.code === 'timeout') {
      throw new ProbeError(
        'timeout',
        `${server} (${address}) did not answer an NTP request within ${timeoutMs} ms.`,
      );
    }
    throw error;
  } finally {
    timer.clear();
    socket.close();
  }
}

const BODY_SNIPPET_BYTES = 4096;

function parseProxy(proxy: string): { host: string; port: number } {
  const match = /^\[?([^\]]+?)\]?:(\d{1,5})$/.exec(proxy.replace(/^https?:\/\//, '').replace(/\/$/, ''));
  if (!match?.[1] || !match[2])
    throw new ProbeError('parse-error', `The proxy "${proxy}" is not in host:port form.`);
  return { host: match[1], port: Number(match[2]) };
}

/** Opens a tunnel through an HTTP proxy for an https:// URL (CONNECT). */
function connectTunnel(
  proxy: { host: string; port: number },
  target: URL,
  timeoutMs: number,
): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const port = target.port || '443';
    const request = http.request({
      host: proxy.host,
      port: proxy.port,
      method: 'CONNECT',
      path: `${target.hostname}:${port}`,
      timeout: timeoutMs,
      agent: false,
    });
    request.once('connect', (response, socket) => {
      if (response.statusCode === 200) resolve(socket);
      else {
        socket.destroy();
        reject(
          new ProbeError(
            'network-error',
            `The proxy refused to connect to ${target.hostname} (HTTP ${response.statusCode}).`,
          ),
        );
      }
    });
    request.once('timeout', () =>
      request.destroy(
        new ProbeError(
          'timeout',
          `The proxy ${proxy.host}:${proxy.port} did not answer within ${timeoutMs} ms.`,
        ),
      ),
    );
    request.once('error', (error) => reject(error));
    request.end();
  });
}

async function httpGet(
  url: string,
  timeoutMs: number,
  proxy: string | null | undefined,
  signal: AbortSignal,
  maxBodyBytes = BODY_SNIPPET_BYTES,
): Promise<HttpResult> {
  const target = new URL(url);
  if (target.protocol !== 'http:' && target.protocol !== 'https:')
    throw new ProbeError('parse-error', `Only http and https URLs can be checked, not ${url}.`);
  const started = performance.now();
  const viaProxy = proxy ? parseProxy(proxy) : null;
  const controller = new AbortController();
  const onAbort = (): void => controller.abort();
  signal.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(
    () => controller.abort(new ProbeError('timeout', `${url} did not answer within ${timeoutMs} ms.`)),
    timeoutMs,
  );
  try {
    let options: http.RequestOptions & tls.ConnectionOptions;
    if (viaProxy && target.protocol === 'http:') {
      // A plain-HTTP request through a proxy names the whole URL as its path.
      options = {
        host: viaProxy.host,
        port: viaProxy.port,
        path: target.href,
        headers: { Host: target.host },
      };
    } else if (viaProxy) {
      const socket = await connectTunnel(viaProxy, target, timeoutMs);
      options = {
        host: target.hostname,
        port: Number(target.port || 443),
        path: `${target.pathname}${target.search}`,
        socket,
        servername: target.hostname,
      };
    } else {
      options = {
        host: target.hostname,
        port: Number(target.port || (target.protocol === 'https:' ? 443 : 80)),
        path: `${target.pathname}${target.search}`,
      };
    }
    const client = target.protocol === 'https:' ? https : http;
    const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
      const request = client.request({
        ...options,
        method: 'GET',
        agent: false,
        signal: controller.signal,
        headers: { ...options.headers, 'User-Agent': 'Triage connectivity check', Accept: '*/*' },
      });
      request.once('response', resolve);
      request.once('error', reject);
      request.end();
    });
    const chunks: Buffer[] = [];
    let size = 0;
    await new Promise<void>((resolve, reject) => {
      response.on('data', (chunk: Buffer) => {
        if (size < maxBodyBytes) chunks.push(chunk);
        size += chunk.length;
        if (size >= maxBodyBytes) {
          response.destroy();
          resolve();
        }
      });
      response.once('end', resolve);
      response.once('close', resolve);
      response.once('error', reject);
    });
    const location = response.headers.location;
    return {
      url,
      status: response.statusCode ?? 0,
      location: typeof location === 'string' ? location : null,
      contentType: response.headers['content-type'] ?? null,
      bodySnippet: Buffer.concat(chunks).subarray(0, maxBodyBytes).toString('utf8'),
      durationMs: elapsed(started),
      viaProxy: viaProxy ? `${viaProxy.host}:${viaProxy.port}` : null,
    };
  } catch (error) {
    const reason: unknown = controller.signal.reason;
    if (signal.aborted)
      throw new ProbeError('cancelled', `Checking ${url} was stopped because the probe was stopped.`);
    if (reason instanceof ProbeError) throw reason;
    if (error instanceof ProbeError) throw error;
    const err = error as NodeJS.ErrnoException;
    throw new ProbeError('network-error', `${url}: ${err.code ?? ''} ${err.message}`.trim(), {
      cause: error,
    });
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
  }
}

function tcpConnect(
  host: string,
  port: number,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<{ durationMs: number }> {
  const started = performance.now();
  const socket = net.connect({ host, port });
  const attempt = new Promise<{ durationMs: number }>((resolve, reject) => {
    socket.setTimeout(timeoutMs, () =>
      reject(
        new ProbeError('timeout', `${host}:${port} did not accept a connection within ${timeoutMs} ms.`),
      ),
    );
    socket.once('connect', () => resolve({ durationMs: elapsed(started) }));
    socket.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new ProbeError(
          'network-error',
          `${host}:${port} refused or could not be reached (${error.code ?? error.message}).`,
        ),
      ),
    );
  });
  return abortable(attempt, signal, `Connecting to ${host}:${port}`).finally(() => socket.destroy());
}

async function pingHost(
  host: string,
  count: number,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<PingResult> {
  if (host.startsWith('-')) throw new ProbeError('parse-error', `"${host}" is not a host name.`);
  // Only macOS gets an overall deadline. Windows ping has none; it waits up to `timeout` seconds per
  // request instead. Linux (iputils) ping with -w keeps sending until `count` answers arrive and
  // counts the echoes still in flight as lost, inventing loss on a slow link; without it, it sends
  // exactly `count` and waits for the last answers, and the abort signal is the budget.
  const options: ping.PingConfig =
    process.platform === 'win32'
      ? { min_reply: count, timeout: 1 }
      : {
          min_reply: count,
          timeout: 1,
          extra: ['-i', '0.2'],
          ...(process.platform === 'darwin' ? { deadline: Math.max(1, Math.floor(timeoutMs / 1000)) } : {}),
        };
  const result = await runPing(host, options, timeoutMs, signal);
  const toNumber = (value: unknown): number | null => {
    const n = typeof value === 'number' ? value : Number.parseFloat(String(value));
    return Number.isFinite(n) ? n : null;
  };
  // Windows counts "Destination host unreachable" answers (from the local router or itself) as
  // received, with 0 % loss: the dead-gateway symptom would read as healthy. Count real echo replies.
  const replies = process.platform === 'win32' ? windowsEchoReplies(result.output) : null;
  const loss =
    replies === null
      ? (toNumber(result.packetLoss) ?? 100)
      : (100 * (count - Math.min(count, replies))) / count;
  const received = Math.round(count * (1 - loss / 100));
  return {
    host,
    alive: replies === null ? result.alive : replies > 0,
    sent: count,
    received,
    lossPercent: loss,
    avgMs: toNumber(result.avg),
    minMs: toNumber(result.min),
    maxMs: toNumber(result.max),
  };
}

/** The program ping(8) is on each OS; Windows' own by absolute path, never one in the current folder. */
function pingProgram(v6: boolean): string {
  if (process.platform === 'win32') return windowsSystemProgram('ping.exe');
  if (process.platform === 'darwin') return v6 ? '/sbin/ping6' : '/sbin/ping';
  return v6 ? 'ping6' : 'ping';
}

async function runPing(
  host: string,
  options: ping.PingConfig,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<ping.PingResponse> {
  const config = { ...options, v6: net.isIPv6(host) };
  const args = pingArguments.createBuilder(process.platform).getCommandArguments(host, config);
  // The abort signal is the budget; the timeout only stops a ping that hangs past it.
  const output = await runProgram(pingProgram(config.v6), args, {
    timeoutMs: timeoutMs + 5_000,
    signal,
    maxBytes: 256 * 1024,
  });
  const parser = pingParsers.createParser(host, process.platform, config);
  for (const line of `${output.stdout}${output.stderr}`.split('\n')) parser.eat(line);
  return parser.getResult();
}

/**
 * Echo replies in Windows ping's output: the lines with `TTL=`, which every language prints as is
 * (an unreachable or timed-out request has none). Null for IPv6, whose replies carry no TTL.
 */
export function windowsEchoReplies(output: string): number | null {
  const lines = output.split(/\r?\n/);
  const replies = lines.filter((line) => /\bTTL=\d+/i.test(line)).length;
  if (
    replies === 0 &&
    lines.some((line) => /[0-9a-f]*:[0-9a-f:]+:[0-9a-f]*/i.test(line) && /ms\b/.test(line))
  )
    return null;
  return replies;
}

/** The real network, bound to one probe's abort signal. */
export function createNetworkOps(signal: AbortSignal): NetworkOps {
  return {
    resolveSystem: (name, options) => resolveSystem(name, options.timeoutMs, signal),
    queryDns: (server, name, options) =>
      queryDns(server, name, options.timeoutMs, options.type ?? 'A', signal),
    sntp: (server, options) => sntp(server, options.timeoutMs, signal),
    httpGet: (url, options) => httpGet(url, options.timeoutMs, options.proxy, signal, options.maxBodyBytes),
    tcpConnect: (host, port, options) => tcpConnect(host, port, options.timeoutMs, signal),
    ping: (host, options) => pingHost(host, options.count, options.timeoutMs, signal),
  };
}
