/**
 * The headless transport against a REAL proxy: Debian's squid on loopback, without and with Basic
 * sign-in, chosen by policy, by HTTPS_PROXY/NO_PROXY and by a PAC file served locally. The target is
 * a small HTTP server on loopback that records whether a proxy forwarded the request (squid adds
 * a Via header); squid's own access log says the same from the other side.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from '../../../main/tickets/http';
import { createProxyTransport, type ProxyPolicy } from '../../../main/tickets/proxy';
import { ConnectorError, type Transport } from '../../../main/tickets/types';
import { squidMissing, startSquid, type Squid } from '../../support/squid';

const missing = squidMissing();
const USER = 'triage-svc';
const PASSWORD = 'pässword:with;odd chars';

interface Target {
  readonly url: string;
  /** The Via header of each request, null when it came directly. */
  readonly seen: (string | null)[];
  close(): Promise<void>;
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function startTarget(): Promise<Target> {
  const seen: (string | null)[] = [];
  const server = createServer((req, res) => {
    seen.push(req.headers.via ?? null);
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'text/plain' }).end(`hello ${req.method}`));
  });
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}/REST/2.0/ticket`,
    seen,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Serves one PAC script at /proxy.pac. */
async function startPacServer(script: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'application/x-ns-proxy-autoconfig' }).end(script),
  );
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}/proxy.pac`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const policy = (values: Partial<ProxyPolicy>): ProxyPolicy => ({
  server: null,
  pacUrl: null,
  bypass: [],
  user: null,
  password: null,
  ...values,
});

/** One POST the way connectors send it, through `transport`. */
async function post(url: string, transport: Transport): Promise<string> {
  const response = await send(
    { method: 'POST', url, service: 'the test helpdesk', body: new TextEncoder().encode('{}'), headers: {} },
    { signal: new AbortController().signal, timeoutMs: 10_000, transport },
  );
  return response.text;
}

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
}

