/**
 * A loopback reverse proxy that makes a helpdesk unreliable on purpose, for the outbox's fault tests.
 * Each request draws one behaviour from a seeded random source (so a failing run can be replayed):
 *   pass         forward it and return the answer
 *   error-503    answer 503 without forwarding (the helpdesk is down)
 *   drop-before  read the request, then cut the connection without forwarding
 *   drop-after   forward it, let the helpdesk act, then cut the connection before the answer — the
 *                classic way to file a ticket twice
 *   slow         forward it after a delay
 *   502-after    forward it, let the helpdesk act, then answer 502 as a failing gateway would
 * Every request is recorded with what was done to it.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { asyncListener, readBody } from './http-server';

export type Fault = 'pass' | 'error-503' | 'drop-before' | 'drop-after' | 'slow' | '502-after';

export interface ChaosProxy {
  readonly url: string;
  readonly log: { method: string; path: string; fault: Fault }[];
  /** Chance (0–1) that a request gets a fault instead of passing; 0 makes the proxy transparent. */
  faultRate: number;
  close(): Promise<void>;
}

/** mulberry32: a tiny seeded generator, enough to replay a run from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FAULTS: readonly Fault[] = ['error-503', 'drop-before', 'drop-after', 'slow', '502-after'];

export async function startChaosProxy(
  target: string,
  options: { seed: number; faultRate: number; slowMs?: number; opening?: readonly Fault[] },
): Promise<ChaosProxy> {
  // The first requests get these faults in order, so every kind surely happens; then chance decides.
  const opening = [...(options.opening ?? [])];
  const random = seededRandom(options.seed);
  const upstream = new URL(target);
  const log: ChaosProxy['log'] = [];
  const proxy: { faultRate: number } = { faultRate: options.faultRate };

  const server: Server = createServer(
    asyncListener(async (req, res) => {
      const body = await readBody(req);
      const fault: Fault =
        opening.shift() ??
        (random() < proxy.faultRate ? (FAULTS[Math.floor(random() * FAULTS.length)] ?? 'pass') : 'pass');
      log.push({ method: req.method ?? '', path: req.url ?? '', fault });
      if (fault === 'error-503') {
        res
          .writeHead(503, { 'Content-Type': 'text/plain', 'Retry-After': '0' })
          .end('Service Unavailable (injected)');
        return;
      }
      if (fault === 'drop-before') {
        req.socket.destroy();
        return;
      }
      if (fault === 'slow') await new Promise((resolve) => setTimeout(resolve, options.slowMs ?? 1_500));
      const forwarded = httpRequest(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: upstream.host, 'content-length': String(body.length) },
        },
        (answer) => {
          readBody(answer).then(
            (answerBody) => {
              if (fault === 'drop-after') req.socket.destroy();
              else if (fault === '502-after')
                res.writeHead(502, { 'Content-Type': 'text/plain' }).end('Bad Gateway (injected)');
              else res.writeHead(answer.statusCode ?? 502, answer.headers).end(answerBody);
            },
            () => req.socket.destroy(),
          );
        },
      );
      forwarded.on('error', () => req.socket.destroy());
      forwarded.end(body);
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    get faultRate() {
      return proxy.faultRate;
    },
    set faultRate(rate: number) {
      proxy.faultRate = rate;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
