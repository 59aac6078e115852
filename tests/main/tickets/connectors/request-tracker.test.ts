/**
 * The Request Tracker connector against a REAL Request Tracker 5 (Debian's package, started by the
 * test on 127.0.0.1 with a fresh database and a least-privilege token: tests/support/rt.ts), and the
 * whole path a technician uses: `triage collect` then `triage submit`.
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createRequestTrackerConnector,
  requestTrackerSettingsSchema,
  ticketSqlString,
  type RequestTrackerSettings,
} from '../../../../main/tickets/connectors/request-tracker';
import type { TicketSubmission } from '../../../../main/tickets/types';
import { requestTrackerMissing, startRequestTracker, type RequestTracker } from '../../../support/rt';

const missing = requestTrackerMissing();
const ROOT = join(__dirname, '..', '..', '..', '..');
const CLI = join(ROOT, 'dist', 'main', 'cli', 'triage.js');
const dir = mkdtempSync(join(tmpdir(), 'triage-rt-test-'));
/** A strict site's attachment limit, so the test can go over it without megabytes of traffic. */
const MAX_ATTACHMENT = 256 * 1024;
const context = { signal: new AbortController().signal, timeoutMs: 20_000 };

function bundle(bytes: number, name = `b-${randomUUID()}.zip`): TicketSubmission['bundle'] {
  const content = Buffer.from(Array.from({ length: bytes }, (_, i) => (i * 7919) % 256));
  const path = join(dir, name);
  writeFileSync(path, content);
  return {
    path,
    fileName: 'triage-PC-0042-20261124T101500Z.zip',
    sha256: createHash('sha256').update(content).digest('hex'),
    bytes,
  };
}

const submission = (overrides: Partial<TicketSubmission> = {}): TicketSubmission => ({
  idempotencyKey: randomUUID(),
  subject: "[Triage] Can't connect: Teams drops (PC-0042)",
  description:
    'The user wrote:\nTeams drops.\n\nTriage found 1 problem:\n- [CRITICAL] The DNS server does not answer',
  requester: { name: 'Jo Smith', email: 'jo@example.org', phone: '' },
  category: 'cant-connect',
  priority: 'high',
  bundle: bundle(20_000),
  createdAt: '2026-11-24T10:15:00.000Z',
  ...overrides,
});

/** Reads a ticket's attachments straight from RT, as the least-privilege user. */
async function attachmentsOf(
  rt: RequestTracker,
  ticketId: string,
): Promise<{ name: string; sha256: string }[]> {
  const headers = { Authorization: `token ${rt.token}` };
  const list = (await (
    await fetch(`${rt.baseUrl}/REST/2.0/ticket/${ticketId}/attachments?fields=Filename&per_page=100`, {
      headers,
    })
  ).json()) as { items: { id: number; Filename: string }[] };
  const files = list.items.filter((a) => a.Filename);
  return Promise.all(
    files.map(async (a) => {
      // RT 5.0's REST 2.0 gives an attachment's bytes base64-encoded in its JSON (no raw /content).
      const attachment = (await (
        await fetch(`${rt.baseUrl}/REST/2.0/attachment/${a.id}`, { headers })
      ).json()) as { Content: string };
      const content = Buffer.from(attachment.Content, 'base64');
      return { name: a.Filename, sha256: createHash('sha256').update(content).digest('hex') };
    }),
  );
}

