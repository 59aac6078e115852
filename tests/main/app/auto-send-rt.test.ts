/**
 * The promise the app makes to a user whose network is down — "Triage sends it by itself when the
 * connection works" — kept against a REAL Request Tracker behind a REAL squid that wants a Basic
 * sign-in: the laptop is offline (nothing answers), the user files three reports through the app's
 * own handlers, the network comes back behind the proxy, and exactly three tickets appear in RT,
 * each with its bundle, with nobody pressing "Try sending now" or running `outbox retry`. The user
 * is told each ticket number. The app's own retry times are used, not shortened ones.
 */
import { mkdtempSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../main/app/handlers';
import { DEFAULT_SETTINGS, type AppSettings } from '../../../main/app/settings';
import { forkWorker } from '../../../main/app/worker';
import { ticketSqlString } from '../../../main/tickets/connectors/request-tracker';
import { probeIds } from '../../../probes/index';
import { testHost } from '../../support/desktop-host';
import { requestTrackerMissing, startRequestTracker, type RequestTracker } from '../../support/rt';
import { freePort } from '../../support/free-port';
import { squidMissing, startSquid, type Squid } from '../../support/squid';

const missing = requestTrackerMissing() ?? squidMissing();
const COLLECTOR = join(__dirname, '..', '..', '..', 'dist', 'main', 'app', 'collector-process.js');
const USER = 'laptop-proxy-user';
const PASSWORD = 'S3cret proxy pass';
/** "Within a minute of the network coming back", plus RT's own time to file three tickets. */
const DEADLINE_MS = 75_000;

async function ticketsInQueue(rt: RequestTracker): Promise<{ id: string; Subject: string }[]> {
  const query = encodeURIComponent(`Queue = ${ticketSqlString(rt.queue)}`);
  const response = await fetch(`${rt.baseUrl}/REST/2.0/tickets?query=${query}&fields=Subject&per_page=100`, {
    headers: { Authorization: `token ${rt.token}` },
  });
  return ((await response.json()) as { items: { id: string; Subject: string }[] }).items;
}

describe.skipIf(missing !== null && process.env.CI !== 'true')(
  `the app sends queued reports by itself${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    let rt: RequestTracker;
    let squid: Squid | undefined;
    beforeAll(async () => {
      rt = await startRequestTracker();
    }, 120_000);
    afterAll(async () => {
      await squid?.stop();
      await (rt as RequestTracker | undefined)?.stop();
    });

    /** The app's handlers as the Electron corner builds them, sending to RT at `url`. */
    const app = (url: string, proxy: AppSettings['proxy']) => {
      const settings: AppSettings = {
        ...DEFAULT_SETTINGS,
        helpdesk: {
          kind: 'request-tracker',
          url,
          queue: rt.queue,
          token: rt.token,
          customField: rt.customField,
        },
        proxy,
        // One quick local check: this test is about delivery, and must reach nothing off this machine.
        disabledProbes: probeIds().filter((id) => id !== 'os.info'),
      };
      const host = testHost({ startWorker: () => forkWorker(COLLECTOR) });
      const handlers = createHandlers({
        host,
        settings,
        stateDir: mkdtempSync(join(tmpdir(), 'triage-autosend-rt-')),
      });
      handlers.autoSend.start();
      return { handlers, notifications: host.notifications };
    };

    /** The user files a report through the app's steps: describe, check, send. */
    const file = async (handlers: ReturnType<typeof app>['handlers'], description: string) => {
      const checked = await handlers['check:start']({
        category: 'other',
        description,
        contact: { name: '', email: '', phone: '' },
      });
      expect(checked.ok).toBe(true);
      return handlers['report:send']({ exclude: [] });
    };

    it('files three reports offline; they reach RT through the authenticating proxy once it is back', async () => {
      const proxyPort = await freePort();
      const { handlers, notifications } = app(rt.baseUrl, {
        server: `127.0.0.1:${proxyPort}`,
        pacUrl: null,
        bypass: [],
        user: USER,
        password: PASSWORD,
      });
      try {
        // Offline: the proxy cannot be reached, so nothing can be.
        for (const description of ['Outlook will not start', 'The printer is gone', 'Teams has no sound'])
          expect(await file(handlers, description)).toMatchObject({ ok: true, value: { kind: 'queued' } });
        expect((await handlers['outbox:status']()).waiting).toBe(3);
        expect(await ticketsInQueue(rt)).toEqual([]);

        // Back online, behind the proxy. Nobody touches anything from here on.
        squid = await startSquid({ port: proxyPort, basicAuth: { user: USER, password: PASSWORD } });
        const back = Date.now();
        let tickets: { id: string; Subject: string }[] = [];
        while (Date.now() - back < DEADLINE_MS) {
          tickets = await ticketsInQueue(rt);
          if (tickets.length >= 3 && (await handlers['outbox:status']()).waiting === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 1_000));
        }
        expect(tickets, 'exactly three tickets').toHaveLength(3);
        for (const description of ['Outlook will not start', 'The printer is gone', 'Teams has no sound'])
          expect(
            tickets.filter((t) => t.Subject.includes(description)),
            description,
          ).toHaveLength(1);
        const view = await handlers['outbox:status']();
        expect(view.items.map((i) => i.status)).toEqual(['sent', 'sent', 'sent']);
        expect(view.items.map((i) => i.ticketId).sort()).toEqual(tickets.map((t) => String(t.id)).sort());
        // Each ticket number was told to the user, and every request went through the proxy.
        for (const { id } of tickets)
          expect(notifications.some((n) => n.includes(`Ticket number: ${id}.`))).toBe(true);
        // (The readiness probe of startSquid is logged too, as a connection without a request.)
        const requests = squid.accessLog().filter((line) => / (GET|POST) /.test(line));
        expect(requests.filter((line) => line.includes(' POST ')).length).toBe(3);
        expect(
          requests.every((line) => line.includes(USER)),
          requests.join('\n'),
        ).toBe(true);
      } finally {
        await handlers.autoSend.stop();
      }
    }, 240_000);

    it('sends a report queued while RT was down within a minute of RT answering again', async () => {
      // RT "down": nothing listens at the helpdesk's address until a forwarder to RT opens there.
      const port = await freePort();
      const { handlers, notifications } = app(`http://127.0.0.1:${port}`, null);
      const gate = createServer((client) => {
        const upstream = connect(Number(new URL(rt.baseUrl).port), '127.0.0.1');
        client.pipe(upstream).pipe(client);
        const end = () => (client.destroy(), upstream.destroy());
        client.on('error', end);
        upstream.on('error', end);
      });
      try {
        const before = (await ticketsInQueue(rt)).length;
        expect(await file(handlers, 'The VPN drops every hour')).toMatchObject({
          ok: true,
          value: { kind: 'queued' },
        });
        await new Promise((resolve) => setTimeout(resolve, 5_000));
        await new Promise<void>((resolve) => gate.listen(port, '127.0.0.1', resolve));
        const up = Date.now();
        while ((await handlers['outbox:status']()).waiting > 0 && Date.now() - up < DEADLINE_MS)
          await new Promise((resolve) => setTimeout(resolve, 1_000));
        const tickets = await ticketsInQueue(rt);
        expect(tickets.filter((t) => t.Subject.includes('The VPN drops every hour'))).toHaveLength(1);
        expect(tickets).toHaveLength(before + 1);
        expect(notifications.some((n) => n.startsWith('Your report was sent'))).toBe(true);
      } finally {
        await handlers.autoSend.stop();
        await new Promise((resolve) => gate.close(resolve));
      }
    }, 240_000);
  },
);
