/**
 * network.connectivity against a REAL proxy: Debian's squid on loopback (open, and wanting a Basic
 * sign-in), chosen by the environment and by a PAC file served on loopback the way GNOME's settings
 * name it. The check URL is a loopback server answering what the Microsoft check answers. Only the
 * settings readers are stubbed (gsettings, the environment); the network is real.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseProbeConfig } from '../../../probes/config';
import { connectivityProbe, type ConnectivityData } from '../../../probes/network/connectivity';
import { runProbes } from '../../../probes/runner';
import { createSystemContext } from '../../../probes/system/context';
import type { ProbeContext } from '../../../probes/types';
import { squidMissing, startSquid, type Squid } from '../../support/squid';

const missing = squidMissing();
const quiet = { debug() {}, info() {}, warn() {}, error() {} };

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The connectivity probe on this machine's network, with the proxy settings a desktop would have. */
async function connectivity(
  checkUrl: string,
  settings: { env?: Record<string, string>; pacUrl?: string },
): Promise<{ data: ConnectivityData; gaps: readonly { part: string }[] }> {
  const gnome: Record<string, string> = settings.pacUrl
    ? {
        mode: "'auto'",
        'autoconfig-url': `'${settings.pacUrl}'`,
        host: "''",
        port: '0',
        'ignore-hosts': '@as []',
      }
    : { mode: "'none'", 'autoconfig-url': "''", host: "''", port: '0', 'ignore-hosts': '@as []' };
  const config = parseProbeConfig({ connectivity: { checkUrl, timeoutMs: 3_000 } });
  const run = await runProbes({
    platform: 'linux',
    probes: [connectivityProbe],
    config,
    log: quiet,
    createContext: ({ signal, record }): ProbeContext => {
      const real = createSystemContext({
        platform: 'linux',
        signal,
        config,
        log: quiet,
        commandTimeoutMs: 5_000,
        record,
      });
      return {
        ...real,
        env: (name) => settings.env?.[name],
        exec: async (file, args) => {
          if (file !== 'gsettings') throw new Error(`unexpected command ${file}`);
          const key = args[2] ?? '';
          return { stdout: gnome[key] ?? "''", stderr: '', exitCode: 0, durationMs: 1 };
        },
      };
    },
  });
  const envelope = run.probes[0];
  if (!envelope?.data) throw new Error(JSON.stringify(envelope));
  return { data: envelope.data as ConnectivityData, gaps: envelope.gaps };
}

describe.skipIf(missing !== null && process.env.CI !== 'true')(
  `network.connectivity through a real squid${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    let open: Squid;
    let guarded: Squid;
    let site: Server;
    let pacServer: Server;
    let checkUrl: string;
    let pacBase: string;
    const viaHeaders: (string | null)[] = [];
    let pacScript = '';

    beforeAll(async () => {
      [open, guarded] = await Promise.all([
        startSquid(),
        startSquid({ basicAuth: { user: 'u', password: 'p' } }),
      ]);
      site = createServer((req, res) => {
        viaHeaders.push(req.headers.via ?? null);
        res.writeHead(200, { 'content-type': 'text/plain' }).end('Microsoft Connect Test');
      });
      checkUrl = `${await listen(site)}/connecttest.txt`;
      pacServer = createServer((_req, res) =>
        res.writeHead(200, { 'content-type': 'application/x-ns-proxy-autoconfig' }).end(pacScript),
      );
      pacBase = await listen(pacServer);
    }, 60_000);
    afterAll(async () => {
      await Promise.all([open.stop(), guarded.stop()]);
      site.close();
      pacServer.close();
    });

    it('checks through the proxy HTTP_PROXY names, and judges the answer', async () => {
      const { data } = await connectivity(checkUrl, { env: { HTTP_PROXY: `http://${open.hostPort}` } });
      expect(data.check).toMatchObject({ outcome: 'ok', status: 200, viaProxy: open.hostPort });
      expect(data.proxy).toMatchObject({ source: 'environment', server: open.hostPort, reachable: true });
      expect(viaHeaders.at(-1)).toMatch(/squid/i);
    });

    it('says the proxy asks for a sign-in when squid answers 407', async () => {
      const { data } = await connectivity(checkUrl, { env: { HTTP_PROXY: `http://${guarded.hostPort}` } });
      expect(data.check).toMatchObject({ outcome: 'proxy-auth', status: 407, viaProxy: guarded.hostPort });
    });

    it('goes directly to a host NO_PROXY names', async () => {
      const { data } = await connectivity(checkUrl, {
        env: { HTTP_PROXY: `http://${open.hostPort}`, NO_PROXY: '127.0.0.1' },
      });
      expect(data.check).toMatchObject({ outcome: 'ok', viaProxy: null });
    });

    it('follows the PAC script GNOME names: its proxy for the check URL, and what it answered', async () => {
      pacScript = `function FindProxyForURL(url, host) { return "PROXY ${open.hostPort}; DIRECT"; }`;
      const { data } = await connectivity(checkUrl, { pacUrl: `${pacBase}/proxy.pac` });
      expect(data.proxy).toMatchObject({
        source: 'gnome',
        pacReachable: true,
        pacResult: `PROXY ${open.hostPort}; DIRECT`,
      });
      expect(data.check).toMatchObject({ outcome: 'ok', viaProxy: open.hostPort });
      pacScript = 'function FindProxyForURL(url, host) { return "DIRECT"; }';
      expect(
        (await connectivity(checkUrl, { pacUrl: `${pacBase}/proxy.pac` })).data.check.viaProxy,
      ).toBeNull();
    });

    it('records a PAC script that never answers as a gap, and checks directly', async () => {
      pacScript = 'function FindProxyForURL(url, host) { for (;;) {} }';
      const { data, gaps } = await connectivity(checkUrl, { pacUrl: `${pacBase}/proxy.pac` });
      expect(data.proxy).toMatchObject({ pacReachable: true, pacResult: null });
      expect(data.check).toMatchObject({ outcome: 'ok', viaProxy: null });
      expect(gaps).toEqual([expect.objectContaining({ part: 'the PAC script' })]);
    });
  },
);