describe.skipIf(missing !== null && process.env.CI !== 'true')(
  `the Request Tracker connector${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    let rt: RequestTracker;
    let settings: RequestTrackerSettings;
    beforeAll(async () => {
      rt = await startRequestTracker({ maxAttachmentBytes: MAX_ATTACHMENT });
      settings = requestTrackerSettingsSchema.parse({
        kind: 'request-tracker',
        url: rt.baseUrl,
        queue: rt.queue,
        token: rt.token,
      });
    }, 120_000);
    afterAll(async () => (rt as RequestTracker | undefined)?.stop()); // unset if beforeAll failed

    it('creates a ticket with the bundle attached intact, and finds it again by its key', async () => {
      const connector = createRequestTrackerConnector(settings);
      const sent = submission();
      const receipt = await connector.create(sent, context);
      expect(receipt.url).toBe(`${rt.baseUrl}/Ticket/Display.html?id=${receipt.id}`);
      expect(await attachmentsOf(rt, receipt.id)).toContainEqual({
        name: sent.bundle.fileName,
        sha256: sent.bundle.sha256,
      });
      const ticket = (await (
        await fetch(`${rt.baseUrl}/REST/2.0/ticket/${receipt.id}`, {
          headers: { Authorization: `token ${rt.token}` },
        })
      ).json()) as { Subject: string; Priority: string; CustomFields: { name: string; values: string[] }[] };
      expect(ticket.Subject).toBe(sent.subject);
      expect(ticket.CustomFields.find((cf) => cf.name === 'CorrelationId')?.values).toEqual([
        sent.idempotencyKey,
      ]);
      expect(await connector.findByKey(sent.idempotencyKey, context)).toEqual(receipt);
      expect(await connector.findByKey(randomUUID(), context)).toBeNull();
    });

    it('is refused with a wrong token, as a permanent problem for IT', async () => {
      const connector = createRequestTrackerConnector({ ...settings, token: 'not-a-real-token-123' });
      await expect(connector.create(submission(), context)).rejects.toMatchObject({
        kind: 'auth',
        permanent: true,
      });
    });

    it('cannot file into, or see, a queue its user has no rights on', async () => {
      const connector = createRequestTrackerConnector({ ...settings, queue: rt.otherQueue });
      const error = await connector.create(submission(), context).catch((e: unknown) => e);
      expect(error).toMatchObject({ permanent: true });
      const search = await fetch(
        `${rt.baseUrl}/REST/2.0/tickets?query=${encodeURIComponent(`Queue = ${ticketSqlString(rt.otherQueue)}`)}`,
        { headers: { Authorization: `token ${rt.token}` } },
      );
      expect(((await search.json()) as { count: number }).count).toBe(0);
    });

    it('notices when RT drops a bundle over its attachment limit (RT says nothing) and tells IT which setting to raise', async () => {
      const connector = createRequestTrackerConnector(settings);
      const sent = submission({ bundle: bundle(MAX_ATTACHMENT + 50_000) });
      const error = await connector.create(sent, context).catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: 'too-large', permanent: true });
      expect((error as Error).message).toMatch(/dropped the bundle.*\$MaxAttachmentSize/);
    });

    it('quotes keys safely in TicketSQL', async () => {
      const connector = createRequestTrackerConnector(settings);
      expect(await connector.findByKey("x' OR 'a' = 'a", context)).toBeNull();
    });

    it('files what `triage collect` wrote with `triage submit`, and says where', async () => {
      const reports = join(dir, 'reports');
      mkdirSync(reports);
      const env = {
        ...process.env,
        TRIAGE_HELPDESK: JSON.stringify({
          kind: 'request-tracker',
          url: rt.baseUrl,
          queue: rt.queue,
          token: 'credential:rt',
        }),
        TRIAGE_CREDENTIAL_RT: rt.token,
        TRIAGE_STATE_DIR: join(dir, 'state'),
      };
      // Only probes that stay on this machine: the network ones belong to the network lab.
      execFileSync(
        process.execPath,
        [
          CLI,
          'collect',
          '-o',
          reports,
          '--probes',
          'hardware.cpu,hardware.memory,os.info',
          '--fail-on',
          'never',
        ],
        { env, encoding: 'utf8' },
      );
      const [file] = readdirSync(reports).filter((n) => n.endsWith('.zip'));
      const out = execFileSync(process.execPath, [CLI, 'submit', join(reports, file ?? '')], {
        env,
        encoding: 'utf8',
      });
      const id = /Ticket (\d+) created in Request Tracker/.exec(out)?.[1];
      expect(id, out).toBeDefined();
      const [attached] = await attachmentsOf(rt, id ?? '');
      const local = createHash('sha256')
        .update(readFileSync(join(reports, file ?? '')))
        .digest('hex');
      expect(attached?.sha256).toBe(local);
    });
  },
);