describe.skipIf(missing !== null && process.env.CI !== 'true')(
  `tickets through a real squid${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    let open: Squid;
    let guarded: Squid;
    let target: Target;
    const transports: { close(): Promise<void> }[] = [];
    const transport = (options: Parameters<typeof createProxyTransport>[0]) => {
      const t = createProxyTransport({ env: {}, system: async () => null, ...options });
      transports.push(t);
      return t;
    };

    beforeAll(async () => {
      [open, guarded, target] = await Promise.all([
        startSquid(),
        startSquid({ basicAuth: { user: USER, password: PASSWORD } }),
        startTarget(),
      ]);
    }, 60_000);
    afterAll(async () => {
      await Promise.all(transports.map((t) => t.close()));
      await Promise.all([open.stop(), guarded.stop(), target.close()]);
    });

    it('sends through the proxy the policy names, and squid logs the request', async () => {
      const before = target.seen.length;
      expect(await post(target.url, transport({ policy: policy({ server: open.hostPort }) }))).toBe(
        'hello POST',
      );
      expect(target.seen[before]).toMatch(/squid/i);
      expect(open.accessLog().some((line) => line.includes(`POST ${target.url}`))).toBe(true);
    });

    it('signs in with the policy credentials, whatever characters the password has', async () => {
      const before = target.seen.length;
      const t = transport({ policy: policy({ server: guarded.hostPort, user: USER, password: PASSWORD }) });
      expect(await post(target.url, t)).toBe('hello POST');
      expect(target.seen[before]).toMatch(/squid/i);
      expect(guarded.accessLog().some((line) => line.includes(USER))).toBe(true);
    });

    it('signs in with the credentials in HTTPS_PROXY', async () => {
      const env = {
        HTTP_PROXY: `http://${encodeURIComponent(USER)}:${encodeURIComponent(PASSWORD)}@${guarded.hostPort}`,
      };
      expect(await post(target.url, transport({ env }))).toBe('hello POST');
    });

    it('says the proxy needs sign-in (407) when none or the wrong one is given, and keeps the report queued', async () => {
      for (const t of [
        transport({ policy: policy({ server: guarded.hostPort }) }),
        transport({ policy: policy({ server: guarded.hostPort, user: USER, password: 'wrong' }) }),
      ]) {
        const before = target.seen.length;
        const error = await failure(post(target.url, t));
        expect(error.kind).toBe('proxy-auth');
        expect(error.permanent, 'kept queued, retried later').toBe(false);
        expect(error.message).toContain(`The proxy at ${guarded.hostPort} asks Triage to sign in`);
        expect(error.message).not.toContain('wrong');
        expect(target.seen.length, 'nothing reached the helpdesk').toBe(before);
      }
    });

    it('goes directly to hosts in NO_PROXY, and through the proxy to the rest', async () => {
      const env = { HTTP_PROXY: `http://${open.hostPort}`, NO_PROXY: 'localhost,127.0.0.1' };
      const before = target.seen.length;
      await post(target.url, transport({ env }));
      expect(target.seen[before]).toBeNull();
      const t = transport({ env });
      expect((await t.route('http://helpdesk.example.com/')).choices).toEqual([
        { kind: 'proxy', hostPort: open.hostPort },
      ]);
    });

    it('names the proxy that cannot be reached, and never reaches the helpdesk around it', async () => {
      const dead = '127.0.0.1:9';
      const error = await failure(post(target.url, transport({ policy: policy({ server: dead }) })));
      expect(error.kind).toBe('network');
      expect(error.message).toContain(`The proxy at ${dead} could not be reached`);
      expect(error.message).toContain('The report stays queued');
    });

    it('reports a proxy that refuses the tunnel (squid allows CONNECT to port 443 only)', async () => {
      const https = target.url.replace('http://', 'https://');
      const error = await failure(post(https, transport({ policy: policy({ server: open.hostPort }) })));
      expect(error.kind).toBe('network');
      expect(error.message).toMatch(/refused to connect Triage to the test helpdesk \(HTTP 403\)/);
    });

    describe('a PAC file served on loopback', () => {
      it('routes by the script: the helpdesk through squid, the rest directly', async () => {
        const pac = await startPacServer(
          `function FindProxyForURL(url, host) {
             if (shExpMatch(url, "*/REST/*")) return "PROXY ${open.hostPort}; DIRECT";
             return "DIRECT";
           }`,
        );
        try {
          const t = transport({ policy: policy({ pacUrl: pac.url }) });
          const before = target.seen.length;
          await post(target.url, t);
          expect(target.seen[before]).toMatch(/squid/i);
          await post(target.url.replace('/REST/2.0/ticket', '/other'), t);
          expect(target.seen[before + 1]).toBeNull();
        } finally {
          await pac.close();
        }
      });

      it('tries the next choice when the first proxy is down', async () => {
        const pac = await startPacServer(
          `function FindProxyForURL(url, host) { return "PROXY 127.0.0.1:9; PROXY ${open.hostPort}"; }`,
        );
        try {
          const before = target.seen.length;
          await post(target.url, transport({ policy: policy({ pacUrl: pac.url }) }));
          expect(target.seen[before]).toMatch(/squid/i);
        } finally {
          await pac.close();
        }
      });

      it('falls back to ProxyServer when the script throws, loops forever or cannot be fetched', async () => {
        const scripts = [
          'function FindProxyForURL(url, host) { throw new Error("broken"); }',
          'function FindProxyForURL(url, host) { for (;;) {} }',
          'this is not javascript {',
        ];
        for (const script of scripts) {
          const pac = await startPacServer(script);
          try {
            const t = transport({
              policy: policy({ pacUrl: pac.url, server: open.hostPort }),
              pacTimeoutMs: 500,
            });
            const before = target.seen.length;
            await post(target.url, t);
            expect(target.seen[before], script).toMatch(/squid/i);
          } finally {
            await pac.close();
          }
        }
        const t = transport({
          policy: policy({ pacUrl: 'http://127.0.0.1:9/proxy.pac', server: open.hostPort }),
        });
        const before = target.seen.length;
        await post(target.url, t);
        expect(target.seen[before]).toMatch(/squid/i);
      });

      it('gives a hostile script no way out of its sandbox', async () => {
        const pac = await startPacServer(
          `function FindProxyForURL(url, host) {
             var found = [typeof require, typeof process, typeof fetch, typeof XMLHttpRequest].join(",");
             return "PROXY " + (found === "undefined,undefined,undefined,undefined" ? "${open.hostPort}" : "127.0.0.1:9");
           }`,
        );
        try {
          const before = target.seen.length;
          await post(target.url, transport({ policy: policy({ pacUrl: pac.url }) }));
          expect(target.seen[before]).toMatch(/squid/i);
        } finally {
          await pac.close();
        }
      });
    });
  },
);
